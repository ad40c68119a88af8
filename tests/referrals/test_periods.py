"""Reward limits count calendar periods in the business's time zone."""

from datetime import UTC, datetime

import pytest

from punchcard.referrals.conversion import period_start

# A Wednesday, 00:30 in Berlin (summer time), still Tuesday in UTC.
NOW = datetime(2026, 7, 14, 22, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("per", "begins"),
    [
        ("day", datetime(2026, 7, 14, 22, 0, tzinfo=UTC)),
        ("week", datetime(2026, 7, 12, 22, 0, tzinfo=UTC)),  # Monday 13 July, 00:00 CEST
        ("month", datetime(2026, 6, 30, 22, 0, tzinfo=UTC)),
        ("year", datetime(2025, 12, 31, 23, 0, tzinfo=UTC)),  # 1 January, 00:00 CET
    ],
)
def test_a_period_begins_at_local_midnight(per: str, begins: datetime) -> None:
    assert period_start(NOW, "Europe/Berlin", per) == begins


def test_in_utc_the_day_is_utcs() -> None:
    assert period_start(NOW, "UTC", "day") == datetime(2026, 7, 14, tzinfo=UTC)
