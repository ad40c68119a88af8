"""Rate limits that hold across every server process: counters in the database.

A limit allows ``count`` hits per ``window_seconds`` for one subject (a client address, a
program, a pass). Each hit is one ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` on the
subject's counter row, in a transaction of its own so the row is locked for that statement
only (never for the rest of a request); the window starts at the subject's first hit. Expired
counters are deleted by the daily retention job (jobs.retention). Used by the public pages and
PassKit, failed referral-code look-ups on the join form, and meant for the dashboard sign-in.
"""

import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import String, case, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, table_of
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import ProblemError
from punchcard.kit.sql import UTCDateTime, upsert

GLOBAL = "-"  # the business_id of limits that belong to no business


class RateCounter(Base):
    """Hits of one subject under one limit since ``window_ends_at`` minus the window."""

    __tablename__ = "rate_counters"

    business_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)  # "<limit>:<subject>"
    hits: Mapped[int]
    window_ends_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


counters = table_of(RateCounter)


@dataclass(frozen=True)
class Limit:
    name: str  # e.g. "join-address"
    count: int
    window_seconds: int


class RateLimited(ProblemError):
    status = 429
    title = "Too many requests"

    def __init__(self, limit: Limit, retry_after: int) -> None:
        super().__init__(
            "rate_limited",
            f"Too many requests ({limit.name}): try again in {retry_after} s.",
            limit=limit.name,
            retry_after=retry_after,
        )
        self.retry_after = retry_after
        self.headers = {"Retry-After": str(retry_after)}


def address_of(host: str | None) -> str:
    """The subject of a client address: an IPv4 address, or the /64 of an IPv6 one (a single
    machine usually holds a whole /64)."""
    if not host:
        return "unknown"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


async def count_hit(
    session: AsyncSession, limit: Limit, subject: str, *, business_id: str = GLOBAL
) -> None:
    """Count one hit in ``session``; ``RateLimited`` (429 with Retry-After) once the subject is
    over its limit for the window."""
    now = utcnow()
    fresh_end = now + timedelta(seconds=limit.window_seconds)
    current = counters.c.window_ends_at > now
    statement = upsert(
        counters,
        session.get_bind().dialect.name,
        {
            "business_id": business_id,
            "key": f"{limit.name}:{subject}"[:200],
            "hits": 1,
            "window_ends_at": fresh_end,
        },
        key=["business_id", "key"],
        changes={
            "hits": case((current, counters.c.hits + 1), else_=1),
            "window_ends_at": case((current, counters.c.window_ends_at), else_=fresh_end),
        },
    ).returning(counters.c.hits, counters.c.window_ends_at)
    hits, window_ends_at = (await session.execute(statement)).one()
    if hits > limit.count:
        raise RateLimited(limit, max(1, math.ceil((window_ends_at - now).total_seconds())))


async def ensure_below(
    session: AsyncSession, limit: Limit, subject: str, *, business_id: str = GLOBAL
) -> None:
    """``RateLimited`` when the subject used up its limit in the current window; counts
    nothing (for limits on failures: check before trying, ``count_hit`` after failing)."""
    now = utcnow()
    found = (
        await session.execute(
            select(counters.c.hits, counters.c.window_ends_at).where(
                counters.c.business_id == business_id,
                counters.c.key == f"{limit.name}:{subject}"[:200],
            )
        )
    ).one_or_none()
    if found is not None and found.window_ends_at > now and found.hits >= limit.count:
        raise RateLimited(limit, max(1, math.ceil((found.window_ends_at - now).total_seconds())))


async def hit(db: Database, limit: Limit, subject: str, *, business_id: str = GLOBAL) -> None:
    """``count_hit`` in a transaction of its own, committed at once (the hit counts whatever
    the request then answers). Call it before the request's own transaction writes: on SQLite
    a second writer waits for the first."""
    async with db.transaction() as session:
        await count_hit(session, limit, subject, business_id=business_id)


async def hits(db: Database, limits: list[tuple[Limit, str]], *, business_id: str) -> None:
    """Several limits at once, one transaction; every one counts the hit."""
    refused: RateLimited | None = None
    async with db.transaction() as session:
        for limit, subject in limits:
            try:
                await count_hit(session, limit, subject, business_id=business_id)
            except RateLimited as exc:
                refused = (
                    exc if refused is None or exc.retry_after > refused.retry_after else refused
                )
    if refused is not None:
        raise refused
