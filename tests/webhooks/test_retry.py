"""The retry schedule: the default one, or the operator's."""

from datetime import timedelta

from punchcard.config import Settings
from punchcard.kit.clock import utcnow
from punchcard.webhooks import retry


def test_an_operator_can_shorten_the_retry_schedule() -> None:
    delays = retry.schedule(Settings(webhook_retry_schedule=[1, 10]))
    now = utcnow()
    first = retry.next_attempt(1, now, None, delays)
    second = retry.next_attempt(2, now, None, delays)
    assert first is not None
    assert second is not None
    assert timedelta(seconds=0.8) <= first - now <= timedelta(seconds=1.2)
    assert timedelta(seconds=8) <= second - now <= timedelta(seconds=12)
    assert retry.next_attempt(3, now, None, delays) is None  # two retries, then failed


def test_the_default_schedule_lasts_about_three_days() -> None:
    delays = retry.schedule(Settings())
    assert delays == retry.DELAYS
    assert sum(delays, timedelta()) > timedelta(days=3)
    assert retry.next_attempt(len(delays) + 1, utcnow(), None, delays) is None
