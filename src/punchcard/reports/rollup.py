"""Rolling raw rows up into ``HourFigures``: each closed hour once, read by id ranges (ids are
time-ordered, so a time range is a primary-key or ``ix_events_type`` range). Stamps come from
the ledger (a removal is a negative row); new cards, vouchers issued, redeemed and rolled back
from the events, which name the location (kept ``retain_events_days``: hours rolled up later
than that lose those counts, never their stamps). The worker rolls up (reports.tasks); a page
only a few recent hours."""

from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, cast, func, literal, select
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
# A page rolls up at most PAGE_ROLLUP of settled hours itself and counts at most LIVE_SPAN
# from the raw rows: both cost it a few milliseconds.
PAGE_ROLLUP = timedelta(hours=6)
LIVE_SPAN = timedelta(days=2)
stamps = table_of(Stamp)
events = table_of(Event)
hours = table_of(HourFigures)
filled = table_of(FiguresFilled)
Key = tuple[datetime, str]
Days = dict[date, dict[str, int]]
DaysKey = tuple[str, str, str | None, datetime, datetime]  # business, zone, location, span


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


ROWS_PER_INSERT = 2000  # rows per executemany batch


async def _add(
    session: AsyncSession, business_id: str, rows: Iterable[tuple[Key, dict[str, int]]]
) -> None:
    values = [
        {"business_id": business_id, "hour": hour, "location_id": location, **figures}
        for (hour, location), figures in rows
    ]
    if not values:
        return
    statement = _insert(session.get_bind().dialect.name)(hours)
    adding = {name: hours.c[name] + statement.excluded[name] for name in FIGURES}
    upsert = statement.on_conflict_do_update(
        index_elements=["business_id", "hour", "location_id"], set_=adding
    )
    for start in range(0, len(values), ROWS_PER_INSERT):
        await session.execute(upsert, values[start : start + ROWS_PER_INSERT])


def settled(now: datetime) -> datetime:
    """The first hour not rolled up yet at ``now``: every hour before it has settled."""
    return hour_floor(now - SETTLE)


async def rolled_until(session: AsyncSession, business_id: str) -> datetime | None:
    """The business's mark: hours before it are rolled up (None: nothing yet)."""
    return await session.scalar(select(filled.c.until).where(filled.c.business_id == business_id))


async def roll_up(
    session: AsyncSession, business_id: str, now: datetime, *, most: timedelta
) -> tuple[datetime, datetime] | None:
    """Roll up the settled hours after the business's mark, at most ``most`` of them, and move
    the mark past them: the hours [from, to) rolled up (empty: none were due). None when
    another transaction is at it (its row is locked: skipped, never waited for, never counted
    twice). A business's mark starts at the hour it was created."""
    mine = filled.c.business_id == business_id
    created = await session.scalar(select(Business.created_at).where(Business.id == business_id))
    await session.execute(
        _insert(session.get_bind().dialect.name)(filled)
        .values(business_id=business_id, until=hour_floor(created or now))
        .on_conflict_do_nothing()
    )
    locked = select(filled.c.until).where(mine).with_for_update(skip_locked=True)
    until = await session.scalar(locked)
    if until is None:
        return None
    end = max(until, min(settled(now), until + most))
    if end == until:
        return until, end
    await _add(session, business_id, (await raw_figures(session, business_id, until, end)).items())
    await session.execute(filled.update().where(mine).values(until=end))
    return until, end


def _add_day(into: Days, day: date, figures: Any) -> None:
    total = into.setdefault(day, dict.fromkeys(FIGURES, 0))
    for name in FIGURES:
        total[name] += int(figures[name] or 0)


def _fold(into: Days, hour: datetime, figures: Any, zone: ZoneInfo) -> None:
    _add_day(into, hour.astimezone(zone).date(), figures)


@dataclass(frozen=True)
class Daily:
    days: Days
    counting: datetime | None  # figures before this are still being rolled up (None: none)


