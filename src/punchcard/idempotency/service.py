"""``Idempotency-Key``: a retried request never acts twice and gets the first response back.

The record is written in the same transaction as the work it describes, so it exists if and
only if the work was committed. Two concurrent requests with one key: the unique key makes
the second wait for the first and then roll its own work back (see ``IdempotentReplay``).
"""

import hashlib
import json
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.config import get_settings
from punchcard.db.base import table_of
from punchcard.idempotency.models import IdempotencyRecord
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import Unprocessable
from punchcard.kit.sql import insert_ignoring_conflicts

_records = table_of(IdempotencyRecord)


class IdempotentReplay(Exception):
    """Raised after losing the race for a key: roll back, then answer with the stored response."""

    def __init__(self, business_id: str, key: str, request_fingerprint: str) -> None:
        self.business_id, self.key, self.fingerprint = business_id, key, request_fingerprint


def fingerprint(method: str, path: str, body: bytes | object) -> str:
    """What makes two requests the same: method, path and the body's JSON value (keys sorted,
    no whitespace), so a retry that serialises the same object differently still matches.
    ``body``: the parsed JSON, or the raw bytes of a body that is not JSON."""
    if not isinstance(body, bytes):
        body = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(b"%s %s\n%s" % (method.encode(), path.encode(), body)).hexdigest()


def _fresh_since() -> Any:
    return utcnow() - timedelta(hours=get_settings().idempotency_ttl_hours)


async def lookup(
    session: AsyncSession, business_id: str, key: str, request_fingerprint: str
) -> tuple[int, dict[str, Any]] | None:
    where = (_records.c.business_id == business_id, _records.c.key == key)
    row = (await session.execute(select(_records).where(*where))).one_or_none()
    if row is None:
        return None
    if row.created_at <= _fresh_since():
        await session.execute(delete(_records).where(*where))  # expired: the key is free again
        return None
    if row.fingerprint != request_fingerprint:
        raise Unprocessable(
            "idempotency_key_reused",
            "This Idempotency-Key was used for a different request; use a new key.",
        )
    return row.status_code, row.response


async def save(
    session: AsyncSession,
    business_id: str,
    key: str,
    request_fingerprint: str,
    status_code: int,
    response: dict[str, Any],
) -> None:
    values = {
        "business_id": business_id,
        "key": key,
        "fingerprint": request_fingerprint,
        "status_code": status_code,
        "response": response,
        "created_at": utcnow(),
    }
    dialect = session.get_bind().dialect.name
    statement = insert_ignoring_conflicts(_records, dialect, values).returning(_records.c.key)
    if (await session.execute(statement)).first() is None:
        raise IdempotentReplay(business_id, key, request_fingerprint)


async def prune(session: AsyncSession) -> int:
    """Forget keys past their time to live (run periodically by the server)."""
    result = await session.execute(delete(_records).where(_records.c.created_at <= _fresh_since()))
    return int(getattr(result, "rowcount", 0) or 0)
