"""The rules of Apple's PassKit web service: devices register for a card's pass, ask which of
their passes changed, fetch the latest pass, unregister, and send their logs.

The caller is a device holding a pass: it proves which card with the pass's authentication
token (an HMAC of the card id, nothing stored), so there is no staff actor here."""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards.models import Card
from punchcard.config import Settings
from punchcard.db.base import table_of
from punchcard.kit.accesslog import printable
from punchcard.kit.crypto import token_matches
from punchcard.kit.errors import NotFound, ProblemError, Unauthorized
from punchcard.kit.ids import new_id
from punchcard.kit.sql import insert_ignoring_conflicts
from punchcard.wallet import events as wallet_events
from punchcard.wallet.apple.passes import pkpass_of
from punchcard.wallet.apple.registrations import DeviceRegistration
from punchcard.wallet.apple.serials import parse_serial, serial_number
from punchcard.wallet.apple.signing import SigningIdentity, signing_identity
from punchcard.wallet.models import WalletPass
from punchcard.wallet.view import load_pass_view

log = logging.getLogger("punchcard.wallet.apple")
registrations = table_of(DeviceRegistration)
passes = table_of(WalletPass)
TOKEN_PURPOSE = "apple-pass"
SCHEME = "ApplePass"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Versions come from the clock inside concurrent transactions, so a change committed after a
# device asked may carry a version from a moment before: a tag never passes "now less this
# margin". A device re-fetching a pass it has costs a 304; a missed update is a stale card.
UPDATED_SINCE_MARGIN = timedelta(seconds=5)
LOG_LINES = 20  # a device's log batch, at most this many lines ...
LOG_LINE_CHARS = 500  # ... of at most this many characters each


@dataclass(frozen=True)
class PassHolder:
    """A device that proved it holds the pass of this card."""

    business_id: str
    card_id: str


def authenticate(serial: str, authorization: str | None) -> PassHolder:
    """The card of ``serial``, if ``Authorization: ApplePass <token>`` is that pass's token;
    an unknown serial is as unauthorised as a wrong token (Apple's service answers 401)."""
    parsed = parse_serial(serial)
    scheme, _, token = (authorization or "").partition(" ")
    if parsed is None or scheme != SCHEME or not token_matches(TOKEN_PURPOSE, parsed[1], token):
        raise Unauthorized("apple_pass_unauthorized", "Missing or wrong ApplePass token.")
    return PassHolder(*parsed)


@dataclass(frozen=True)
class LatestPass:
    last_modified: datetime  # the pass version
    content: bytes | None  # the signed .pkpass; None: the device has this version already


async def _identity_for(
    session: AsyncSession, settings: Settings, holder: PassHolder, pass_type: str
) -> SigningIdentity:
    """The identity the business signs with, if its pass type is this one (404 otherwise)."""
    identity = await signing_identity(session, settings, holder.business_id)
    if identity is None or identity.pass_type_identifier != pass_type:
        raise NotFound("pass_type_not_found", f"No passes of type '{pass_type}' here.")
    return identity


