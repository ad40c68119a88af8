"""``Authorization: Bearer pc_sk_...`` -> the acting staff login."""

from datetime import timedelta
from typing import Annotated

from fastapi import BackgroundTasks, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import or_, update

from punchcard.config import get_settings
from punchcard.db.base import table_of
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import Unauthorized
from punchcard.kit.http import Session, database
from punchcard.kit.openapi import refuses
from punchcard.kit.requestcontext import identify
from punchcard.staff import key_check, keys
from punchcard.staff.actor import Actor
from punchcard.staff.models import ApiKey

_bearer = HTTPBearer(auto_error=False, description="An API key: `Bearer pc_sk_...`")
_keys = table_of(ApiKey)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


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


def _key_hash(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized(
            "missing_api_key", "Send your API key as 'Authorization: Bearer pc_sk_...'."
        )
    token = credentials.credentials
    if not token.startswith(keys.PREFIX) or len(token) > 128:
        raise Unauthorized("invalid_api_key", "The API key is not valid.")
    return keys.digest(token)


def _acting(
    request: Request, background: BackgroundTasks, actor: Actor, known: key_check.Known
) -> Actor:
    """Touch the key at most once a minute (as far as this process knows) and name the actor in
    the request's log line."""
    now = utcnow()
    stale = now - timedelta(seconds=get_settings().api_key_touch_seconds)
    if known.last_used_at is None or known.last_used_at < stale:
        known.last_used_at = now
        assert actor.api_key_id is not None
        background.add_task(_touch, database(request), actor.business_id, actor.api_key_id)
    identify(actor.business_id, actor.staff_id, actor.api_key_id)
    return actor


# What a key dependency refuses (kit.openapi documents it on every route that takes one).
AUTH_REFUSALS = {
    401: ("missing_api_key", "invalid_api_key", "staff_inactive"),
    403: ("insufficient_role", "location_forbidden"),
}


@refuses(AUTH_REFUSALS)
async def current_actor(
    request: Request, session: Session, background: BackgroundTasks, credentials: Credentials
) -> Actor:
    """The key looked up in the request's transaction."""
    key_hash = _key_hash(credentials)
    row = await key_check.look_up(session, key_hash)
    key_check.refuse(row)
    assert row is not None
    actor = key_check.remember(key_hash, row)
    known = key_check.known(key_hash)
    assert known is not None
    return _acting(request, background, actor, known)


async def known_actor(
    request: Request, background: BackgroundTasks, credentials: HTTPAuthorizationCredentials | None
) -> Actor:
    """A key this process has looked up before, unconfirmed: only for routes whose service
    confirms it with its first statement (``key_check``). Any other key is looked up in a
    transaction of its own, by the route's dependency: before the body is validated, so that a
    bad key is a 401 whatever the body holds."""
    key_hash = _key_hash(credentials)
    known = key_check.known(key_hash)
    if known is None:
        async with database(request).transaction() as session:
            return await current_actor(request, session, background, credentials)
    return _acting(request, background, known.actor, known)


CurrentActor = Annotated[Actor, Depends(current_actor)]
