"""Staff logins and the API keys bound to them.

Who may manage whom is decided in one place, ``_ensure_reach``; what must survive every change
(an owner for all locations who holds a key) in another, ``_keep_an_owner``.
"""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses import service as businesses
from punchcard.businesses.models import Business
from punchcard.kit.clock import utcnow
from punchcard.kit.db import add_unique, get_owned, owned_page
from punchcard.kit.errors import Conflict, Forbidden, not_found
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams, newest_first, to_page
from punchcard.staff import keys
from punchcard.staff.actor import RANK, Actor, Permission, Role
from punchcard.staff.models import ApiKey, Staff
from punchcard.staff.schemas import ApiKeyCreate, StaffCreate, StaffUpdate


def _ensure_reach(actor: Actor, role: Role, location_id: str | None) -> None:
    """The one rule of staff management: a login creates, changes, keys and removes only logins
    it could be itself, with a role no higher than its own (only owners make owners) and at its
    own location (bound to none: any location, or all). A change is checked on the login as it
    is and as it would be, so nobody raises their own role or leaves their location."""
    actor.require(Permission.STAFF_MANAGE)
    if RANK[role] > RANK[actor.role]:
        raise Forbidden(
            "owner_only", "Only an owner may create, change, key or remove owner logins."
        )
    actor.require_location(location_id)


def _holds_the_business(role: str, location_id: str | None, active: bool) -> bool:
    """An owner for all locations: the login that can manage everything, staff included."""
    return role == Role.OWNER and location_id is None and active


async def _keep_an_owner(
    session: AsyncSession, business_id: str, *, login: str | None = None, key: str | None = None
) -> None:
    """Refuse to take owner rights from ``login``, or to delete ``key``, if that would leave the
    business without an active owner for all locations, or without one holding an API key: only
    the operator's CLI could get back in. Such changes queue on the business row (the staff and
    key rows are locked already), so two owners removing each other at once cannot both pass."""
    await session.execute(
        select(Business.id).where(Business.id == business_id).with_for_update(key_share=True)
    )
    owners = (
        await session.execute(
            select(Staff.id, ApiKey.id.label("key_id"))
            .outerjoin(
                ApiKey, (ApiKey.business_id == Staff.business_id) & (ApiKey.staff_id == Staff.id)
            )
            .where(Staff.business_id == business_id, Staff.role == Role.OWNER)
            .where(Staff.active.is_(True), Staff.location_id.is_(None))
        )
    ).all()
    remaining = [owner for owner in owners if owner.id != login]
    if not remaining:
        raise Conflict(
            "last_owner",
            "This is the business's last active owner for all locations: make another first.",
        )
    keys_left = {owner.key_id for owner in remaining if owner.key_id} - {key}
    if any(owner.key_id for owner in owners) and not keys_left:
        raise Conflict(
            "last_owner_key",
            "This is the last API key of an active owner for all locations: without it nobody "
            "could manage the business. Give another owner a key first (regenerating is fine).",
        )


async def create_staff(session: AsyncSession, actor: Actor, *, data: StaffCreate) -> Staff:
    fields = data.model_dump()
    if "location_id" not in data.model_fields_set:
        fields["location_id"] = actor.location_id  # a bound login's staff work where it does
    _ensure_reach(actor, data.role, fields["location_id"])
    if fields["location_id"] is not None:
        await businesses.get_location(session, actor, fields["location_id"])
    staff = Staff(
        business_id=actor.business_id, id=new_id("stf"), active=True, created_at=utcnow(), **fields
    )
    await add_unique(
        session, staff, Conflict("staff_login_taken", f"The login '{data.login}' is already used.")
    )
    return staff


async def get_staff(session: AsyncSession, actor: Actor, staff_id: str) -> Staff:
    actor.require(Permission.STAFF_MANAGE)
    staff = await get_owned(session, Staff, actor.business_id, staff_id, "staff")
    actor.require_location(staff.location_id)
    return staff


async def list_staff(
    session: AsyncSession, actor: Actor, params: PageParams
) -> tuple[list[Staff], str | None]:
    actor.require(Permission.STAFF_MANAGE)
    return await owned_page(session, Staff, actor.business_id, params, *_seen_by(actor))


def _seen_by(actor: Actor) -> list[Any]:
    """Staff bound to a location see the logins of their location."""
    return [] if actor.location_id is None else [Staff.location_id == actor.location_id]


async def _staff_to_change(session: AsyncSession, actor: Actor, staff_id: str) -> Staff:
    """The login, locked until commit so that the rules are checked on what is changed."""
    actor.require(Permission.STAFF_MANAGE)
    staff = await session.get(
        Staff, (actor.business_id, staff_id), with_for_update=True, populate_existing=True
    )
    if staff is None:
        raise not_found("staff", staff_id)
    _ensure_reach(actor, Role(staff.role), staff.location_id)
    return staff


async def update_staff(
    session: AsyncSession, actor: Actor, staff_id: str, *, data: StaffUpdate
) -> Staff:
    staff = await _staff_to_change(session, actor, staff_id)
    changes = {
        field: value
        for field, value in data.model_dump(exclude_unset=True).items()
        if value is not None or field == "location_id"  # null unbinds; elsewhere it changes nothing
    }
    after = {"role": staff.role, "location_id": staff.location_id, "active": staff.active} | changes
    _ensure_reach(actor, Role(after["role"]), after["location_id"])
    if after["location_id"] not in (None, staff.location_id):
        await businesses.get_location(session, actor, after["location_id"])
    if _holds_the_business(staff.role, staff.location_id, staff.active) and not (
        _holds_the_business(after["role"], after["location_id"], after["active"])
    ):
        await _keep_an_owner(session, staff.business_id, login=staff.id)
    for field, value in changes.items():
        setattr(staff, field, value)
    return staff


