"""``Authorization: Bearer pc_sk_...`` -> the acting staff login."""

from datetime import timedelta
from typing import Annotated

from fastapi import BackgroundTasks, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import bindparam, or_, select, update

from punchcard.config import get_settings
from punchcard.db.base import table_of
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import Unauthorized
from punchcard.kit.http import Session, database
from punchcard.kit.openapi import refuses
from punchcard.kit.requestcontext import identify
from punchcard.staff import keys
from punchcard.staff.actor import Actor, Role
from punchcard.staff.models import ApiKey, Staff

_bearer = HTTPBearer(auto_error=False, description="An API key: `Bearer pc_sk_...`")
_keys = table_of(ApiKey)
_staff = table_of(Staff)

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


async def _touch(db: Database, business_id: str, key_id: str) -> None:
    """Record last use after the response, in its own short transaction, at most once a minute."""
    now = utcnow()
    stale = now - timedelta(seconds=get_settings().api_key_touch_seconds)
    async with db.transaction() as session:
        await session.execute(
            update(_keys)
            .where(_keys.c.business_id == business_id, _keys.c.id == key_id)
            .where(or_(_keys.c.last_used_at.is_(None), _keys.c.last_used_at < stale))
            .values(last_used_at=now)
        )


@refuses(
    {
        401: ("missing_api_key", "invalid_api_key", "staff_inactive"),
        403: ("insufficient_role", "location_forbidden"),
    }
)
async def current_actor(
    request: Request,
    session: Session,
    background: BackgroundTasks,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Actor:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized(
            "missing_api_key", "Send your API key as 'Authorization: Bearer pc_sk_...'."
        )
    token = credentials.credentials
    if not token.startswith(keys.PREFIX) or len(token) > 128:
        raise Unauthorized("invalid_api_key", "The API key is not valid.")
    row = (await session.execute(_LOOKUP, {"key_hash": keys.digest(token)})).one_or_none()
    if row is None:
        raise Unauthorized("invalid_api_key", "The API key is not valid (deleted or regenerated?).")
    if not row.active:
        raise Unauthorized("staff_inactive", "The staff login of this API key is deactivated.")
    stale = utcnow() - timedelta(seconds=get_settings().api_key_touch_seconds)
    if row.last_used_at is None or row.last_used_at < stale:
        background.add_task(_touch, database(request), row.business_id, row.id)
    identify(row.business_id, row.staff_id, row.id)  # the request's log line names them
    return Actor(
        business_id=row.business_id,
        role=Role(row.role),
        staff_id=row.staff_id,
        staff_name=row.name,
        location_id=row.location_id,
        api_key_id=row.id,
    )


CurrentActor = Annotated[Actor, Depends(current_actor)]
