"""Campaign tests: a business with email (a real SMTP server on loopback) and Telegram (the
local fake) set up, members with consent, and the sender run in-process step by step until it
has nothing left to do (no sleeps: each step awaits its sends)."""

import itertools
from typing import Any

import httpx
import pytest

from punchcard.campaigns.tasks import CampaignSender
from punchcard.config import Settings
from punchcard.db.engine import Database
from tests.channels.conftest import (  # noqa: F401 (fixtures)
    TELEGRAM,
    Member,
    email_settings,
    mail,
    member,
    providers,
    public,
    set_up,
)
from tests.conftest import Tenant
from tests.support.factories import ok
from tests.support.smtp_server import SmtpServer

_serial = itertools.count(1)
EMAIL = {"subject": "Hi {{ first_name }}", "text": "{{ stamps }} stamps. {{ unsubscribe_link }}"}


@pytest.fixture
def sender(db: Database, database_url: str) -> CampaignSender:
    return CampaignSender(db, Settings(database_url=database_url))


@pytest.fixture
async def emailing(tenant: Tenant, mail: SmtpServer) -> SmtpServer:  # noqa: F811
    await set_up(tenant.client, "email", email_settings(mail))
    return mail


async def consenting(tenant: Tenant, **customer: Any) -> Member:
    """A member with a card who agreed to marketing (email and wallet)."""
    customer.setdefault("email", f"fan{next(_serial)}@example.com")
    return await member(tenant, marketing_consent=True, **customer)


async def email_template(api: httpx.AsyncClient, **parts: Any) -> dict[str, Any]:
    body = {"name": "Promo", "channel": "email", "bodies": {"en": {**EMAIL, **parts}}}
    return ok(await api.post("/v1/message-templates", json=body), 201)  # type: ignore[no-any-return]


async def campaign(api: httpx.AsyncClient, template_id: str, **fields: Any) -> dict[str, Any]:
    body = {"name": "Double stamps", "channel": "email", "template_id": template_id, **fields}
    return ok(await api.post("/v1/campaigns", json=body), 201)  # type: ignore[no-any-return]


async def sent(api: httpx.AsyncClient, sender: CampaignSender, campaign_id: str) -> dict[str, Any]:
    """Send now and run the sender until it is idle; the campaign as it ends."""
    ok(await api.post(f"/v1/campaigns/{campaign_id}/send"))
    await sender.until_idle()
    return ok(await api.get(f"/v1/campaigns/{campaign_id}"))  # type: ignore[no-any-return]