async def delete_staff(session: AsyncSession, actor: Actor, staff_id: str) -> None:
    staff = await _staff_to_change(session, actor, staff_id)
    if _holds_the_business(staff.role, staff.location_id, staff.active):
        await _keep_an_owner(session, staff.business_id, login=staff.id)
    await session.delete(staff)


@dataclass
class KeyView:
    """A key with its staff login, as the key list shows it."""

    key: ApiKey
    staff: Staff
    secret: str | None = None

    @property
    def fields(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.key.id,
            "name": self.key.name,
            "staff_id": self.staff.id,
            "login": self.staff.login,
            "masked_key": keys.mask(self.key.key_last4),
            "status": "active" if self.staff.active else "inactive",
            "created_at": self.key.created_at,
            "last_used_at": self.key.last_used_at,
        }
        if self.secret is not None:
            data["key"] = self.secret
        return data


def _set_secret(key: ApiKey) -> str:
    secret = keys.generate()
    key.key_hash = keys.digest(secret)
    key.key_last4 = secret[-4:]
    return secret


async def create_api_key(session: AsyncSession, actor: Actor, *, data: ApiKeyCreate) -> KeyView:
    staff = await _staff_to_change(session, actor, data.staff_id)
    key = ApiKey(
        business_id=actor.business_id,
        id=new_id("key"),
        staff_id=staff.id,
        name=data.name or staff.name,
        created_at=utcnow(),
    )
    secret = _set_secret(key)
    await add_unique(
        session,
        key,
        Conflict(
            "staff_has_api_key",
            f"Staff login '{staff.login}' already has an API key: regenerate or delete it.",
        ),
    )
    return KeyView(key, staff, secret)


def _keys_with_staff() -> Any:
    return select(ApiKey, Staff).join(
        Staff, (Staff.business_id == ApiKey.business_id) & (Staff.id == ApiKey.staff_id)
    )


async def _key_with_staff(session: AsyncSession, actor: Actor, key_id: str) -> KeyView:
    """A key and its login, as they are (to read or to check)."""
    actor.require(Permission.STAFF_MANAGE)
    query = _keys_with_staff().where(ApiKey.business_id == actor.business_id, ApiKey.id == key_id)
    row = (await session.execute(query)).one_or_none()
    if row is None:
        raise not_found("api_key", key_id)
    return KeyView(row.ApiKey, row.Staff)


async def _key_to_change(session: AsyncSession, actor: Actor, key_id: str) -> KeyView:
    """A key and its login, both locked until commit (the login first, as every change of
    logins and keys locks them, so that none waits for another in a circle), within reach."""
    found = await _key_with_staff(session, actor, key_id)
    staff = await _staff_to_change(session, actor, found.staff.id)
    key = await session.get(
        ApiKey, (actor.business_id, key_id), with_for_update=True, populate_existing=True
    )
    if key is None:  # deleted while we waited for its login
        raise not_found("api_key", key_id)
    return KeyView(key, staff)


async def get_api_key(session: AsyncSession, actor: Actor, key_id: str) -> KeyView:
    view = await _key_with_staff(session, actor, key_id)
    actor.require_location(view.staff.location_id)
    return view


async def list_api_keys(
    session: AsyncSession, actor: Actor, params: PageParams
) -> tuple[list[KeyView], str | None]:
    actor.require(Permission.STAFF_MANAGE)
    query = _keys_with_staff().where(ApiKey.business_id == actor.business_id, *_seen_by(actor))
    rows = (await session.execute(newest_first(query, ApiKey.id, params))).all()
    views = [KeyView(row.ApiKey, row.Staff) for row in rows]
    return to_page(views, params, lambda view: view.key.id)


async def regenerate_api_key(session: AsyncSession, actor: Actor, key_id: str) -> KeyView:
    """A new secret replaces the old hash in place: the old key stops working at commit."""
    view = await _key_to_change(session, actor, key_id)
    view.secret = _set_secret(view.key)
    view.key.regenerated_at = utcnow()
    return view


async def delete_api_key(session: AsyncSession, actor: Actor, key_id: str) -> None:
    view = await _key_to_change(session, actor, key_id)
    staff = view.staff
    if _holds_the_business(staff.role, staff.location_id, staff.active):
        await _keep_an_owner(session, staff.business_id, key=view.key.id)
    await session.delete(view.key)


async def issue_key(
    session: AsyncSession, actor: Actor, staff_id: str, *, replace: bool
) -> KeyView:
    """A new key for the login; ``replace``: if it has one, that key gets a new secret."""
    if replace:
        key_id = await session.scalar(
            select(ApiKey.id).where(
                ApiKey.business_id == actor.business_id, ApiKey.staff_id == staff_id
            )
        )
        if key_id is not None:
            return await regenerate_api_key(session, actor, key_id)
    return await create_api_key(session, actor, data=ApiKeyCreate(staff_id=staff_id))


async def roster(session: AsyncSession, actor: Actor) -> list[tuple[Staff, str | None]]:
    """Every login the actor sees, oldest first, with its key's id (None: it has no key)."""
    actor.require(Permission.STAFF_MANAGE)
    query = (
        select(Staff, ApiKey.id)
        .outerjoin(
            ApiKey, (ApiKey.business_id == Staff.business_id) & (ApiKey.staff_id == Staff.id)
        )
        .where(Staff.business_id == actor.business_id, *_seen_by(actor))
        .order_by(Staff.id)
    )
    return [(staff, key_id) for staff, key_id in (await session.execute(query)).all()]


async def staff_to_manage(session: AsyncSession, actor: Actor, staff_id: str) -> Staff:
    """The login, locked until commit, if the actor may change it (its password link too)."""
    return await _staff_to_change(session, actor, staff_id)
