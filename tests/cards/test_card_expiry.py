from datetime import timedelta

from sqlalchemy import update

from punchcard.cards.models import Card
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem


async def _expire(db: Database, tenant: Tenant, card_id: str) -> None:
    """Move the card's expiry into the past (time travel, not a code path)."""
    async with db.transaction() as session:
        await session.execute(
            update(Card)
            .where(Card.business_id == tenant.business_id, Card.id == card_id)
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )


async def test_card_validity_sets_expiry(tenant: Tenant) -> None:
    api = tenant.client
    prg = await coffee_program(api, card_validity_days=365)
    issued = await card(api, prg["id"])
    assert issued["expires_at"] > issued["issued_at"]


async def test_expired_card_refuses_stamps_and_reads_expired(tenant: Tenant, db: Database) -> None:
    api = tenant.client
    prg = await coffee_program(api, card_validity_days=30)
    issued = await card(api, prg["id"])
    await _expire(db, tenant, issued["id"])
    problem(await api.post(f"/v1/cards/{issued['id']}/stamps", json={}), 409, "card_expired")
    assert ok(await api.get(f"/v1/cards/{issued['id']}"))["status"] == "expired"


async def test_issuing_after_expiry_gives_a_new_card(tenant: Tenant, db: Database) -> None:
    api = tenant.client
    prg = await coffee_program(api, card_validity_days=30)
    old = await card(api, prg["id"], email="back@example.com")
    await _expire(db, tenant, old["id"])
    new = await card(api, prg["id"], email="back@example.com")
    assert new["id"] != old["id"]
    assert new["customer_id"] == old["customer_id"]
    expired = ok(await api.get("/v1/cards", params={"status": "expired"}))["data"]
    assert [c["id"] for c in expired] == [old["id"]]
