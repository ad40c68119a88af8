"""Signing staff in to the dashboard: passwords, browser sessions, one-time password links.

Tokens (the session cookie, a reset link) are 256 random bits; only their SHA-256 is stored.
A session is the staff login's ``Actor``, the same one an API key gives, so every page calls
the API's services with the API's role and location checks.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.models import Business
from punchcard.config import get_settings
from punchcard.dashboard import passwords
from punchcard.dashboard.models import PasswordReset, StaffSession
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import NotFound, Unauthorized
from punchcard.kit.ids import new_id
from punchcard.staff import service as staff_service
from punchcard.staff.actor import Actor, Role
from punchcard.staff.models import Staff

RENEW_AFTER = timedelta(hours=1)  # a session's expiry moves on at most once an hour


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in_path(business_id: str) -> str:
    return f"/dashboard/{business_id}/sign-in"


def reset_path(business_id: str, token: str) -> str:
    return f"/dashboard/{business_id}/password/{token}"


@dataclass(frozen=True)
class SignedIn:
    """Who a session cookie belongs to, as every dashboard page needs it."""

    actor: Actor
    session_id: str
    login: str
    business_name: str
    timezone: str


class SignInFailed(Unauthorized):
    def __init__(self) -> None:
        super().__init__("sign_in_failed", "The login or the password is not right.")


async def _staff_by_login(session: AsyncSession, business_id: str, login: str) -> Staff | None:
    return await session.scalar(
        select(Staff).where(Staff.business_id == business_id, Staff.login == login.strip().lower())
    )


async def sign_in(session: AsyncSession, business_id: str, login: str, password: str) -> str:
    """A new session's token for the login; ``SignInFailed`` whatever is wrong (an unknown
    login, a wrong or unset password, a deactivated login take the same time)."""
    staff = await _staff_by_login(session, business_id, login) if login else None
    stored = staff.password_hash if staff is not None else None
    if not await passwords.verify_password(stored, password) or staff is None or not staff.active:
        raise SignInFailed()
    return await _open_session(session, staff)


async def _open_session(session: AsyncSession, staff: Staff) -> str:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        StaffSession(
            business_id=staff.business_id,
            id=new_id("ses"),
            staff_id=staff.id,
            token_hash=_digest(token),
            created_at=now,
            last_seen_at=now,
            expires_at=now + timedelta(days=get_settings().dashboard_session_days),
        )
    )
    await session.flush()
    return token


_LOOKUP = (
    select(StaffSession, Staff, Business.name, Business.timezone)
    .join(
        Staff,
        (Staff.business_id == StaffSession.business_id) & (Staff.id == StaffSession.staff_id),
    )
    .join(Business, Business.id == StaffSession.business_id)
)


async def open_session(session: AsyncSession, token: str) -> SignedIn | None:
    """The signed-in staff login of a cookie's token; None when the session ended, expired or
    its login was deactivated. A used session lives on for another ``dashboard_session_days``."""
    if not 20 <= len(token) <= 64:
        return None
    now = utcnow()
    row = (
        await session.execute(_LOOKUP.where(StaffSession.token_hash == _digest(token)))
    ).one_or_none()
    if row is None or row.StaffSession.expires_at <= now or not row.Staff.active:
        return None
    found: StaffSession = row.StaffSession
    staff: Staff = row.Staff
    if now - found.last_seen_at > RENEW_AFTER:
        found.last_seen_at = now
        found.expires_at = now + timedelta(days=get_settings().dashboard_session_days)
    actor = Actor(
        business_id=staff.business_id,
        role=Role(staff.role),
        staff_id=staff.id,
        staff_name=staff.name,
        location_id=staff.location_id,
    )
    return SignedIn(actor, found.id, staff.login, row.name, row.timezone)


async def sign_out(session: AsyncSession, token: str) -> None:
    await session.execute(delete(StaffSession).where(StaffSession.token_hash == _digest(token)))


async def _end_sessions(
    session: AsyncSession, business_id: str, staff_id: str, keep: str | None = None
) -> None:
    query = delete(StaffSession).where(
        StaffSession.business_id == business_id, StaffSession.staff_id == staff_id
    )
    if keep is not None:
        query = query.where(StaffSession.id != keep)
    await session.execute(query)


async def _set_password(session: AsyncSession, staff: Staff, password: str, now: datetime) -> None:
    passwords.check_strength(password, "new_password")
    staff.password_hash = await passwords.hash_password(password)
    staff.password_changed_at = now


async def change_password(
    session: AsyncSession, signed: SignedIn, *, current: str, new: str
) -> None:
    """The signed-in login's own password; its other sessions end (this one stays)."""
    actor = signed.actor
    assert actor.staff_id is not None
    staff = await session.get(
        Staff, (actor.business_id, actor.staff_id), with_for_update=True, populate_existing=True
    )
    if staff is None or not await passwords.verify_password(staff.password_hash, current):
        raise Unauthorized("wrong_password", "The current password is not right.")
    await _set_password(session, staff, new, utcnow())
    await _end_sessions(session, actor.business_id, staff.id, keep=signed.session_id)


