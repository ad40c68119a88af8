"""The Python SDK's hand-written layer on its own: the webhook verifier against Punchcard's own
signer, and how long the retries wait."""

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from punchcard_client import Retry, WebhookVerificationError, verify_webhook
from punchcard_client.retries import retry_after

from punchcard.webhooks.signing import new_secret, signature_header

SECRET = new_secret()
BODY = b'{"event": "voucher_redeemed", "voucher": {"id": "vch_1"}}'


def signed(secrets: list[str], body: bytes = BODY, at: float | None = None) -> dict[str, str]:
    timestamp = int(time.time() if at is None else at)
    return {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header(secrets, "msg_1", timestamp, body),
    }


def test_either_secret_verifies_during_a_rotation() -> None:
    old, new = new_secret(), new_secret()
    headers = signed([new, old])
    assert verify_webhook(old, BODY, headers)["event"] == "voucher_redeemed"
    assert verify_webhook(new, BODY.decode(), headers)["voucher"]["id"] == "vch_1"


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (BODY.replace(b"vch_1", b"vch_2"), signed([SECRET])),  # tampered
        (BODY, signed([new_secret()])),  # another endpoint's secret
        (BODY, signed([SECRET], at=time.time() - 600)),  # replayed ten minutes later
        (BODY, {**signed([SECRET]), "webhook-signature": "v1,not base64!"}),
        (BODY, {**signed([SECRET]), "webhook-signature": "garbage"}),
        (BODY, {"webhook-id": "msg_1"}),  # not signed at all
    ],
)
def test_anything_but_punchcards_signature_is_refused(body: bytes, headers: dict[str, str]) -> None:
    with pytest.raises(WebhookVerificationError):
        verify_webhook(SECRET, body, headers)


def answer(status: int, retry_after: str | None = None) -> httpx.Response:
    return httpx.Response(status, headers={"Retry-After": retry_after} if retry_after else {})


def test_retry_after_in_seconds_or_as_a_date() -> None:
    assert retry_after("7") == 7.0
    in_a_minute = format_datetime(datetime.now(UTC) + timedelta(seconds=60), usegmt=True)
    assert 50 < (retry_after(in_a_minute) or 0) <= 60
    assert retry_after(format_datetime(datetime(2001, 1, 1, tzinfo=UTC), usegmt=True)) == 0
    assert retry_after("soon") is None
    assert retry_after(None) is None


def test_only_429_and_503_are_retried_and_only_so_often() -> None:
    retry = Retry(attempts=3, backoff=1, max_backoff=3)
    assert retry.wait(1, answer(503, "2")) == 2
    assert retry.wait(2, answer(429, "0")) == 0
    assert retry.wait(3, answer(429, "0")) is None  # the third try was the last
    assert retry.wait(1, answer(500)) is None
    assert retry.wait(1, answer(409)) is None
    assert retry.wait(1, answer(429, "3600")) is None  # longer than max_retry_after: give up


def test_waits_without_retry_after_are_jittered_and_capped() -> None:
    retry = Retry(attempts=10, backoff=1, max_backoff=3)
    waits = [retry.wait(attempt, answer(503)) for attempt in (1, 2, 5) for _ in range(50)]
    assert all(wait is not None and 0 <= wait <= 3 for wait in waits)
    assert len(set(waits)) > 1
