"""When automations scan, in the business's time zone, and what each scan covers.

Daily kinds (birthday, inactivity, reward reminders) scan once a day at their local ``hour``;
the scan's period is that local date. Welcome scans continuously (each worker pass): its period
is the moment the previous scan ended. A scan covers what became due between the watermark
(``scanned_until``) and the scan's instant; scans run in order, so a worker that was down
catches up day by day.

Birthdays on 29 February are celebrated on 28 February in years without one (the last day of
February, as most civil rules and most customers have it).
"""

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from punchcard.kit.clock import isoformat_z

DAILY = ("birthday", "inactivity", "reward_reminder")


@dataclass(frozen=True)
class Period:
    key: str  # the period claim's key: a local date, or the watermark's time (welcome)
    start: datetime  # the watermark: covered by earlier scans
    end: datetime  # the scan's instant: what is due up to here is this scan's
    day: date | None  # daily kinds: the local date scanned


def local_instant(day: date, hour: int, zone: ZoneInfo) -> datetime:
    """``hour``:00 on ``day`` in ``zone``, in UTC. A time skipped by a DST change is taken with
    the offset before it (02:00 on a spring-forward night is 03:00 local); a repeated one is its
    first occurrence."""
    return datetime.combine(day, time(hour), tzinfo=zone).astimezone(UTC)


def next_scan(kind: str, hour: int | None, zone: ZoneInfo, after: datetime) -> datetime:
    """The first scan instant after ``after`` (welcome: at once)."""
    if kind not in DAILY:
        return after
    assert hour is not None
    day = after.astimezone(zone).date()
    at = local_instant(day, hour, zone)
    if at <= after:
        at = local_instant(day + timedelta(days=1), hour, zone)
    return at


def due_period(
    kind: str, hour: int | None, zone: ZoneInfo, scanned_until: datetime, now: datetime
) -> Period | None:
    """The next period to scan, or None while it is not due yet."""
    end = next_scan(kind, hour, zone, scanned_until)
    if kind not in DAILY:
        return Period(isoformat_z(scanned_until), scanned_until, now, None)
    if end > now:
        return None
    day = end.astimezone(zone).date()
    return Period(day.isoformat(), scanned_until, end, day)


def upcoming_period(
    kind: str, hour: int | None, zone: ZoneInfo, scanned_until: datetime, now: datetime
) -> Period:
    """The period a scan would take next, due or not (the dry run's)."""
    found = due_period(kind, hour, zone, scanned_until, now)
    if found is not None:
        return found
    end = next_scan(kind, hour, zone, scanned_until)
    day = end.astimezone(zone).date()
    return Period(day.isoformat(), scanned_until, end, day)


def birthday_target(day: date, days_before: int) -> tuple[date, tuple[int, int, tuple[int, ...]]]:
    """The birthday a scan on ``day`` celebrates, and the (year, month, days of month) of the
    birth dates it matches: ``days_before`` ahead of ``day``; on 28 February of a year without
    a 29th, birthdays on the 29th too."""
    target = day + timedelta(days=days_before)
    days: tuple[int, ...] = (target.day,)
    if (target.month, target.day) == (2, 28) and not calendar.isleap(target.year):
        days = (28, 29)
    return target, (target.year, target.month, days)


def celebrated_on(birthday: date, year: int) -> date:
    """The date of ``birthday`` in ``year`` (29 February: the 28th when ``year`` has none)."""
    if (birthday.month, birthday.day) == (2, 29) and not calendar.isleap(year):
        return date(year, 2, 28)
    return birthday.replace(year=year)