async def create_reset_link(
    session: AsyncSession, actor: Actor, staff_id: str
) -> tuple[Staff, str]:
    """A one-time link that sets the login's password (its first, or a forgotten one): only
    for a login the actor may change (an owner's by an owner). Earlier links stop working."""
    staff = await staff_service.staff_to_manage(session, actor, staff_id)
    await session.execute(
        delete(PasswordReset).where(
            PasswordReset.business_id == staff.business_id, PasswordReset.staff_id == staff.id
        )
    )
    token = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        PasswordReset(
            business_id=staff.business_id,
            id=new_id("pwr"),
            staff_id=staff.id,
            token_hash=_digest(token),
            created_at=now,
            expires_at=now + timedelta(hours=get_settings().password_reset_hours),
        )
    )
    await session.flush()
    return staff, reset_path(staff.business_id, token)


def _link_gone() -> NotFound:
    return NotFound("reset_link_invalid", "This password link was used already or has expired.")


async def reset_link_staff(session: AsyncSession, business_id: str, token: str) -> Staff:
    """The login a still-unused link is for (to greet them on the form)."""
    link = await session.scalar(
        select(PasswordReset).where(PasswordReset.token_hash == _digest(token))
    )
    if (
        link is None
        or link.business_id != business_id
        or link.used_at
        or link.expires_at <= utcnow()
    ):
        raise _link_gone()
    staff = await session.get(Staff, (business_id, link.staff_id))
    if staff is None or not staff.active:
        raise _link_gone()
    return staff


async def use_reset_link(session: AsyncSession, business_id: str, token: str, password: str) -> str:
    """Set the password through the link, once (a conditional UPDATE: two tabs cannot both
    use it); every session of the login ends and a new one begins: its token is returned."""
    passwords.check_strength(password, "new_password")
    now = utcnow()
    used = (
        await session.execute(
            update(PasswordReset)
            .where(PasswordReset.token_hash == _digest(token))
            .where(PasswordReset.business_id == business_id)
            .where(PasswordReset.used_at.is_(None), PasswordReset.expires_at > now)
            .values(used_at=now)
            .returning(PasswordReset.staff_id)
        )
    ).scalar_one_or_none()
    staff = None if used is None else await session.get(Staff, (business_id, used))
    if staff is None or not staff.active:
        raise _link_gone()
    await _set_password(session, staff, password, now)
    await _end_sessions(session, business_id, staff.id)
    return await _open_session(session, staff)


async def business_name(session: AsyncSession, business_id: str) -> str | None:
    """The name a sign-in page greets with (None: no such business)."""
    return await session.scalar(select(Business.name).where(Business.id == business_id))


async def only_business(session: AsyncSession) -> str | None:
    """The business of a server that holds exactly one (a café's own install): its sign-in
    page is then the server's. A shared server never says which businesses it holds."""
    found = list(await session.scalars(select(Business.id).order_by(Business.id).limit(2)))
    return found[0] if len(found) == 1 else None
