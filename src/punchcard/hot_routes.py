"""The hot routes (add-stamp, redeem-by-code): one dependency for the acting key and the
Idempotency-Key, resolved in one step; the route's transaction is run by ``HotRoute.respond``;
a route class (``hot_post``) whose handler skips FastAPI's generic request handling.

FastAPI solves every dependency of a route on every request, cached ones included (their own
parameters first); the hot routes' five (session, key, bearer, idempotency, guard) cost more
CPU than their database work. This one declares the same parameters (the bearer scheme and the
Idempotency-Key header), so the OpenAPI document is the same. It is a plain function, not a
generator: FastAPI wraps a generator dependency in two context managers and a cancel scope on
every request, which cost about as much as the rest of the dependency.
"""

import asyncio
import inspect
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, Request, Response, params
from fastapi._compat import ModelField, field_annotation_is_sequence, lenient_issubclass
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import _get_param_aliases, request_body_to_args
from fastapi.routing import APIRoute, _effective_route_context_var
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


Handler = Callable[[Request], Coroutine[Any, Any, Response]]
Endpoint = Callable[..., Awaitable[object]]
RequestOnly = Callable[[Request], Awaitable[Any]]


def _request_only(dependant: Dependant) -> RequestOnly:
    """The call of a dependency that takes the request and nothing else (the app's
    check_input, the bearer scheme), checked once, when the route is built."""
    call = dependant.call
    # a function, or an instance of a class whose __call__ is one (HTTPBearer)
    coroutine = inspect.iscoroutinefunction(call) or inspect.iscoroutinefunction(
        type(call).__call__
    )
    others = (
        dependant.dependencies,
        dependant.path_params,
        dependant.query_params,
        dependant.header_params,
        dependant.cookie_params,
        dependant.body_params,
        dependant.background_tasks_param_name,
    )
    takes_request = dependant.request_param_name or dependant.http_connection_param_name
    if call is None or not coroutine or not takes_request or any(others):
        raise TypeError(f"a hot route's dependency must be async and take only the request: {call}")
    return call


@dataclass(frozen=True, slots=True)
class _Param:
    """A path parameter or header read as FastAPI's request_params_to_args reads it, with
    what that works out per request (aliases, sequence or model annotations) worked out once:
    only a plain one, whose default (when it has one) is None."""

    field: ModelField
    alias: str  # the request's key
    loc: tuple[str, str]

    @classmethod
    def of(cls, field: ModelField) -> "_Param":
        [(_, alias)] = _get_param_aliases(field)
        info = field.field_info
        plain = not (
            field_annotation_is_sequence(info.annotation)
            or lenient_issubclass(info.annotation, BaseModel)
        ) and (info.is_required() or (info.default is None and not info.validate_default))
        if not (plain and isinstance(info, params.Path | params.Header)):
            raise TypeError(f"a hot route's parameter must be a plain one: {field.name}")
        return cls(field, alias, (info.in_.value, alias))

    def value(self, received: Mapping[str, Any]) -> tuple[Any, bool]:
        """(value, valid): a missing optional one is None; invalid or missing required, not
        valid (FastAPI's handler says why)."""
        value = received.get(self.alias)
        if value is None:
            return None, not self.field.field_info.is_required()
        value, errors = self.field.validate(value, {}, loc=self.loc)
        return value, not errors


def _read(declared: tuple[_Param, ...], received: Mapping[str, Any]) -> dict[str, Any] | None:
    """The parameters' values by name, or None when one is not valid."""
    values = {}
    for param in declared:
        values[param.field.name], valid = param.value(received)
        if not valid:
            return None
    return values


@dataclass(frozen=True, slots=True)
class _Fast:
    """What FastAPI's generic handler does for a hot route, without its generic machinery
    (solve_dependencies walks four dependants per request, builds their cache keys, a Response
    and parameter lists for each; the content type is parsed by email.message). The same
    fields validate the same values, and the dependencies run in the same order.

    It answers only a request whose every parameter is valid, with a JSON body: any other
    (an invalid or missing parameter, a body that is not JSON, dependency overrides in tests)
    goes to FastAPI's own handler, so every refusal is FastAPI's, as before."""

    generic: Handler
    route: Any  # the APIRoute as included: its dependant holds the app's dependencies
    checks: tuple[RequestOnly, ...]  # the app's (kit.http.check_input)
    credentials: RequestOnly  # the bearer scheme
    hot: Dependant  # _hot_route's
    path: tuple[_Param, ...]
    headers: tuple[_Param, ...]  # _hot_route's: the Idempotency-Key
    names: tuple[str, str, str, str]  # _hot_route's request, background, credentials; Hot's

    @classmethod
    def of(cls, route: Any, generic: Handler) -> "_Fast":
        dependant: Dependant = route.dependant
        [hot] = [d for d in dependant.dependencies if d.call is _hot_route]
        [credentials] = hot.dependencies
        names = (
            hot.request_param_name,
            hot.background_tasks_param_name,
            credentials.name,
            hot.name,
        )
        plain = not (dependant.query_params or dependant.header_params or dependant.cookie_params)
        if not (plain and dependant.call and all(names)):
            raise TypeError(f"a hot route takes path parameters, a body and Hot: {route.path}")
        checks = tuple(_request_only(d) for d in dependant.dependencies if d is not hot)
        path = tuple(_Param.of(field) for field in dependant.path_params)
        headers = tuple(_Param.of(field) for field in hot.header_params)
        credentials_of = _request_only(credentials)
        return cls(generic, route, checks, credentials_of, hot, path, headers, names)  # type: ignore[arg-type]

    async def handle(self, request: Request) -> Response:
        provider = self.route.dependency_overrides_provider
        if request.headers.get("content-type") != "application/json" or (
            provider is not None and provider.dependency_overrides
        ):
            return await self.generic(request)
        try:
            body = await request.json()  # kept by Starlette: the generic handler reuses it
        except Exception:  # not JSON, empty, or the client left: FastAPI's answer
            return await self.generic(request)
        dependant = self.route.dependant
        path = _read(self.path, request.path_params)
        key = _read(self.headers, request.headers)
        if path is None or key is None:
            return await self.generic(request)
        bodies, body_errors = await request_body_to_args(
            dependant.body_params, body, self.route._embed_body_fields
        )
        if body_errors:
            return await self.generic(request)
        for check in self.checks:
            await check(request)
        background = BackgroundTasks()
        request_name, background_name, credentials_name, hot_name = self.names
        hot = await _hot_route(
            **{
                request_name: request,
                background_name: background,
                credentials_name: await self.credentials(request),
                **key,
            }
        )
        response = await dependant.call(**path, **bodies, **{hot_name: hot})
        assert isinstance(response, Response), "a hot route answers with Hot.respond"
        if response.background is None:
            response.background = background
        return response


class HotAPIRoute(APIRoute):
    def get_route_handler(self) -> Handler:
        generic = super().get_route_handler()
        # As APIRoute's own: an included route is built with its inclusion's context (the
        # app's dependencies among them).
        context = _effective_route_context_var.get()
        route = context if context is not None and context.original_route is self else self
        return _Fast.of(route, generic).handle


def hot_post(router: APIRouter, path: str, **options: Any) -> Callable[[Endpoint], Endpoint]:
    """``@router.post(path, **options)`` for a hot route (its endpoint takes ``Hot``): the
    same declaration, so the same OpenAPI document, handled by ``HotAPIRoute``."""

    def decorate(endpoint: Endpoint) -> Endpoint:
        router.add_api_route(
            path, endpoint, methods=["POST"], route_class_override=HotAPIRoute, **options
        )
        return endpoint

    return decorate
