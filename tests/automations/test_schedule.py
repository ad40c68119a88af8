"""The schedule's arithmetic: local hours across DST changes, the next scan, the birthdays a
day celebrates (29 February on the 28th in other years)."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from punchcard.automations.schedule import (
    birthday_target,
    celebrated_on,
    due_period,
    local_instant,
    next_scan,
)

BERLIN = ZoneInfo("Europe/Berlin")


def test_a_local_hour_skipped_by_dst_is_taken_with_the_offset_before_it() -> None:
    # 28 March 2027: Berlin jumps from 02:00 CET to 03:00 CEST.
    assert local_instant(date(2027, 3, 28), 2, BERLIN) == datetime(2027, 3, 28, 1, tzinfo=UTC)
    assert local_instant(date(2027, 3, 28), 9, BERLIN) == datetime(2027, 3, 28, 7, tzinfo=UTC)
    assert local_instant(date(2027, 3, 27), 9, BERLIN) == datetime(2027, 3, 27, 8, tzinfo=UTC)


def test_a_repeated_local_hour_is_its_first_occurrence() -> None:
    # 31 October 2027: 02:00-03:00 happens twice in Berlin (CEST, then CET).
    assert local_instant(date(2027, 10, 31), 2, BERLIN) == datetime(2027, 10, 31, 0, tzinfo=UTC)


def test_the_next_daily_scan_is_today_at_the_hour_or_else_tomorrow() -> None:
    before = datetime(2027, 5, 11, 6, tzinfo=UTC)  # 08:00 in Berlin
    assert next_scan("birthday", 9, BERLIN, before) == datetime(2027, 5, 11, 7, tzinfo=UTC)
    at_nine = datetime(2027, 5, 11, 7, tzinfo=UTC)
    assert next_scan("birthday", 9, BERLIN, at_nine) == datetime(2027, 5, 12, 7, tzinfo=UTC)
    assert next_scan("welcome", None, BERLIN, before) == before


def test_a_period_is_due_from_its_instant_and_named_by_its_local_date() -> None:
    watermark = datetime(2027, 5, 10, 22, tzinfo=UTC)  # 11 May, 00:00 in Berlin
    assert (
        due_period("inactivity", 9, BERLIN, watermark, datetime(2027, 5, 11, 6, tzinfo=UTC)) is None
    )
    period = due_period("inactivity", 9, BERLIN, watermark, datetime(2027, 5, 12, tzinfo=UTC))
    assert period is not None
    assert (period.key, period.start, period.end) == (
        "2027-05-11",
        watermark,
        datetime(2027, 5, 11, 7, tzinfo=UTC),
    )


def test_the_birthdays_a_day_celebrates() -> None:
    assert birthday_target(date(2027, 5, 8), 3) == (date(2027, 5, 11), (2027, 5, (11,)))
    assert birthday_target(date(2027, 2, 28), 0) == (date(2027, 2, 28), (2027, 2, (28, 29)))
    assert birthday_target(date(2028, 2, 28), 0) == (date(2028, 2, 28), (2028, 2, (28,)))
    assert birthday_target(date(2026, 12, 30), 5) == (date(2027, 1, 4), (2027, 1, (4,)))


def test_29_february_is_celebrated_on_the_28th_in_other_years() -> None:
    assert celebrated_on(date(2000, 2, 29), 2027) == date(2027, 2, 28)
    assert celebrated_on(date(2000, 2, 29), 2028) == date(2028, 2, 29)
    assert celebrated_on(date(1990, 5, 11), 2027) == date(2027, 5, 11)
