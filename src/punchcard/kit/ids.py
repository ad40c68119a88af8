"""Opaque, prefixed, time-ordered public ids (``card_01JD3...``).

The body is a ULID (48-bit millisecond time + 80 random bits, Crockford base32), made
monotonic within a process so ids created in one transaction sort in creation order.
"""

import os
import secrets
import threading
import time
from datetime import datetime

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
# Two digits per 10 bits, looked up: 13 look-ups make the 26 digits of 130 bits (a loop over
# 26 digits cost a 1,000-row bulk upsert more than its INSERT; base64.b32encode, Python code
# on 3.11, twice these look-ups: the webhook worker makes two ids a delivery).
_PAIRS = [high + low for high in _ALPHABET for low in _ALPHABET]
_SHIFTS = range(120, -1, -10)
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
    return f"{prefix}_{''.join([_PAIRS[(value >> shift) & 1023] for shift in _SHIFTS])}"


def new_id(prefix: str) -> str:
    return _encoded(prefix, _ulid_int())


def random_code(alphabet: str, length: int) -> str:
    """A uniformly random string (no modulo bias) for scan codes and redeem codes."""
    return "".join(secrets.choice(alphabet) for _ in range(length))


def id_at(prefix: str, moment: datetime, rand: int = 0) -> str:
    """An id of ``prefix`` made at ``moment`` (``rand`` 0: the smallest): ids sort by time, so
    a range of them is a time range read from the primary key's index."""
    return _encoded(prefix, (int(moment.timestamp() * 1000) << 80) | rand)
