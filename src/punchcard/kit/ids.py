"""Opaque, prefixed, time-ordered public ids (``card_01JD3...``).

The body is a ULID (48-bit millisecond time + 80 random bits, Crockford base32), made
monotonic within a process so ids created in one transaction sort in creation order.
"""

import base64
import os
import secrets
import threading
import time
from datetime import datetime

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
# base64's base32 digits, in Crockford's: the C codec encodes, a table swaps the digits (a
# Python loop over 26 digits cost a 1,000-row bulk upsert more than its INSERT).
_CROCKFORD = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", _ALPHABET.encode())
_lock = threading.Lock()
_last_ms = 0
_last_rand = 0


def _ulid_int() -> int:
    global _last_ms, _last_rand
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms, rand = _last_ms, _last_rand + 1
        else:
            rand = int.from_bytes(os.urandom(10), "big") >> 1  # leave room to increment
        _last_ms, _last_rand = ms, rand
    return (ms << 80) | rand


def _encoded(prefix: str, value: int) -> str:
    # 20 bytes are 32 digits; the first 6 are the zeros above the 26 digits of 128 bits.
    digits = base64.b32encode(value.to_bytes(20, "big"))[6:]
    return f"{prefix}_{digits.translate(_CROCKFORD).decode()}"


def new_id(prefix: str) -> str:
    return _encoded(prefix, _ulid_int())


def random_code(alphabet: str, length: int) -> str:
    """A uniformly random string (no modulo bias) for scan codes and redeem codes."""
    return "".join(secrets.choice(alphabet) for _ in range(length))


def id_at(prefix: str, moment: datetime, rand: int = 0) -> str:
    """An id of ``prefix`` made at ``moment`` (``rand`` 0: the smallest): ids sort by time, so
    a range of them is a time range read from the primary key's index."""
    return _encoded(prefix, (int(moment.timestamp() * 1000) << 80) | rand)
