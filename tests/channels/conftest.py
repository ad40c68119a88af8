"""Channels against local fakes of Telegram, WhatsApp and Viber (speaking their real shapes),
with this server's public URL on https as the messengers demand; their calls back to our
webhooks (Viber's set_webhook check, Meta's verification GET) go through the test app."""

import itertools
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from punchcard.config import get_settings
from punchcard.wallet.web_link import path as card_path
from tests.conftest import Tenant
from tests.support import fake_telegram, fake_viber, fake_whatsapp
from tests.support.factories import coffee_program, ok
from tests.support.fake_telegram import FakeTelegram
from tests.support.fake_viber import FakeViber
from tests.support.fake_whatsapp import FakeWhatsApp
from tests.support.smtp_server import SmtpServer, smtp_server

PUBLIC_URL = "https://punchcard.test"
_serial = itertools.count(1)


@dataclass
class Providers:
    telegram: FakeTelegram
    whatsapp: FakeWhatsApp
    viber: FakeViber
    public: httpx.AsyncClient  # the provider's side: calls our public URLs, no API key


@pytest.fixture
async def public(app_transport: httpx.ASGITransport) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=app_transport, base_url=PUBLIC_URL) as client:
        yield client


@pytest.fixture
async def providers(
    public: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Providers]:
    async with (
        fake_telegram.fake_telegram() as telegram,
        fake_whatsapp.fake_whatsapp() as whatsapp,
        fake_viber.fake_viber() as viber,
    ):

        async def meta_verifies(url: str, query: dict[str, str]) -> tuple[int, str]:
            answer = await public.get(urlsplit(url).path, params=query)
            return answer.status_code, answer.text

        async def viber_calls(url: str, body: bytes, headers: dict[str, str]) -> int:
            return (
                await public.post(urlsplit(url).path, content=body, headers=headers)
            ).status_code

        whatsapp.verifier = meta_verifies
        viber.caller = viber_calls
        environment = {
            "PUNCHCARD_PUBLIC_URL": PUBLIC_URL,
            "PUNCHCARD_TELEGRAM_API_BASE_URL": telegram.base_url,
            "PUNCHCARD_WHATSAPP_API_BASE_URL": whatsapp.base_url,
            "PUNCHCARD_VIBER_API_BASE_URL": viber.base_url,
        }
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()
        yield Providers(telegram, whatsapp, viber, public)
        monkeypatch.undo()
        get_settings.cache_clear()


@pytest.fixture
def mail() -> Iterator[SmtpServer]:
    with smtp_server() as server:
        yield server


def email_settings(server: SmtpServer, **fields: Any) -> dict[str, Any]:
    return {
        "host": server.host,
        "port": server.port,
        "security": "none",
        "from_email": "hello@cafe.example",
        "from_name": "Café Nord",
        **fields,
    }


TELEGRAM = {"bot_token": fake_telegram.TOKEN}
WHATSAPP = {
    "phone_number_id": fake_whatsapp.PHONE_NUMBER_ID,
    "access_token": fake_whatsapp.ACCESS_TOKEN,
    "app_secret": fake_whatsapp.APP_SECRET,
}
VIBER = {"auth_token": fake_viber.AUTH_TOKEN}


async def set_up(api: httpx.AsyncClient, channel: str, body: dict[str, Any]) -> dict[str, Any]:
    return ok(await api.put(f"/v1/channels/{channel}", json=body))  # type: ignore[no-any-return]


@dataclass
class Member:
    customer_id: str
    card_id: str
    card_path: str  # the web card


async def member(tenant: Tenant, **customer: Any) -> Member:
    """A customer (created with ``customer``'s fields) holding a card, and its web card path."""
    customer.setdefault("email", f"member{next(_serial)}@example.com")
    made = ok(await tenant.client.post("/v1/customers", json=customer), 201)
    program = await coffee_program(tenant.client)
    body = {"program_id": program["id"], "customer_id": made["id"]}
    issued = ok(await tenant.client.post("/v1/cards", json=body), 201)
    return Member(made["id"], issued["id"], card_path(tenant.business_id, issued["id"]))
