"""The wallet's own events: a card saved to a wallet, a card opened (at most once an hour)."""

from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import or_, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards.models import Card
from punchcard.db.base import table_of
from punchcard.events import service as events
from punchcard.events.payloads import card_part, customer_part, event_row
from punchcard.kit.sql import insert_ignoring_conflicts
from punchcard.wallet.models import WalletPass
from punchcard.wallet.view import PassView

Wallet = Literal["apple", "google", "web"]
OPENED_AT_MOST_EVERY = timedelta(hours=1)
passes = table_of(WalletPass)
cards = table_of(Card)


def _row(view: PassView, event_type: str, wallet: Wallet, at: datetime) -> dict[str, object]:
    return event_row(
        event_type,
        business_id=view.business_id,
        at=at,
        location_id=None,
        staff_id=None,
        customer=customer_part(view.customer_id, view.customer_source_id, view.language),
        card=card_part(
            view.card_id,
            view.program_id,
            view.scan_code,
            view.stamps,
            view.lifetime_stamps,
            view.goal_index,
        ),
        wallet=wallet,
    )


async def hold(session: AsyncSession, view: PassView, at: datetime) -> None:
    """The card is in a wallet from now on: its changes are pushed (idempotent), and the card
    says so (audiences reach wallets by it; written once, the card's row before the pass's, in
    the order a stamp takes them)."""
    await session.execute(
        update(cards)
        .where(cards.c.business_id == view.business_id, cards.c.id == view.card_id)
        .where(~cards.c.in_wallet)
        .values(in_wallet=True)
    )
    values = {"business_id": view.business_id, "id": view.card_id, "created_at": at}
    await session.execute(
        insert_ignoring_conflicts(
            passes,
            session.get_bind().dialect.name,
            {**values, "updated_at": at, "push_attempts": 0},
        )
    )


async def saved(session: AsyncSession, view: PassView, wallet: Wallet, at: datetime) -> None:
    """The customer saved the card to a wallet: hold it there and say so."""
    await hold(session, view, at)
    await events.record(session, [_row(view, "card_saved", wallet, at)])


async def opened(session: AsyncSession, view: PassView, wallet: Wallet, at: datetime) -> bool:
    """Emit ``card_opened`` unless one was emitted for this card within the hour; the
    conditional UPDATE decides, so parallel opens emit one event."""
    await hold(session, view, at)
    claimed = await session.execute(
        update(passes)
        .where(
            passes.c.business_id == view.business_id,
            passes.c.id == view.card_id,
            or_(
                passes.c.opened_event_at.is_(None),
                passes.c.opened_event_at <= at - OPENED_AT_MOST_EVERY,
            ),
        )
        .values(opened_event_at=at)
        .returning(passes.c.id)
    )
    if claimed.first() is None:
        return False
    await events.record(session, [_row(view, "card_opened", wallet, at)])
    return True
