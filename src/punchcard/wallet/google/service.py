"""Google Wallet use cases: a card's save link, and the program logo Google shows."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import Conflict, NotFound, ProblemError, Unauthorized, not_found
from punchcard.programs.models import Program
from punchcard.staff.actor import Actor, Permission
from punchcard.wallet.badges import initial_of, initial_png
from punchcard.wallet.events import hold, saved
from punchcard.wallet.google.callbacks import CallbackRejected, root_keys, verify_callback
from punchcard.wallet.google.client import GoogleWalletError, WalletClient
from punchcard.wallet.google.config import (
    GoogleWalletConfig,
    GoogleWalletSetupError,
    google_wallet_config,
)
from punchcard.wallet.google.objects import (
    business_of_class,
    card_of_object,
    class_id,
    loyalty_class,
    loyalty_object,
    object_id,
)
from punchcard.wallet.google.save_link import save_url
from punchcard.wallet.view import PassView, load_design, load_pass_view

LOGO_SIZE = 660  # Google's recommended program logo size, in pixels


class GoogleWalletFailed(ProblemError):
    status = 502
    title = "Bad gateway"


def configured(settings: Settings) -> GoogleWalletConfig:
    try:
        config = google_wallet_config(settings)
    except GoogleWalletSetupError as exc:
        raise Conflict("google_wallet_misconfigured", str(exc)) from exc
    if config is None:
        raise Conflict(
            "google_wallet_not_configured",
            "Google Wallet is not set up: set PUNCHCARD_GOOGLE_WALLET_ISSUER_ID and "
            "PUNCHCARD_GOOGLE_WALLET_SERVICE_ACCOUNT.",
        )
    return config


@asynccontextmanager
async def wallet_client(config: GoogleWalletConfig) -> AsyncIterator[WalletClient]:
    import httpx  # here: a server process that never calls Google does without it (5 MB)

    async with httpx.AsyncClient(timeout=config.timeout_seconds) as http:
        yield WalletClient(config, http)


async def publish(client: WalletClient, config: GoogleWalletConfig, view: PassView) -> None:
    """The program's class and the card's object, as the view shows them (created or updated)."""
    await client.upsert_class(
        loyalty_class(view, issuer_id=config.issuer_id, public_url=config.public_url)
    )
    await client.upsert_object(
        loyalty_object(view, issuer_id=config.issuer_id, public_url=config.public_url)
    )


async def google_save_url(db: Database, settings: Settings, business_id: str, card_id: str) -> str:
    """The card's "Save to Google Wallet" link, its object written first so the link shows it
    as it is now.

    Takes the database, not a session: Google is called outside any transaction, so a slow
    Google never holds locks (a caller inside a request transaction ends it first). The card is
    held before Google is called, so a change meanwhile is pushed too, and should Google fail
    now, the pusher creates the object with the card's next change."""
    config = configured(settings)
    now = utcnow()
    async with db.transaction() as session:
        view = await load_pass_view(session, business_id, card_id)
        await hold(session, view, now)
    try:
        async with wallet_client(config) as client:
            await publish(client, config, view)
    except GoogleWalletError as exc:
        raise GoogleWalletFailed("google_wallet_failed", str(exc)) from exc
    return save_url(
        config,
        object_id=object_id(config.issuer_id, card_id),
        class_id=class_id(config.issuer_id, business_id, view.program_id),
        at=now,
    )


async def staff_save_url(db: Database, settings: Settings, actor: Actor, card_id: str) -> str:
    """The save link, for staff who may hand cards out as wallet passes (not scanners)."""
    actor.require(Permission.WALLET_PASSES)
    return await google_save_url(db, settings, actor.business_id, card_id)


async def program_logo(session: AsyncSession, business_id: str, program_id: str) -> bytes:
    """The PNG the program's loyalty class shows; 404 for a program that does not exist."""
    if await session.get(Program, (business_id, program_id)) is None:
        raise not_found("program", program_id)
    design = await load_design(session, business_id, program_id)
    if design.logo_png:
        return bytes(design.logo_png)
    initial = initial_of(design.organization_name)
    return initial_png(initial, LOGO_SIZE, design.background_color, design.foreground_color, False)


async def note_callback(db: Database, settings: Settings, body: bytes) -> str:
    """Google says a customer saved (or deleted) a card: a save, once both of Google's
    signatures check out, emits ``card_saved`` (wallet "google"). Returns what was done."""
    import httpx  # for its error class (root_keys imports it to fetch; see wallet_client)

    config = configured(settings)
    try:
        keys = await root_keys(config.callback_keys_url, config.timeout_seconds)
    except (httpx.HTTPError, ValueError) as exc:
        raise GoogleWalletFailed(
            "google_wallet_failed", f"Google's callback signing keys are unavailable: {exc!r}"
        ) from exc
    try:
        callback = verify_callback(body, issuer_id=config.issuer_id, root_keys=keys)
    except CallbackRejected as exc:
        raise Unauthorized("google_callback_rejected", str(exc)) from exc
    if callback.event_type != "save":
        return "ignored"  # a deletion: the card stays held, its pushes find no object
    business_id = business_of_class(callback.class_id)
    card_id = card_of_object(callback.object_id)
    async with db.transaction() as session:
        try:
            view = await load_pass_view(session, business_id, card_id)
        except NotFound:
            return "ignored"  # a card deleted since, or not ours
        await saved(session, view, "google", utcnow())
    return "saved"
