"""Guessing protection: failed code look-ups are logged, and too many of them in a sliding window
block an API key or a location (429) until the oldest of them leaves the window.

Counts live in the database, so every server process enforces the same limit.
"""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.code_lookups.models import CodeLookupFailure, CodeLookupLimit
from punchcard.config import get_settings
from punchcard.db.base import table_of
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import ProblemError
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams, newest_first, to_page
from punchcard.kit.sql import upsert
from punchcard.staff.actor import Actor, Permission

failures = table_of(CodeLookupFailure)
limits = table_of(CodeLookupLimit)


class TooManyFailedLookups(ProblemError):
    status = 429
    title = "Too many requests"

    def __init__(self, blocked_until: datetime, now: datetime) -> None:
        seconds = max(1, int((blocked_until - now).total_seconds() + 0.999))
        super().__init__(
            "too_many_failed_lookups",
            "Too many redeem codes that match no voucher from this key or location: "
            f"try again in {seconds} s. The business sees them at /v1/code-lookup-failures.",
            retry_after=seconds,
        )
        self.headers = {"Retry-After": str(seconds)}


def scope_ids(
    api_key_id: str | None, location_id: str | None, staff_id: str | None = None
) -> list[str]:
    """The limit row ids of a look-up's limited scopes. A staff login signed in with a password
    (the scanner page, no API key) is a scope itself, so an unbound login guessing codes is
    limited too. Plain strings: a redemption checks them in its own statement, and building
    the columns' conditions (``scopes``) costs more than the rest of its Python."""
    found = []
    if api_key_id:
        found.append(f"key:{api_key_id}")
    elif staff_id:
        found.append(f"stf:{staff_id}")
    if location_id:
        found.append(f"loc:{location_id}")
    return found


_COUNTED = {"key": failures.c.api_key_id, "stf": failures.c.staff_id, "loc": failures.c.location_id}


def scopes(
    api_key_id: str | None, location_id: str | None, staff_id: str | None = None
) -> dict[str, Any]:
    """Limited scopes of a look-up, keyed by their limit row id, valued by the column to count."""
    found: dict[str, Any] = {}
    for scope_id in scope_ids(api_key_id, location_id, staff_id):
        kind, _, ref = scope_id.partition(":")
        found[scope_id] = _COUNTED[kind] == ref
    return found


async def ensure_allowed(
    session: AsyncSession, business_id: str, scope_ids: list[str], now: datetime
) -> None:
    """Before a look-up: one primary-key read; a look-up that may succeed is never delayed."""
    if not scope_ids:
        return
    blocked_until = await session.scalar(
        select(func.max(limits.c.blocked_until)).where(
            limits.c.business_id == business_id, limits.c.id.in_(scope_ids)
        )
    )
    if blocked_until is not None and blocked_until > now:
        # Counted from the clock as it is now: ``now`` may predate a wait for a connection,
        # during which other look-ups failed and set this block.
        raise TooManyFailedLookups(blocked_until, utcnow())


def _lock_scope(dialect: str, business_id: str, scope_id: str, now: datetime) -> Any:
    """Upsert the scope's row: the row lock orders concurrent failures of the scope."""
    values = {"business_id": business_id, "id": scope_id, "updated_at": now}
    return upsert(limits, dialect, values, key=["business_id", "id"])


async def record_failure(
    session: AsyncSession,
    *,
    business_id: str,
    api_key_id: str | None,
    staff_id: str | None,
    location_id: str | None,
    code: str,
    operation: str,
) -> datetime | None:
    """Log the failure; when it is beyond the limit of its key or location, return the moment
    the look-up is allowed again (the caller commits the log first, then answers 429)."""
    settings = get_settings()
    limit, window = settings.code_lookup_failure_limit, settings.code_lookup_window_seconds
    limited = scopes(api_key_id, location_id, staff_id)
    dialect = session.get_bind().dialect.name
    for scope_id in sorted(limited):  # one lock order everywhere: no deadlocks
        await session.execute(_lock_scope(dialect, business_id, scope_id, utcnow()))
    now = utcnow()  # read under the locks: a scope's failures are logged in time order
    await session.execute(
        insert(failures).values(
            business_id=business_id,
            id=new_id("clf"),
            at=now,
            operation=operation,
            code=code[:64],
            api_key_id=api_key_id,
            staff_id=staff_id,
            location_id=location_id,
        )
    )
    since = now - timedelta(seconds=window)
    over: datetime | None = None
    for scope_id, condition in limited.items():
        recent = list(
            await session.scalars(
                select(failures.c.at)
                .where(failures.c.business_id == business_id, condition, failures.c.at > since)
                .order_by(failures.c.at.desc())
                .limit(limit + 1)
            )
        )
        if len(recent) < limit:
            continue
        # Blocked until the oldest of the last `limit` failures leaves the window.
        blocked_until = recent[limit - 1] + timedelta(seconds=window)
        await session.execute(
            limits.update()
            .where(limits.c.business_id == business_id, limits.c.id == scope_id)
            .values(blocked_until=blocked_until)
        )
        if len(recent) > limit:
            over = max(over or blocked_until, blocked_until)
    return over


async def list_failures(
    session: AsyncSession,
    actor: Actor,
    params: PageParams,
    *,
    location_id: str | None,
    staff_id: str | None,
) -> tuple[list[Any], str | None]:
    actor.require(Permission.EVENTS_READ)
    if location_id:
        actor.require_location(location_id)
    location_id = location_id or actor.location_id  # staff bound to a location see its own
    query = select(failures).where(failures.c.business_id == actor.business_id)
    if location_id:
        query = query.where(failures.c.location_id == location_id)
    if staff_id:
        query = query.where(failures.c.staff_id == staff_id)
    rows = list((await session.execute(newest_first(query, failures.c.id, params))).all())
    return to_page(rows, params, lambda row: row.id)
