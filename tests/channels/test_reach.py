"""Who a message may go to, and why not: every skip reason, marketing against transactional,
and how consent is given and taken back (join form, API, per channel)."""

from typing import Any

import httpx
import pytest

from punchcard.channels.reach import Reach, Skip, reach
from punchcard.db.engine import Database
from punchcard.staff.actor import Actor
from tests.channels.conftest import email_settings, member, set_up
from tests.conftest import Tenant
from tests.support.factories import ok, problem
from tests.support.smtp_server import SmtpServer


async def verdict(
    db: Database, tenant: Tenant, customer_id: str, kind: str = "marketing", channel: str = "email"
) -> Reach | Skip:
    async with db.transaction() as session:
        return await reach(
            session,
            Actor.system(tenant.business_id),
            customer_id=customer_id,
            channel=channel,  # type: ignore[arg-type]
            kind=kind,  # type: ignore[arg-type]
        )


def reason(found: Reach | Skip) -> str:
    return found.reason if isinstance(found, Skip) else "send"


async def channels(api: httpx.AsyncClient, customer_id: str) -> dict[str, Any]:
    shown: dict[str, Any] = ok(await api.get(f"/v1/customers/{customer_id}"))["channels"]
    return shown


async def test_a_channel_the_business_has_not_set_up_is_skipped(
    tenant: Tenant, db: Database
) -> None:
    customer = await member(tenant, marketing_consent=True)

    assert reason(await verdict(db, tenant, customer.customer_id)) == "channel_not_configured"


async def test_a_customer_of_another_business_is_not_found(
    tenant: Tenant, db: Database, mail: SmtpServer
) -> None:
    await set_up(tenant.client, "email", email_settings(mail))
    other = Tenant(**{**tenant.__dict__, "business_id": "biz_someoneelse"})

    found = await verdict(db, other, (await member(tenant)).customer_id)

    assert reason(found) == "customer_not_found"


async def test_a_customer_without_an_address_there_is_not_linked(
    tenant: Tenant, db: Database, mail: SmtpServer
) -> None:
    await set_up(tenant.client, "email", email_settings(mail))
    made = ok(await tenant.client.post("/v1/customers", json={"phone": "+4915112345679"}), 201)

    assert reason(await verdict(db, tenant, made["id"])) == "not_linked"


async def test_marketing_needs_consent(tenant: Tenant, db: Database, mail: SmtpServer) -> None:
    await set_up(tenant.client, "email", email_settings(mail))
    customer = await member(tenant)

    assert reason(await verdict(db, tenant, customer.customer_id)) == "no_consent"


async def test_marketing_to_a_customer_who_withdrew_is_unsubscribed(
    tenant: Tenant, db: Database, mail: SmtpServer
) -> None:
    await set_up(tenant.client, "email", email_settings(mail))
    customer = await member(tenant, marketing_consent=True)
    ok(
        await tenant.client.patch(
            f"/v1/customers/{customer.customer_id}", json={"consents": {"email": False}}
        )
    )

    assert reason(await verdict(db, tenant, customer.customer_id)) == "unsubscribed"


async def test_a_consenting_customer_is_reached_at_their_email(
    tenant: Tenant, db: Database, mail: SmtpServer
) -> None:
    await set_up(tenant.client, "email", email_settings(mail))
    customer = await member(tenant, email="ada@example.com", marketing_consent=True)

    found = await verdict(db, tenant, customer.customer_id)

    assert isinstance(found, Reach)
    assert found.recipient.address == "ada@example.com"
    assert found.recipient.unsubscribe_url is not None


@pytest.mark.parametrize(
    ("setting", "consent", "expected"),
    [
        ("send", None, "send"),
        ("send", False, "send"),
        ("require_consent", None, "no_consent"),
        ("require_consent", False, "unsubscribed"),
        ("require_consent", True, "send"),
    ],
)
async def test_transactional_messages_follow_the_channels_setting(
    tenant: Tenant,
    db: Database,
    mail: SmtpServer,
    setting: str,
    consent: bool | None,
    expected: str,
) -> None:
    await set_up(tenant.client, "email", email_settings(mail, transactional=setting))
    customer = await member(tenant)
    if consent is not None:
        body = {"consents": {"email": consent}}
        ok(await tenant.client.patch(f"/v1/customers/{customer.customer_id}", json=body))

    found = await verdict(db, tenant, customer.customer_id, kind="transactional")

    assert reason(found) == expected


async def test_general_consent_grants_email_and_wallet_and_its_withdrawal_every_channel(
    tenant: Tenant,
) -> None:
    api = tenant.client
    customer = await member(tenant, marketing_consent=True)
    granted = await channels(api, customer.customer_id)

    await api.post(
        "/v1/customers", json={"email": granted["email"]["address"], "marketing_consent": False}
    )
    withdrawn = await channels(api, customer.customer_id)

    assert {name: shown["consent"] for name, shown in granted.items()} == {
        "wallet": "granted",
        "email": "granted",
        "telegram": None,
        "whatsapp": None,  # the business does not use WhatsApp
        "viber": None,
    }
    assert {shown["consent"] for shown in withdrawn.values()} == {"withdrawn"}
    assert withdrawn["email"]["consent_source"] == "api"


async def test_a_crm_sending_consent_again_does_not_undo_an_unsubscribe(
    tenant: Tenant,
) -> None:
    api = tenant.client
    customer = await member(tenant, email="ada@example.com", marketing_consent=True)
    ok(
        await api.patch(
            f"/v1/customers/{customer.customer_id}", json={"consents": {"email": False}}
        )
    )

    await api.post("/v1/customers", json={"email": "ada@example.com", "marketing_consent": True})

    assert (await channels(api, customer.customer_id))["email"]["consent"] == "withdrawn"


async def test_every_consent_change_is_recorded_once_with_its_source(tenant: Tenant) -> None:
    api = tenant.client
    customer = await member(tenant, marketing_consent=True)
    path = f"/v1/customers/{customer.customer_id}"
    ok(await api.patch(path, json={"consents": {"email": False}}))
    ok(await api.patch(path, json={"consents": {"email": False}}))  # no change: not logged

    changes = ok(await api.get(f"{path}/consent-changes", params={"limit": 10}))["data"]

    assert [(c["channel"], c["granted"], c["source"]) for c in changes] == [
        ("email", False, "api"),
        ("wallet", True, "api"),
        ("email", True, "api"),
    ]


async def test_patch_answers_with_the_customers_channels(tenant: Tenant) -> None:
    customer = await member(tenant)

    shown = ok(
        await tenant.client.patch(
            f"/v1/customers/{customer.customer_id}", json={"consents": {"viber": True}}
        )
    )

    assert shown["id"] == customer.customer_id
    assert shown["channels"]["viber"]["consent"] == "granted"
    assert shown["channels"]["viber"]["marketing"] == "channel_not_configured"


async def test_another_businesss_customer_cannot_be_patched(
    tenant: Tenant, stranger: Tenant
) -> None:
    customer = await member(tenant)

    refused = await stranger.client.patch(
        f"/v1/customers/{customer.customer_id}", json={"consents": {"email": True}}
    )

    problem(refused, 404, "customer_not_found")
    problem(
        await stranger.client.get(f"/v1/customers/{customer.customer_id}/consent-changes"),
        404,
        "customer_not_found",
    )
