"""The ``Idempotency-Key`` header for POST endpoints that change state."""

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, FastAPI, Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.idempotency import service
from punchcard.kit.http import Session, database
from punchcard.kit.openapi import refuses
from punchcard.staff.actor import Actor
from punchcard.staff.auth import CurrentActor

REPLAYED = "Idempotent-Replayed"


class Idempotency:
    def __init__(self, request: Request, session: AsyncSession, actor: Actor, key: str | None):
        self.request, self.session, self.actor, self.key = request, session, actor, key

    async def respond(
        self, status_code: int, produce: Callable[[], Awaitable[tuple[int, BaseModel] | BaseModel]]
    ) -> JSONResponse:
        """Run ``produce`` once per key; it may return (status, body) to pick the status."""
        if self.key is None:
            status_code, body = _split(status_code, await produce())
            return JSONResponse(body, status_code)
        request = self.request
        fingerprint = service.fingerprint(request.method, request.url.path, await _body(request))
        business_id = self.actor.business_id
        stored = await service.lookup(self.session, business_id, self.key, fingerprint)
        if stored is not None:
            return _replay(*stored)
        status_code, body = _split(status_code, await produce())
        await service.save(self.session, business_id, self.key, fingerprint, status_code, body)
        return JSONResponse(body, status_code)


async def _body(request: Request) -> bytes | object:
    """The body as FastAPI parsed it (Starlette keeps the parsed JSON: no second parse)."""
    raw = await request.body()
    try:
        return await request.json() if raw else raw
    except ValueError:  # not JSON: the endpoint accepted it as it is
        return raw


def _split(default: int, result: tuple[int, BaseModel] | BaseModel) -> tuple[int, dict]:  # type: ignore[type-arg]
    status, model = result if isinstance(result, tuple) else (default, result)
    return status, model.model_dump(mode="json")


def _replay(status_code: int, body: dict) -> JSONResponse:  # type: ignore[type-arg]
    return JSONResponse(body, status_code, headers={REPLAYED: "true"})


async def _on_replay(request: Request, exc: Exception) -> JSONResponse:
    """The concurrent twin committed first; our work was rolled back. Answer as it did."""
    assert isinstance(exc, service.IdempotentReplay)
    async with database(request).transaction() as session:
        stored = await service.lookup(session, exc.business_id, exc.key, exc.fingerprint)
    assert stored is not None
    return _replay(*stored)


def install(app: FastAPI) -> None:
    app.add_exception_handler(service.IdempotentReplay, _on_replay)


@refuses({422: ("idempotency_key_reused",)})
async def _idempotency(
    request: Request,
    session: Session,
    actor: CurrentActor,
    key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            min_length=1,
            max_length=255,
            description="Retries with the same key return the first response (kept 24 h).",
        ),
    ] = None,
) -> Idempotency:
    # An async dependency: a class (sync __init__) would hop to the threadpool on every request.
    return Idempotency(request, session, actor, key)


Idempotent = Annotated[Idempotency, Depends(_idempotency)]
