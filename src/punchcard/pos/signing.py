"""Signed till requests (generic webhooks, redemptions): Standard Webhooks, the scheme our
outgoing webhooks use, so a till developer can sign with any Standard Webhooks library.

Headers ``webhook-id``, ``webhook-timestamp`` (Unix seconds, within the tolerance) and
``webhook-signature`` (``v1,`` + base64 HMAC-SHA256 of ``{id}.{timestamp}.{body}``), keyed by
the base64 part of the connector's ``pos_whsec_...`` secret.
"""

import time

from punchcard.config import get_settings
from punchcard.kit.crypto import same_secret
from punchcard.pos.connector import BadSignature, Delivery
from punchcard.webhooks import signing

SECRET_PREFIX = "pos_"


def new_secret() -> str:
    return SECRET_PREFIX + signing.new_secret()


MAX_ID_LENGTH = 200


def verify(delivery: Delivery, secrets: list[str]) -> None:
    headers = delivery.headers
    message_id = headers.get("webhook-id")
    stamp = headers.get("webhook-timestamp", "")
    offered = headers.get("webhook-signature", "").split()
    if not message_id or len(message_id) > MAX_ID_LENGTH or not stamp.isdigit() or not offered:
        raise BadSignature(
            "Sign the request: webhook-id, webhook-timestamp and webhook-signature headers."
        )
    tolerance = get_settings().pos_signature_tolerance_seconds
    if abs(time.time() - int(stamp)) > tolerance:
        raise BadSignature(f"webhook-timestamp is more than {tolerance} s from our clock.")
    for secret in secrets:
        expected = signing.sign(
            secret.removeprefix(SECRET_PREFIX), message_id, int(stamp), delivery.body
        )
        if any(same_secret(expected, candidate) for candidate in offered):
            return
    raise BadSignature("The webhook-signature does not match the body and the connector's secret.")
