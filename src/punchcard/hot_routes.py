"""One dependency for the hot routes (add-stamp, redeem-by-code): the request's transaction,
the acting key and the Idempotency-Key, resolved in one step.

FastAPI solves every dependency of a route on every request, cached ones included (their own
parameters first); the hot routes' five (session, key, bearer, idempotency, guard) cost more
CPU than their database work. This one declares the same parameters (the bearer scheme and the
Idempotency-Key header), so the OpenAPI document is the same.
"""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import BackgroundTasks, Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.idempotency.http import Idempotency, IdempotencyKey
from punchcard.kit.http import database
from punchcard.kit.openapi import refuses
from punchcard.staff.actor import Actor
from punchcard.staff.auth import AUTH_REFUSALS, Credentials, known_actor


@dataclass(slots=True)
class HotRoute:
    session: AsyncSession
    actor: Actor  # maybe unconfirmed: the route's service confirms it (staff.key_check)
    idem: Idempotency


# It opens the transaction and reads the key and the Idempotency-Key itself, so it declares
# what those dependencies would.
@refuses(AUTH_REFUSALS | {503: ("database_unavailable",), 422: ("idempotency_key_reused",)})
async def _hot_route(
    request: Request,
    background: BackgroundTasks,
    credentials: Credentials,
    key: IdempotencyKey = None,
) -> AsyncIterator[HotRoute]:
    # As kit.http.Session: committed before the response leaves, so a 2xx means "committed";
    # rolled back when the route fails. Begun by its first statement, not up front: the common
    # stamp or redemption runs on a pooled connection of its own (kit.db.first_and_only_write)
    # and leaves the session untouched, which then has nothing to begin or commit.
    async with database(request).sessions() as session:
        actor = await known_actor(request, session, background, credentials)
        yield HotRoute(session, actor, Idempotency(request, session, actor, key))
        if session.in_transaction():
            await session.commit()


Hot = Annotated[HotRoute, Depends(_hot_route, scope="function")]
