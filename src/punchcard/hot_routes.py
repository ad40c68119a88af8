"""One dependency for the hot routes (add-stamp, redeem-by-code): the acting key and the
Idempotency-Key, resolved in one step; the route's transaction is run by ``HotRoute.respond``.

FastAPI solves every dependency of a route on every request, cached ones included (their own
parameters first); the hot routes' five (session, key, bearer, idempotency, guard) cost more
CPU than their database work. This one declares the same parameters (the bearer scheme and the
Idempotency-Key header), so the OpenAPI document is the same. It is a plain function, not a
generator: FastAPI wraps a generator dependency in two context managers and a cancel scope on
every request, which cost about as much as the rest of the dependency.
"""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Annotated

from fastapi import BackgroundTasks, Depends, Request, Response
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.idempotency.http import Idempotency, IdempotencyKey
from punchcard.kit.http import database
from punchcard.kit.openapi import refuses
from punchcard.staff.actor import Actor
from punchcard.staff.auth import AUTH_REFUSALS, Credentials, known_actor

Produce = Callable[[AsyncSession, Actor], Awaitable[tuple[int, BaseModel] | BaseModel]]


@dataclass(slots=True)
class HotRoute:
    request: Request
    actor: Actor  # maybe unconfirmed: the route's service confirms it (staff.key_check)
    key: str | None  # the Idempotency-Key

    async def respond(self, status_code: int, produce: Produce) -> Response:
        """``produce(session, actor)`` in the request's transaction, once per Idempotency-Key.

        As kit.http.Session: committed before the response leaves, so a 2xx means "committed";
        rolled back when the route fails. Begun by its first statement, not up front: the
        common stamp or redemption runs on a pooled connection of its own
        (kit.db.first_and_only_write) and leaves the session untouched, which then has nothing
        to begin or commit."""
        session = database(self.request).sessions()
        try:
            idem = Idempotency(self.request, session, self.actor, self.key)
            response = await idem.respond(status_code, partial(produce, session, self.actor))
            if session.in_transaction():
                await session.commit()
            return response
        finally:
            # Closed (rolled back) only when a transaction is left open, as after an error:
            # closing costs a task and a greenlet switch even when there is nothing to close,
            # and the common request left the session untouched or committed it.
            if session.in_transaction():
                await asyncio.shield(session.close())


# It reads the key and the Idempotency-Key itself and runs the route's transaction, so it
# declares what those dependencies would.
@refuses(AUTH_REFUSALS | {503: ("database_unavailable",), 422: ("idempotency_key_reused",)})
async def _hot_route(
    request: Request,
    background: BackgroundTasks,
    credentials: Credentials,
    key: IdempotencyKey = None,
) -> HotRoute:
    return HotRoute(request, await known_actor(request, background, credentials), key)


Hot = Annotated[HotRoute, Depends(_hot_route)]
