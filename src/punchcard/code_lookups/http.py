"""The guard around HTTP code look-ups (redeem by code, validate, a referral code).

A failed look-up is recorded after the request's own transaction has rolled back, in a
transaction of its own, so the log keeps it whatever the request answers.
"""

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from punchcard.code_lookups import service
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import ProblemError
from punchcard.kit.http import PROBLEM_JSON, Session, database
from punchcard.kit.openapi import refuses
from punchcard.staff.actor import Actor
from punchcard.staff.auth import current_actor

Operation = Literal["redeem", "validate", "referral"]
# What a look-up answers when the code names nothing: a failure that counts.
UNKNOWN_CODE = frozenset({"voucher_not_found", "referral_code_not_found"})


class LookupFailed(Exception):
    """A redeem or referral code matched nothing; ``response`` is the answer while under the
    limit."""

    def __init__(
        self,
        actor: Actor,
        location_id: str | None,
        code: str,
        operation: Operation,
        response: JSONResponse,
    ) -> None:
        super().__init__(code)
        self.actor, self.location_id, self.code = actor, location_id, code
        self.operation, self.response = operation, response


class CodeGuard:
    def __init__(self, session: Session, actor: Actor) -> None:
        self.session, self.actor = session, actor

    def _location(self, requested: str | None) -> str | None:
        return self.actor.location_id or requested

    def scope_ids(self, location_id: str | None) -> list[str]:
        """The limit rows a look-up is refused by (for services that check them themselves)."""
        return service.scope_ids(self.actor.api_key_id, self._location(location_id))

    async def ensure_allowed(self, location_id: str | None) -> None:
        limited = self.scope_ids(location_id)
        await service.ensure_allowed(self.session, self.actor.business_id, limited, utcnow())

    def failed(
        self, code: str, location_id: str | None, operation: Operation, response: JSONResponse
    ) -> LookupFailed:
        return LookupFailed(self.actor, self._location(location_id), code, operation, response)

    @asynccontextmanager
    async def watch(
        self, code: str, location_id: str | None, operation: Operation, *, up_front: bool = True
    ) -> AsyncIterator[None]:
        """Refuse a blocked key or location up front (``up_front=False``: the service's own
        statement refuses it, see ``scope_ids``); turn 'no such code' into a logged failure."""
        if up_front:
            await self.ensure_allowed(location_id)
        try:
            yield
        except ProblemError as exc:
            if exc.code not in UNKNOWN_CODE:
                raise
            response = JSONResponse(exc.body(), exc.status, media_type=PROBLEM_JSON)
            raise self.failed(code, location_id, operation, response) from exc


def _code_guard(actor_of: Callable[..., Awaitable[Actor]]) -> Callable[..., Awaitable[CodeGuard]]:
    """The dependency, for routes authenticated by ``actor_of`` (one actor per request)."""

    @refuses({429: ("too_many_failed_lookups",)})
    async def code_guard(session: Session, actor: Annotated[Actor, Depends(actor_of)]) -> CodeGuard:
        return CodeGuard(session, actor)

    return code_guard


Guard = Annotated[CodeGuard, Depends(_code_guard(current_actor))]


async def _on_lookup_failed(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, LookupFailed)
    actor = exc.actor
    async with database(request).transaction() as session:
        blocked_until = await service.record_failure(
            session,
            business_id=actor.business_id,
            api_key_id=actor.api_key_id,
            staff_id=actor.staff_id,
            location_id=exc.location_id,
            code=exc.code,
            operation=exc.operation,
        )
    if blocked_until is None:
        return exc.response
    refusal = service.TooManyFailedLookups(blocked_until, utcnow())
    return JSONResponse(
        refusal.body(), refusal.status, headers=refusal.headers, media_type=PROBLEM_JSON
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(LookupFailed, _on_lookup_failed)
