"""Google's save callback, signed by Google's root key through an intermediate key, becomes
``card_saved`` (wallet "google"); anything not signed for us is refused."""

from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select

from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.wallet.google.objects import CALLBACK_PATH, class_id, object_id
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem
from tests.wallet.google.conftest import ISSUER_ID, Google


async def saved_events(db: Database, tenant: Tenant, card_id: str) -> list[dict[str, Any]]:
    async with db.transaction() as session:
        payloads = await session.scalars(
            select(Event.payload).where(
                Event.business_id == tenant.business_id,
                Event.card_id == card_id,
                Event.type == "card_saved",
            )
        )
        return list(payloads)


async def a_card(tenant: Tenant) -> tuple[dict[str, Any], dict[str, str]]:
    program = await coffee_program(tenant.client)
    issued: dict[str, Any] = await card(tenant.client, program["id"])
    message = {
        "classId": class_id(ISSUER_ID, tenant.business_id, program["id"]),
        "objectId": object_id(ISSUER_ID, issued["id"]),
        "eventType": "save",
        "nonce": "n-1",
    }
    return issued, message


def google_posting(tenant: Tenant) -> httpx.AsyncClient:
    """Google has no API key: the callback is public, its signatures are the credential."""
    return httpx.AsyncClient(transport=tenant.client._transport, base_url="http://punchcard.test")


async def test_a_save_signed_by_google_emits_card_saved(
    tenant: Tenant, google: Google, db: Database
) -> None:
    issued, message = await a_card(tenant)

    body = google.fake.signed_callback(ISSUER_ID, message)
    answer = ok(await google_posting(tenant).post(CALLBACK_PATH, content=body))

    assert answer == {"status": "saved"}
    events = await saved_events(db, tenant, issued["id"])
    assert [event["wallet"] for event in events] == ["google"]
    assert events[0]["customer"]["id"] == issued["customer_id"]


async def test_a_deletion_is_acknowledged_without_an_event(
    tenant: Tenant, google: Google, db: Database
) -> None:
    issued, message = await a_card(tenant)

    body = google.fake.signed_callback(ISSUER_ID, {**message, "eventType": "del"})
    answer = ok(await google_posting(tenant).post(CALLBACK_PATH, content=body))

    assert answer == {"status": "ignored"}
    assert await saved_events(db, tenant, issued["id"]) == []


async def test_callbacks_not_signed_for_us_are_refused_and_change_nothing(
    tenant: Tenant, google: Google, db: Database
) -> None:
    issued, message = await a_card(tenant)
    stranger = ec.generate_private_key(ec.SECP256R1())
    tampered = google.fake.signed_callback(ISSUER_ID, message).replace(b"n-1", b"n-2")
    refused = {
        "another root key": google.fake.signed_callback(ISSUER_ID, message, root_key=stranger),
        "another issuer": google.fake.signed_callback("1234567890", message),
        "an expired intermediate key": google.fake.signed_callback(
            ISSUER_ID, message, key_expires_in_ms=-1
        ),
        "a changed message": tampered,
        "no callback at all": b'{"hello": "world"}',
        "not JSON": b"\xff\xfe",
    }
    posting = google_posting(tenant)

    for case, body in refused.items():
        response = await posting.post(CALLBACK_PATH, content=body)
        assert response.status_code == 401, case
        problem(response, 401, "google_callback_rejected")
    too_large = await posting.post(CALLBACK_PATH, content=b"x" * 20_000)

    problem(too_large, 413, "content_too_large")
    assert await saved_events(db, tenant, issued["id"]) == []
