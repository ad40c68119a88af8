"""HTTP plumbing shared by every router: the request transaction and problem+json errors."""

import logging
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.exceptions import HTTPException as StarletteHTTPException

from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.kit.errors import ProblemError
from punchcard.kit.mediatype import require_json_bodies
from punchcard.kit.openapi import refuses
from punchcard.kit.storabletext import refuse_unstorable_text
from punchcard.kit.unavailable import QuietLog, database_unavailable

log = logging.getLogger("punchcard")
PROBLEM_JSON = "application/problem+json"
DATABASE_RETRY_AFTER_SECONDS = 5
_outage = QuietLog(log, "requests answered 503")
# Starlette's own HTTP errors (no route, wrong method); any other is http_<status>.
HTTP_CODES = {404: "route_not_found", 405: "method_not_allowed", 401: "unauthorized"}


def database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


@refuses({503: ("database_unavailable",)})
async def _request_transaction(request: Request) -> AsyncIterator[AsyncSession]:
    """The request is the unit of work: committed before the response is sent, or rolled back."""
    async with database(request).transaction() as session:
        yield session


async def check_input(request: Request) -> None:
    """The app-wide input checks, one dependency for both (FastAPI solves each dependency of
    a route on every request): a body that is not JSON (415), then text no database stores
    (422)."""
    await require_json_bodies(request)
    await refuse_unstorable_text(request)


def app_settings(request: Request) -> Settings:
    """The settings the app was created with (tests create apps with their own)."""
    settings: Settings = request.app.state.settings
    return settings


AppSettings = Annotated[Settings, Depends(app_settings)]


# scope="function": the commit runs before the response leaves, so a 2xx means "committed".
Session = Annotated[AsyncSession, Depends(_request_transaction, scope="function")]


def problem(status: int, code: str, title: str, detail: str, **extra: Any) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status, "code": code, "detail": detail}
    return JSONResponse({**body, **extra}, status_code=status, media_type=PROBLEM_JSON)


def _field_path(location: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in location)


# RFC 9110: a 401 names the scheme that would have worked.
CHALLENGE = {"WWW-Authenticate": "Bearer"}


async def _on_problem(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    headers = getattr(exc, "headers", None)
    if exc.status == 401:
        headers = {**CHALLENGE, **(headers or {})}
    return JSONResponse(exc.body(), exc.status, headers=headers, media_type=PROBLEM_JSON)


async def _on_validation(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    if any(error["type"] == "json_invalid" for error in errors):
        return problem(400, "invalid_json", "Bad request", "The request body is not valid JSON.")
    fields = [
        {
            "field": _field_path(error["loc"]),
            "message": str(error["msg"]).removeprefix("Value error, "),
            "type": error["type"],
        }
        for error in errors
    ]
    first = fields[0]
    more = f" (and {len(fields) - 1} more)" if len(fields) > 1 else ""
    return problem(
        422,
        "validation_error",
        "Unprocessable content",
        f"Invalid {first['field']}: {first['message']}{more}.",
        errors=fields,
    )


async def _on_http(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    response = problem(
        exc.status_code,
        HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}"),
        str(exc.detail),
        str(exc.detail),
    )
    if exc.status_code == 401:
        response.headers.update(CHALLENGE)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _on_unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return problem(500, "internal_error", "Internal error", "An unexpected error occurred.")


async def _on_database_error(request: Request, exc: Exception) -> JSONResponse:
    """The database is down or restarting, or every pooled connection stayed busy past the
    pool's timeout: 503 with Retry-After, one log line per kind (and handled here, not re-raised
    past the response, so the keep-alive connection stays open)."""
    if not database_unavailable(exc):
        return await _on_unexpected(request, exc)
    _outage.failed(exc)
    response = problem(
        503,
        "database_unavailable",
        "Service unavailable",
        "The database cannot be reached right now; try again shortly.",
    )
    response.headers["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    return response


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(DBAPIError, _on_database_error)
    app.add_exception_handler(PoolTimeout, _on_database_error)  # every connection is busy
    app.add_exception_handler(OSError, _on_database_error)  # the driver's connect errors
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_unexpected)
