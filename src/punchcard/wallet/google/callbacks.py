"""Google's save and delete callbacks: Google Wallet POSTs to the class's callback URL when a
customer saves (or deletes) a card, signed with Google's ECv2SigningOnly scheme, the one Tink's
``PaymentMethodTokenRecipient`` checks. Google's root keys sign a short-lived intermediate key,
which signs the message; both signatures are ECDSA P-256 / SHA-256 over length-prefixed parts.

cryptography and httpx are imported by the first callback: a server process that never
receives one does without them (about 14 MB resident).
"""

import base64
import json
import time
from dataclasses import dataclass
from typing import Any

PROTOCOL = "ECv2SigningOnly"
SENDER_ID = "GooglePayPasses"  # who signs pass callbacks; the recipient is our issuer id
ROOT_SIGNER = "Google"
ROOT_KEYS_TTL_SECONDS = 3600.0  # Google rotates its root keys rarely and announces them ahead
_root_keys: dict[str, tuple[float, list[str]]] = {}


class CallbackRejected(ValueError):
    """Not a callback Google signed for us (or it has expired); says why."""


@dataclass(frozen=True)
class Callback:
    class_id: str
    object_id: str
    event_type: str  # "save" | "del"
    nonce: str


def signed_bytes(*parts: str) -> bytes:
    """What a signature covers: each part as a 4-byte little-endian length and its UTF-8."""
    out = b""
    for part in parts:
        data = part.encode()
        out += len(data).to_bytes(4, "little") + data
    return out


def _verifies(public_key: str, signature: str, data: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import load_der_public_key

    try:
        key = load_der_public_key(base64.b64decode(public_key))
        if not isinstance(key, ec.EllipticCurvePublicKey):
            return False
        key.verify(base64.b64decode(signature), data, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError):
        return False
    return True


def _field(document: dict[str, Any], name: str) -> str:
    value = document.get(name)
    if not isinstance(value, str):
        raise CallbackRejected(f"{name} is missing")
    return value


def verify_callback(
    body: bytes, *, issuer_id: str, root_keys: list[str], now_ms: int | None = None
) -> Callback:
    """The callback's message, once both signatures check out and nothing has expired."""
    now_ms = int(time.time() * 1000) if now_ms is None else now_ms
    try:
        token = json.loads(body)
        intermediate = token["intermediateSigningKey"]
        if token.get("protocolVersion") != PROTOCOL:
            raise CallbackRejected(f"protocolVersion is not {PROTOCOL}")
        signed_key = _field(intermediate, "signedKey")
        key = json.loads(signed_key)
        message_text = _field(token, "signedMessage")
        message = json.loads(message_text)
        key_signatures = [s for s in intermediate.get("signatures", []) if isinstance(s, str)]
        key_data = signed_bytes(ROOT_SIGNER, PROTOCOL, signed_key)
        if not any(_verifies(r, s, key_data) for r in root_keys for s in key_signatures):
            raise CallbackRejected("the intermediate key is not signed by a Google root key")
        if int(key.get("keyExpiration", 0)) <= now_ms:
            raise CallbackRejected("the intermediate key has expired")
        message_data = signed_bytes(SENDER_ID, issuer_id, PROTOCOL, message_text)
        if not _verifies(_field(key, "keyValue"), _field(token, "signature"), message_data):
            raise CallbackRejected("the message signature does not verify")
        if int(message.get("expTimeMillis", 0)) <= now_ms:
            raise CallbackRejected("the message has expired")
        return Callback(
            _field(message, "classId"),
            _field(message, "objectId"),
            _field(message, "eventType"),
            str(message.get("nonce", "")),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        if isinstance(exc, CallbackRejected):
            raise
        raise CallbackRejected(f"not a signed callback: {exc!r}") from exc


async def root_keys(url: str, timeout_seconds: float) -> list[str]:
    """Google's current ECv2SigningOnly root keys (base64 DER), fetched at most hourly."""
    cached = _root_keys.get(url)
    if cached is not None and cached[0] > time.monotonic():
        return cached[1]
    import httpx

    async with httpx.AsyncClient(timeout=timeout_seconds) as http:
        response = await http.get(url)
        response.raise_for_status()
    now_ms = int(time.time() * 1000)
    keys = [
        str(key["keyValue"])
        for key in response.json().get("keys", [])
        if key.get("protocolVersion") == PROTOCOL
        and int(key.get("keyExpiration") or now_ms + 1) > now_ms
    ]
    _root_keys[url] = (time.monotonic() + ROOT_KEYS_TTL_SECONDS, keys)
    return keys
