"""When to try again: the Standard Webhooks schedule, stretched to about three days; an
operator may replace it (PUNCHCARD_WEBHOOK_RETRY_SCHEDULE)."""

import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from punchcard.config import Settings

# Waits after the 1st, 2nd, ... failed attempt; after the last one the message has failed.
DELAYS = [
    timedelta(seconds=5),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=14),
    timedelta(hours=20),
    timedelta(hours=24),
]
MAX_RETRY_AFTER = timedelta(hours=24)
JITTER = 0.2


def schedule(settings: Settings) -> list[timedelta]:
    """The configured waits, else the default ones."""
    configured = [timedelta(seconds=wait) for wait in settings.webhook_retry_schedule]
    return configured or DELAYS


def next_attempt(
    attempts: int, now: datetime, retry_after: timedelta | None, delays: Sequence[timedelta]
) -> datetime | None:
    """``attempts`` made so far (all failed); None when the schedule is exhausted."""
    if attempts > len(delays):
        return None
    wait = delays[attempts - 1] * random.uniform(1 - JITTER, 1 + JITTER)
    if retry_after is not None:
        wait = max(wait, min(retry_after, MAX_RETRY_AFTER))
    return now + wait


def parse_retry_after(value: str | None, now: datetime) -> timedelta | None:
    """``Retry-After`` as seconds or an HTTP date."""
    if not value:
        return None
    if value.strip().isdigit():
        return timedelta(seconds=int(value))
    from email.utils import parsedate_to_datetime

    try:
        return max(parsedate_to_datetime(value) - now, timedelta(0))
    except (TypeError, ValueError):
        return None
