"""The scanner's two actions, each exactly once per intended action: the page gives every
action form a fresh key, and a second request with it (a double tap, a retry after a dropped
connection) gets the first one's outcome back instead of acting again.

The key is kept in the API's ``Idempotency-Key`` table, written in the action's transaction,
so it exists exactly when the action was committed."""

import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards import service as cards
from punchcard.idempotency import service as idempotency
from punchcard.staff.actor import Actor
from punchcard.vouchers import service as vouchers
from punchcard.vouchers.schemas import RedeemById

KEY_PREFIX = "scan:"  # apart from the keys API clients choose


def new_key() -> str:
    return secrets.token_urlsafe(18)


async def once(
    session: AsyncSession,
    actor: Actor,
    key: str,
    request: dict[str, Any],
    act: Callable[[], Awaitable[dict[str, Any]]],
) -> tuple[dict[str, Any], bool]:
    """``act``'s outcome, and whether it is a replay of an earlier request with ``key``.
    Losing a race for the key raises ``IdempotentReplay``: the caller rolls back, then asks
    ``replayed`` for the winner's outcome."""
    stored_key = KEY_PREFIX + key
    fingerprint = idempotency.fingerprint("POST", "/scan", request)
    stored = await idempotency.lookup(session, actor.business_id, stored_key, fingerprint)
    if stored is not None:
        return stored[1], True
    outcome = await act()
    await idempotency.save(session, actor.business_id, stored_key, fingerprint, 200, outcome)
    return outcome, False


async def replayed(session: AsyncSession, error: idempotency.IdempotentReplay) -> dict[str, Any]:
    stored = await idempotency.lookup(session, error.business_id, error.key, error.fingerprint)
    assert stored is not None  # the twin committed before our insert gave way
    return stored[1]


async def add_stamps(
    session: AsyncSession, actor: Actor, *, card_id: str, count: int, location_id: str | None
) -> dict[str, Any]:
    result = await cards.add_stamps(
        session, actor, card_ref=card_id, count=count, location_id=location_id
    )
    return {
        "card_id": card_id,
        "count": result.count,
        "rewards": [voucher.title for voucher in result.vouchers],
    }


async def redeem(
    session: AsyncSession, actor: Actor, *, voucher_id: str, location_id: str | None
) -> dict[str, Any]:
    data = RedeemById(location_id=location_id, via="staff_scanner")
    row = await vouchers.redeem(session, actor, voucher_id=voucher_id, data=data)
    return {"voucher_id": row.id, "card_id": row.card_id}