class SettledDays:
    """Whole local days of rolled-up hours, as summed once, per process: rolled-up hours never
    change, so a day before the mark's is final. A year by month is 26,000 hourly rows to sum
    on every view; this keeps each view to the hours of the current day. Keyed by business,
    zone, location and the span's ends (a new day, or a changed zone, is a new key)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.kept: OrderedDict[DaysKey, Days] = OrderedDict()

    def get(self, key: DaysKey) -> Days | None:
        days = self.kept.get(key)
        if days is not None:
            self.kept.move_to_end(key)
        return days

    def put(self, key: DaysKey, days: Days) -> None:
        self.kept[key] = days
        if len(self.kept) > self.size:
            self.kept.popitem(last=False)


SETTLED_DAYS = SettledDays(256)


def _local_midnight(moment: datetime, zone: ZoneInfo) -> datetime:
    here = moment.astimezone(zone)
    return datetime(here.year, here.month, here.day, tzinfo=zone).astimezone(UTC)


async def _rolled_days(
    session: AsyncSession,
    business_id: str,
    start: datetime,
    end: datetime,
    location_id: str | None,
    zone: ZoneInfo,
) -> Days:
    """The rolled-up hours in [start, end) summed per local day. PostgreSQL sums the days
    itself (a year is a few hundred rows to send, not thousands of hours)."""
    dialect = session.get_bind().dialect.name
    sums = [func.sum(hours.c[name]).label(name) for name in FIGURES]
    if dialect == "postgresql":
        bucket: Any = cast(func.timezone(zone.key, hours.c.hour), Date)
    else:
        bucket = hours.c.hour
    query = (
        select(bucket.label("bucket"), *sums)
        .where(hours.c.business_id == business_id)
        .where(hours.c.hour >= start, hours.c.hour < end)
        .group_by(bucket)
    )
    if location_id is not None:
        query = query.where(hours.c.location_id == location_id)
    found: Days = {}
    for row in (await session.execute(query)).mappings():
        if dialect == "postgresql":
            found[row["bucket"]] = {name: int(row[name] or 0) for name in FIGURES}
        else:
            _fold(found, _as_hour(row["bucket"]), row, zone)
    return found


async def daily(
    session: AsyncSession,
    business_id: str,
    start: datetime,
    end: datetime,
    location_id: str | None,
    zone: ZoneInfo,
) -> Daily:
    """Figures per local day of ``zone`` in [start, end): settled hours rolled up (whole days
    before the mark's from ``SETTLED_DAYS``), the rest live; summed over every location or for
    one. A page rolls up at most a few hours itself and counts at most ``LIVE_SPAN`` live: a
    larger backlog is the worker's (reports.tasks), and what lies between its mark and the
    live span is reported as still being counted."""
    now = datetime.now(UTC)
    mark = await rolled_until(session, business_id)
    if mark is None or timedelta() < settled(now) - mark <= PAGE_ROLLUP:
        rolled = await roll_up(session, business_id, now, most=PAGE_ROLLUP)
        mark = rolled[1] if rolled else mark
    mark = mark or start  # a first rollup under way elsewhere: nothing to read yet
    live_from = max(mark, settled(now) - LIVE_SPAN)
    rolled_end = min(end, mark)
    whole = max(start, min(rolled_end, _local_midnight(rolled_end, zone)))
    found: Days = {}
    if whole > start:
        key = (business_id, zone.key, location_id, start, whole)
        days = SETTLED_DAYS.get(key)
        if days is None:
            days = await _rolled_days(session, business_id, start, whole, location_id, zone)
            SETTLED_DAYS.put(key, days)
        found = {day: dict(figures) for day, figures in days.items()}
    if rolled_end > whole:
        recent = await _rolled_days(session, business_id, whole, rolled_end, location_id, zone)
        for day, figures in recent.items():
            _add_day(found, day, figures)
    if end > live_from:
        live = await raw_figures(session, business_id, max(start, live_from), end)
        for (hour, location), figures in live.items():
            if location_id is None or location == location_id:
                _fold(found, hour, figures, zone)
    return Daily(found, live_from if start < live_from and mark < live_from else None)