def tag_of(version: datetime) -> str:
    """The "lastUpdated" tag of a pass version: microseconds since the epoch."""
    return str((version - EPOCH) // timedelta(microseconds=1))


def version_of(tag: str) -> datetime:
    return EPOCH + timedelta(microseconds=int(tag))


async def register(
    session: AsyncSession,
    settings: Settings,
    holder: PassHolder,
    *,
    device: str,
    pass_type: str,
    push_token: str,
    at: datetime,
) -> bool:
    """Register the device for the card's updates; True when new (then ``card_saved`` is
    emitted), False when it was registered already (its push token is updated)."""
    view = await load_pass_view(session, holder.business_id, holder.card_id)
    await _identity_for(session, settings, holder, pass_type)
    await _room_for(session, settings, holder, device)
    inserted = await session.execute(
        insert_ignoring_conflicts(
            registrations,
            session.get_bind().dialect.name,
            {
                "business_id": holder.business_id,
                "id": new_id("reg"),
                "device_library_identifier": device,
                "push_token": push_token,
                "card_id": holder.card_id,
                "pass_type_identifier": pass_type,
                "created_at": at,
                "updated_at": at,
            },
        ).returning(registrations.c.id)
    )
    if inserted.first() is not None:
        await wallet_events.saved(session, view, "apple", at)
        return True
    await session.execute(
        update(registrations)
        .where(
            registrations.c.business_id == holder.business_id,
            registrations.c.device_library_identifier == device,
            registrations.c.card_id == holder.card_id,
        )
        .values(push_token=push_token, pass_type_identifier=pass_type, updated_at=at)
    )
    return False


class TooManyDevices(ProblemError):
    status = 409
    title = "Conflict"


async def _room_for(
    session: AsyncSession, settings: Settings, holder: PassHolder, device: str
) -> None:
    """A pass may be registered on at most ``passkit_devices_per_pass`` devices (a phone and
    a watch or two; one pass once registered 1,000 made-up devices). The card's row is
    locked first, so concurrent registrations of one pass are counted one after another."""
    await session.execute(
        select(Card.id)
        .where(Card.business_id == holder.business_id, Card.id == holder.card_id)
        .with_for_update()
    )
    devices = (
        await session.scalars(
            select(registrations.c.device_library_identifier).where(
                registrations.c.business_id == holder.business_id,
                registrations.c.card_id == holder.card_id,
            )
        )
    ).all()
    cap = settings.passkit_devices_per_pass
    if len(devices) >= cap and device not in devices:
        raise TooManyDevices(
            "too_many_devices", f"This pass is registered on {cap} devices already."
        )


async def unregister(
    session: AsyncSession, holder: PassHolder, *, device: str, pass_type: str
) -> None:
    await session.execute(
        delete(registrations).where(
            registrations.c.business_id == holder.business_id,
            registrations.c.device_library_identifier == device,
            registrations.c.card_id == holder.card_id,
            registrations.c.pass_type_identifier == pass_type,
        )
    )


async def updated_serials(
    session: AsyncSession, *, device: str, pass_type: str, since: datetime | None, now: datetime
) -> tuple[list[str], datetime | None]:
    """Serial numbers (sorted) of the device's passes with versions after ``since`` (all of them
    if None), and the version to ask from next time: the newest of theirs, or ``now`` less the
    margin if that is earlier, so changes still committing now are listed next time."""
    query = (
        select(registrations.c.business_id, registrations.c.card_id, passes.c.updated_at)
        .join(
            passes,
            (passes.c.business_id == registrations.c.business_id)
            & (passes.c.id == registrations.c.card_id),
        )
        .where(
            registrations.c.device_library_identifier == device,
            registrations.c.pass_type_identifier == pass_type,
        )
    )
    if since is not None:
        query = query.where(passes.c.updated_at > since)
    rows = (await session.execute(query)).all()
    if not rows:
        return [], None
    newest = max(version for *_, version in rows)
    # Sorted: the same passes are listed alike whatever order the rows come in (their order on
    # disk, which vacuuming and updates change).
    serials = sorted(serial_number(business_id, card_id) for business_id, card_id, _ in rows)
    return serials, min(newest, now - UPDATED_SINCE_MARGIN)


async def latest_pass(
    session: AsyncSession,
    settings: Settings,
    holder: PassHolder,
    *,
    pass_type: str,
    modified_since: datetime | None,
    at: datetime,
) -> LatestPass:
    """The card's pass, unless the device's copy (``modified_since``, an HTTP date: whole
    seconds) is as new; either way the card was opened (``card_opened``, at most hourly)."""
    view = await load_pass_view(session, holder.business_id, holder.card_id)
    identity = await _identity_for(session, settings, holder, pass_type)
    await wallet_events.opened(session, view, "apple", at)
    if modified_since is not None and view.updated_at.replace(microsecond=0) <= modified_since:
        return LatestPass(view.updated_at, None)
    made = pkpass_of(view, identity, settings)
    return LatestPass(made.last_modified, made.content)


def record_device_log(lines: list[str]) -> None:
    """Wallet reports what went wrong with our passes (bad signature, unreachable service)."""
    for line in lines[:LOG_LINES]:
        # One record per line, escaped: a newline in what a stranger sends forges no lines.
        log.warning("apple wallet device log: %s", printable(line, LOG_LINE_CHARS))
