"""Staff logins and the API keys bound to them."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses import service as businesses
from punchcard.kit.clock import utcnow
from punchcard.kit.db import add_unique, get_owned, owned_page
from punchcard.kit.errors import Conflict, Forbidden, not_found
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams, newest_first, to_page
from punchcard.staff import keys
from punchcard.staff.actor import Actor, Permission, Role
from punchcard.staff.models import ApiKey, Staff
from punchcard.staff.schemas import ApiKeyCreate, StaffCreate, StaffUpdate


def _guard_owner_rights(actor: Actor, *roles: Role | None) -> None:
    """Only owners may create, change or hold keys for owners."""
    if actor.role != Role.OWNER and Role.OWNER in roles:
        raise Forbidden("owner_only", "Only an owner may manage owner logins and their keys.")


async def create_staff(session: AsyncSession, actor: Actor, *, data: StaffCreate) -> Staff:
    actor.require(Permission.STAFF_MANAGE)
    _guard_owner_rights(actor, data.role)
    if data.location_id is not None:
        await businesses.get_location(session, actor, data.location_id)
    staff = Staff(
        business_id=actor.business_id,
        id=new_id("stf"),
        active=True,
        created_at=utcnow(),
        **data.model_dump(),
    )
    await add_unique(
        session, staff, Conflict("staff_login_taken", f"The login '{data.login}' is already used.")
    )
    return staff


async def get_staff(session: AsyncSession, actor: Actor, staff_id: str) -> Staff:
    actor.require(Permission.STAFF_MANAGE)
    return await get_owned(session, Staff, actor.business_id, staff_id, "staff")


async def list_staff(
    session: AsyncSession, actor: Actor, params: PageParams
) -> tuple[list[Staff], str | None]:
    actor.require(Permission.STAFF_MANAGE)
    return await owned_page(session, Staff, actor.business_id, params)


async def _ensure_another_owner(session: AsyncSession, staff: Staff) -> None:
    others = await session.scalar(
        select(func.count())
        .select_from(Staff)
        .where(Staff.business_id == staff.business_id, Staff.id != staff.id)
        .where(Staff.role == Role.OWNER, Staff.active.is_(True))
    )
    if not others:
        raise Conflict("last_owner", "A business must keep at least one active owner.")


async def update_staff(
    session: AsyncSession, actor: Actor, staff_id: str, *, data: StaffUpdate
) -> Staff:
    staff = await get_staff(session, actor, staff_id)
    changes = data.model_dump(exclude_unset=True)
    _guard_owner_rights(actor, Role(staff.role), changes.get("role"))
    if changes.get("location_id") is not None:
        await businesses.get_location(session, actor, changes["location_id"])
    demoted = staff.role == Role.OWNER and (
        changes.get("role", Role.OWNER) != Role.OWNER or changes.get("active") is False
    )
    if demoted:
        await _ensure_another_owner(session, staff)
    for field, value in changes.items():
        if value is not None or field == "location_id":
            setattr(staff, field, value)
    return staff


async def delete_staff(session: AsyncSession, actor: Actor, staff_id: str) -> None:
    staff = await get_staff(session, actor, staff_id)
    _guard_owner_rights(actor, Role(staff.role))
    if staff.role == Role.OWNER:
        await _ensure_another_owner(session, staff)
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
    staff = await get_staff(session, actor, data.staff_id)
    _guard_owner_rights(actor, Role(staff.role))
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


async def _key_with_staff(session: AsyncSession, actor: Actor, key_id: str) -> KeyView:
    actor.require(Permission.STAFF_MANAGE)
    row = (
        await session.execute(
            select(ApiKey, Staff)
            .join(Staff, (Staff.business_id == ApiKey.business_id) & (Staff.id == ApiKey.staff_id))
            .where(ApiKey.business_id == actor.business_id, ApiKey.id == key_id)
        )
    ).one_or_none()
    if row is None:
        raise not_found("api_key", key_id)
    view = KeyView(row.ApiKey, row.Staff)
    _guard_owner_rights(actor, Role(view.staff.role))
    return view


async def get_api_key(session: AsyncSession, actor: Actor, key_id: str) -> KeyView:
    return await _key_with_staff(session, actor, key_id)


async def list_api_keys(
    session: AsyncSession, actor: Actor, params: PageParams
) -> tuple[list[KeyView], str | None]:
    actor.require(Permission.STAFF_MANAGE)
    query = (
        select(ApiKey, Staff)
        .join(Staff, (Staff.business_id == ApiKey.business_id) & (Staff.id == ApiKey.staff_id))
        .where(ApiKey.business_id == actor.business_id)
    )
    rows = (await session.execute(newest_first(query, ApiKey.id, params))).all()
    views = [KeyView(row.ApiKey, row.Staff) for row in rows]
    return to_page(views, params, lambda view: view.key.id)


async def regenerate_api_key(session: AsyncSession, actor: Actor, key_id: str) -> KeyView:
    """A new secret replaces the old hash in place: the old key stops working at commit."""
    view = await _key_with_staff(session, actor, key_id)
    view.secret = _set_secret(view.key)
    view.key.regenerated_at = utcnow()
    return view


async def delete_api_key(session: AsyncSession, actor: Actor, key_id: str) -> None:
    view = await _key_with_staff(session, actor, key_id)
    await session.delete(view.key)
