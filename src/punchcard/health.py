"""Health checks for load balancers and orchestrators: alive, and ready to serve."""

import asyncio

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from punchcard.db.migrate import expected_heads
from punchcard.kit.http import database, problem
from punchcard.kit.openapi import problems
from punchcard.kit.unavailable import database_unavailable, failure_kind

READY_TIMEOUT_SECONDS = 2.0
RETRY_AFTER_SECONDS = "5"
router = APIRouter(tags=["Health"])
NOT_READY = problems(503, "not_ready", why="`detail` says why, `Retry-After` when to ask again.")


@router.get("/healthz", summary="Alive: the process answers (no database check)")
async def healthz() -> dict[str, str]:
    """Alive: the process answers (no database check). **Who:** Anyone; no API key needed.
    **Emits:** none.
    """
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="Ready: the database answers within 2 s and its schema is at this code's migration",
    responses=NOT_READY,
)
async def readyz(request: Request) -> JSONResponse:
    """Ready: the database answers within 2 s and its schema is at this code's migration. **Who:**
    Anyone; no API key needed. **Emits:** none.
    """
    reason = await _not_ready(request)
    if reason is None:
        return JSONResponse({"status": "ready"})
    response = problem(503, "not_ready", "Service unavailable", reason)
    response.headers["Retry-After"] = RETRY_AFTER_SECONDS
    return response


async def _not_ready(request: Request) -> str | None:
    try:
        async with asyncio.timeout(READY_TIMEOUT_SECONDS):
            async with database(request).engine.connect() as connection:
                current = set((await connection.execute(text(_VERSIONS))).scalars())
    except TimeoutError:
        return f"The database did not answer within {READY_TIMEOUT_SECONDS:g} s."
    except Exception as exc:  # any failure to reach or read the database is "not ready"
        if database_unavailable(exc):
            return f"The database cannot be reached ({failure_kind(exc)})."
        kind = failure_kind(exc)
        return f"The database has no migrated schema ({kind}): run `punchcard migrate`."
    if current != expected_heads():
        found = ", ".join(sorted(current)) or "none"
        expected = ", ".join(sorted(expected_heads()))
        return f"The database schema is at {found}, not {expected}: run `punchcard migrate`."
    return None


_VERSIONS = "SELECT version_num FROM alembic_version"
