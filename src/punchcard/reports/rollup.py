"""Rolling raw rows up into ``HourFigures``: each closed hour once, read by id ranges (ids are
time-ordered, so a time range is a primary-key or ``ix_events_type`` range). Stamps come from
the ledger (a removal is a negative row); new cards, vouchers issued, redeemed and rolled back
from the events, which name the location (kept ``retain_events_days``: a business whose
overview is first opened later loses those older counts, never its stamps)."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.models import Business
from punchcard.cards.models import Stamp
from punchcard.db.base import table_of
from punchcard.events.models import Event
from punchcard.kit.ids import id_at
from punchcard.reports.models import FiguresFilled, HourFigures

FIGURES = ("stamps", "cards", "vouchers_issued", "vouchers_redeemed")
# Event types counted, with the figure each adds to (+1) or takes from (-1).
COUNTED = {
    "card_issued": ("cards", 1),
    "voucher_issued": ("vouchers_issued", 1),
    "voucher_redeemed": ("vouchers_redeemed", 1),
    "voucher_redemption_rolled_back": ("vouchers_redeemed", -1),
}
# An hour is rolled up once it closed SETTLE ago (a transaction that began in it has committed
# by then); ids are read MARGIN wider than the hour, as a row's id is made a moment after its
# time, and the row's own time then decides.
SETTLE = timedelta(minutes=5)
MARGIN = timedelta(minutes=10)
stamps = table_of(Stamp)
events = table_of(Event)
hours = table_of(HourFigures)
filled = table_of(FiguresFilled)
Key = tuple[datetime, str]


def hour_floor(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def _hour(column: Any, dialect: str) -> Any:
    if dialect == "postgresql":
        return func.date_trunc("hour", column)
    return func.strftime("%Y-%m-%d %H:00:00", column)


def _as_hour(value: Any) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


async def raw_figures(
    session: AsyncSession, business_id: str, start: datetime, end: datetime
) -> dict[Key, dict[str, int]]:
    """Figures per (hour, location) of the rows made in [start, end), from the raw tables."""
    dialect = session.get_bind().dialect.name
    found: dict[Key, dict[str, int]] = defaultdict(lambda: dict.fromkeys(FIGURES, 0))
    where_stamps = stamps.c.id.between(id_at("stp", start - MARGIN), id_at("stp", end + MARGIN))
    hour = _hour(stamps.c.created_at, dialect)
    place = func.coalesce(stamps.c.location_id, literal(""))
    stamp_rows = await session.execute(
        select(hour, place, func.sum(stamps.c.count))
        .where(stamps.c.business_id == business_id, where_stamps)
        .where(stamps.c.created_at >= start, stamps.c.created_at < end)
        .group_by(hour, place)
    )
    for at, location, count in stamp_rows:
        found[(_as_hour(at), location)]["stamps"] += int(count or 0)
    hour = _hour(events.c.created_at, dialect)
    place = func.coalesce(events.c.location_id, literal(""))
    event_rows = await session.execute(
        select(events.c.type, hour, place, func.count())
        .where(events.c.business_id == business_id, events.c.type.in_(list(COUNTED)))
        .where(events.c.id.between(id_at("evt", start - MARGIN), id_at("evt", end + MARGIN)))
        .where(events.c.created_at >= start, events.c.created_at < end)
        .group_by(events.c.type, hour, place)
    )
    for event_type, at, location, count in event_rows:
        figure, sign = COUNTED[event_type]
        found[(_as_hour(at), location)][figure] += sign * int(count)
    return found


def _insert(dialect: str) -> Any:
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


async def _add(
    session: AsyncSession, business_id: str, rows: Iterable[tuple[Key, dict[str, int]]]
) -> None:
    values = [
        {"business_id": business_id, "hour": hour, "location_id": location, **figures}
        for (hour, location), figures in rows
    ]
    if not values:
        return
    statement = _insert(session.get_bind().dialect.name)(hours).values(values)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["business_id", "hour", "location_id"],
            set_={name: hours.c[name] + statement.excluded[name] for name in FIGURES},
        )
    )


async def fill(session: AsyncSession, business_id: str, now: datetime) -> datetime:
    """Roll up every settled hour not rolled up yet; the hour from which figures are live.
    Concurrent callers queue on the business's ``figures_filled`` row; the second finds it
    done."""
    current = hour_floor(now - SETTLE)
    dialect = session.get_bind().dialect.name
    created = await session.scalar(select(Business.created_at).where(Business.id == business_id))
    first = hour_floor(created or now)
    await session.execute(
        _insert(dialect)(filled)
        .values(business_id=business_id, until=first)
        .on_conflict_do_nothing()
    )
    until = await session.scalar(
        select(filled.c.until).where(filled.c.business_id == business_id).with_for_update()
    )
    assert until is not None
    if until >= current:
        return current
    await _add(
        session, business_id, (await raw_figures(session, business_id, until, current)).items()
    )
    await session.execute(
        filled.update().where(filled.c.business_id == business_id).values(until=current)
    )
    return current


async def hourly(
    session: AsyncSession, business_id: str, start: datetime, end: datetime, location_id: str | None
) -> dict[datetime, dict[str, int]]:
    """Figures per hour in [start, end) (closed hours rolled up, the open hour live), summed
    over every location or for one."""
    current = await fill(session, business_id, datetime.now(UTC))
    query = (
        select(hours.c.hour, *(func.sum(hours.c[name]).label(name) for name in FIGURES))
        .where(hours.c.business_id == business_id)
        .where(hours.c.hour >= start, hours.c.hour < min(end, current))
        .group_by(hours.c.hour)
    )
    if location_id is not None:
        query = query.where(hours.c.location_id == location_id)
    found: dict[datetime, dict[str, int]] = {
        _as_hour(row.hour): {name: int(getattr(row, name) or 0) for name in FIGURES}
        for row in await session.execute(query)
    }
    if end > current:
        live = await raw_figures(session, business_id, current, end)
        for (hour, location), figures in live.items():
            if location_id is None or location == location_id:
                into = found.setdefault(hour, dict.fromkeys(FIGURES, 0))
                for name in FIGURES:
                    into[name] += figures[name]
    return found
