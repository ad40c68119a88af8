"""API keys known to this process, confirmed by the statement that acts on them.

A process remembers the keys it has looked up (hash -> actor). The hot paths (add-stamp,
redeem) then skip the look-up: their one statement also checks, in the database, that the key
still exists with the same login, role and location and that the login is active (``still_valid``).
A regenerated or deleted key or a changed login is therefore refused at once on every process
and machine, at no round trip of its own: the statement matches nothing, and the service
``confirm``s the key the ordinary way, which answers 401 (or acts for the login as it is now).
Every other route looks the key up on each request, as before.
"""

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Row, and_, bindparam, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.db.base import table_of
from punchcard.kit.errors import Unauthorized
from punchcard.staff.actor import Actor, Role
from punchcard.staff.models import ApiKey, Staff

_keys = table_of(ApiKey)
_staff = table_of(Staff)
MAX_KNOWN = 10_000  # keys remembered per process (a till's key is one); beyond: start over

_LOOKUP = (
    select(
        _keys.c.id,
        _keys.c.business_id,
        _keys.c.last_used_at,
        _staff.c.id.label("staff_id"),
        _staff.c.name,
        _staff.c.role,
        _staff.c.location_id,
        _staff.c.active,
    )
    .join(_staff, (_staff.c.business_id == _keys.c.business_id) & (_staff.c.id == _keys.c.staff_id))
    .where(_keys.c.key_hash == bindparam("key_hash"))
)


@dataclass
class Known:
    actor: Actor  # as looked up; its ``unconfirmed_key`` is set
    last_used_at: datetime | None  # as far as this process knows (touched once a minute)


_known: dict[str, Known] = {}


async def look_up(session: AsyncSession, key_hash: str) -> Row[Any] | None:
    return (await session.execute(_LOOKUP, {"key_hash": key_hash})).one_or_none()  # type: ignore[return-value]


def refuse(row: Row[Any] | None) -> None:
    """401 for a key that is not (or no longer) valid."""
    if row is None:
        raise Unauthorized("invalid_api_key", "The API key is not valid (deleted or regenerated?).")
    if not row.active:
        raise Unauthorized("staff_inactive", "The staff login of this API key is deactivated.")


def remember(key_hash: str, row: Row[Any]) -> Actor:
    """The confirmed actor of a looked-up key; this process knows the key from now on."""
    actor = Actor(
        business_id=row.business_id,
        role=Role(row.role),
        staff_id=row.staff_id,
        staff_name=row.name,
        location_id=row.location_id,
        api_key_id=row.id,
    )
    if len(_known) >= MAX_KNOWN:
        _known.clear()
    _known[key_hash] = Known(replace(actor, unconfirmed_key=key_hash), row.last_used_at)
    return actor


def known(key_hash: str) -> Known | None:
    return _known.get(key_hash)


async def confirm(session: AsyncSession, actor: Actor) -> Actor:
    """The actor as the database has it now: ``actor`` itself when confirmed already, else its
    key looked up (401 when it is gone or its login deactivated)."""
    key_hash = actor.unconfirmed_key
    if key_hash is None:
        return actor
    row = await look_up(session, key_hash)
    if row is None or not row.active:
        _known.pop(key_hash, None)
        refuse(row)
    assert row is not None
    return remember(key_hash, row)


async def changed(session: AsyncSession, actor: Actor) -> Actor | None:
    """After a statement that checked the key (``still_valid``) matched nothing: the actor as
    the database has it now if its login changed since this process knew it (401 when its
    key is gone), to act as it is now; None if the key was confirmed already or is unchanged,
    so something else than the key refused the statement, and would again."""
    if actor.unconfirmed_key is None:
        return None
    confirmed = await confirm(session, actor)
    return None if confirmed == replace(actor, unconfirmed_key=None) else confirmed


def still_valid() -> Any:
    """SQL: true if the actor is confirmed (bound ``key_hash`` NULL) or its key still belongs
    to the same active login with the same role and location. Binds ``key_hash``, ``tenant``,
    ``staff_id``, ``role`` and ``key_location``; ``key_params`` gives them."""
    key_hash = bindparam("key_hash", type_=_keys.c.key_hash.type)
    same_key = (
        exists()
        .where(
            _keys.c.key_hash == key_hash,
            _keys.c.business_id == bindparam("tenant"),
            _keys.c.staff_id == bindparam("staff_id", type_=_staff.c.id.type),
        )
        .where(
            _staff.c.business_id == _keys.c.business_id,
            _staff.c.id == _keys.c.staff_id,
            _staff.c.active,
            _staff.c.role == bindparam("role", type_=_staff.c.role.type),
            _staff.c.location_id.is_not_distinct_from(
                bindparam("key_location", type_=_staff.c.location_id.type)
            ),
        )
    )
    return or_(key_hash.is_(None), and_(same_key))


def key_params(actor: Actor) -> dict[str, Any]:
    return {
        "key_hash": actor.unconfirmed_key,
        "staff_id": actor.staff_id,
        "role": actor.role.value,
        "key_location": actor.location_id,
    }
