import asyncio

from sqlalchemy import func, select

from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.kit.clock import utcnow
from punchcard.wallet import events as wallet_events
from punchcard.wallet.i18n import CATALOGUE, language_of, stamps_to_reward
from punchcard.wallet.view import load_pass_view
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program


async def opened_events(db: Database, business_id: str, card_id: str) -> int:
    async with db.transaction() as session:
        count = await session.scalar(
            select(func.count()).where(
                Event.business_id == business_id,
                Event.card_id == card_id,
                Event.type == "card_opened",
            )
        )
    return count or 0


async def open_card(db: Database, business_id: str, card_id: str) -> bool:
    async with db.transaction() as session:
        view = await load_pass_view(session, business_id, card_id)
        return await wallet_events.opened(session, view, "web", utcnow())


async def test_card_opened_is_emitted_at_most_once_an_hour_even_when_opened_in_parallel(
    tenant: Tenant, db: Database
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"], "opens@example.com")

    results = await asyncio.gather(
        *(open_card(db, tenant.business_id, issued["id"]) for _ in range(5))
    )

    assert results.count(True) == 1
    assert await opened_events(db, tenant.business_id, issued["id"]) == 1


def test_every_language_has_every_phrase_and_tags_fall_back_to_english() -> None:
    keys = set(CATALOGUE["en"])
    assert all(set(phrases) == keys for phrases in CATALOGUE.values())
    assert language_of("de-AT") == "de"
    assert language_of("xx") == "en"
    assert language_of(None) == "en"
    assert stamps_to_reward("de", 1, "Gratis Kaffee") == "Noch 1 Stempel bis Gratis Kaffee"
    assert stamps_to_reward("en", 3, "a free coffee") == "3 more stamps to a free coffee"
