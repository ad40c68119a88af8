"""The overview's figures: today, this month, a series by day, week or month (in the business's
time zone), and active and lapsing customers. Staff bound to a location see theirs only."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.automations.models import last_activity
from punchcard.businesses.models import Business
from punchcard.businesses.service import acting_location
from punchcard.cards.models import Card
from punchcard.db.base import table_of
from punchcard.reports.rollup import daily, filled
from punchcard.staff.actor import Actor, Permission

Period = Literal["day", "week", "month"]
SPANS = {"day": 30, "week": 12, "month": 12}  # buckets shown
ACTIVE_DAYS = 30  # a card stamped (or issued) this recently is active
LAPSING_DAYS = 90  # ... and one last seen between 30 and 90 days ago is lapsing
ACTIVITY_AGE = timedelta(hours=2)  # counts the rollup job made this recently are shown
cards = table_of(Card)


@dataclass
class Figures:
    stamps: int = 0
    cards: int = 0
    vouchers_issued: int = 0
    vouchers_redeemed: int = 0

    @property
    def redemption_rate(self) -> float | None:
        """Redeemed per issued in the period (None: nothing issued)."""
        return self.vouchers_redeemed / self.vouchers_issued if self.vouchers_issued else None

    def add(self, figures: dict[str, int]) -> None:
        for name in figures:
            setattr(self, name, getattr(self, name) + figures[name])


@dataclass
class Overview:
    location_id: str | None
    period: Period
    today: Figures
    month: Figures
    series: list[tuple[date, Figures]]
    active: int | None  # None: not known per location
    lapsing: int | None
    counting: datetime | None  # figures before this are still being counted


def _bucket(day: date, period: Period) -> date:
    if period == "day":
        return day
    if period == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def _buckets(today: date, period: Period) -> list[date]:
    """The series' bucket starts, oldest first, ending with the one holding today."""
    last = _bucket(today, period)
    found = [last]
    for _ in range(SPANS[period] - 1):
        previous = found[-1] - timedelta(days=1)
        found.append(_bucket(previous, period))
    return found[::-1]


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=zone).astimezone(UTC)


async def count_activity(session: AsyncSession, business_id: str, now: datetime) -> tuple[int, int]:
    """Active cards (last stamp, or issue, within 30 days) and lapsing ones (30 to 90 days),
    counted from the index the automations' inactivity scan reads."""
    seen = last_activity()
    active_since = now - timedelta(days=ACTIVE_DAYS)
    lapsing_since = now - timedelta(days=LAPSING_DAYS)
    row = (
        await session.execute(
            select(
                func.count().filter(seen >= active_since),
                func.count().filter(and_(seen < active_since, seen >= lapsing_since)),
            ).where(
                cards.c.business_id == business_id,
                cards.c.status == "active",
                or_(seen >= lapsing_since),
            )
        )
    ).one()
    return int(row[0]), int(row[1])


async def _activity(session: AsyncSession, business_id: str, now: datetime) -> tuple[int, int]:
    """As the rollup job last counted them (every half hour at most: counting every card costs a
    big business a tenth of a second), else counted now."""
    stored = (
        await session.execute(
            select(filled.c.active, filled.c.lapsing).where(
                filled.c.business_id == business_id, filled.c.activity_at >= now - ACTIVITY_AGE
            )
        )
    ).first()
    if stored is not None and stored.active is not None and stored.lapsing is not None:
        return stored.active, stored.lapsing
    return await count_activity(session, business_id, now)


async def overview(
    session: AsyncSession,
    actor: Actor,
    *,
    location_id: str | None,
    period: Period,
    now: datetime | None = None,
) -> Overview:
    actor.require(Permission.EVENTS_READ)
    location = await acting_location(session, actor, location_id)
    now = now or datetime.now(UTC)
    timezone = await session.scalar(
        select(Business.timezone).where(Business.id == actor.business_id)
    )
    zone = ZoneInfo(timezone or "UTC")
    today = now.astimezone(zone).date()
    starts = _buckets(today, period)
    month_start = today.replace(day=1)
    first = min(starts[0], month_start)
    found = await daily(
        session, actor.business_id, _midnight(first, zone), now + timedelta(hours=1), location, zone
    )
    series = {start: Figures() for start in starts}
    today_figures, month_figures = Figures(), Figures()
    for day, figures in found.days.items():
        bucket = series.get(_bucket(day, period))
        if bucket is not None:
            bucket.add(figures)
        if day >= month_start:
            month_figures.add(figures)
        if day == today:
            today_figures.add(figures)
    active = lapsing = None
    if location is None:
        active, lapsing = await _activity(session, actor.business_id, now)
    return Overview(
        location,
        period,
        today_figures,
        month_figures,
        list(series.items()),
        active,
        lapsing,
        found.counting,
    )
