"""The staff scanner at ``/scan``: look a code up (the camera's or a typed one), add stamps,
redeem a voucher. Plain forms that work without JavaScript; ``static/scanner.js`` adds the
camera and sends the same forms without leaving the page. Any signed-in login may use it,
acting with its own role and location (a location-bound login at its location)."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import Query
from fastapi.responses import FileResponse, JSONResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.models import Location
from punchcard.businesses.service import list_locations
from punchcard.code_lookups.service import TooManyFailedLookups
from punchcard.dashboard.access import PublicView, SignedInView, posted_form
from punchcard.dashboard.forms import small_number
from punchcard.dashboard.rendering import View, form_values
from punchcard.dashboard.routing import dashboard_router
from punchcard.dashboard.scanner import actions, lookup
from punchcard.dashboard.scanner.text import TEXT
from punchcard.idempotency.service import IdempotentReplay
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import ProblemError
from punchcard.kit.http import Session
from punchcard.kit.pagination import PageParams
from punchcard.staff.actor import Actor

router = dashboard_router()
TILL_COOKIE = "pc_scan_location"  # where an unbound login's till stands, chosen once
STATIC = Path(__file__).parent.parent / "static"
MAX_STAMPS = 20


@dataclass
class Screen:
    """What the scanner page shows below the camera."""

    feedback: tuple[str, str, str] | None = None  # kind (ok, warn, bad), title, detail
    card: lookup.Holder | None = None
    voucher: Any = None  # a VoucherOut waiting for the redeem confirmation
    voucher_holder: str | None = None
    replayed: bool = False
    status: int = 200
    context: dict[str, Any] = field(default_factory=dict)


def _actor(view: View) -> Actor:
    assert view.signed is not None
    return view.signed.actor


async def _till(
    view: View, session: AsyncSession, wanted: str | None
) -> tuple[str | None, list[Location]]:
    """The acting location: a bound login's own; else the one chosen on this device, or the
    business's only one. The list is the chooser's (empty for a bound login)."""
    actor = _actor(view)
    if actor.location_id:
        return actor.location_id, []
    places, _ = await list_locations(session, actor, PageParams(limit=100, cursor=None))
    ids = [place.id for place in places]
    chosen = wanted or view.request.cookies.get(TILL_COOKIE)
    if chosen not in ids:
        chosen = ids[0] if len(ids) == 1 else None
    return chosen, places


async def _page(
    view: View, session: AsyncSession, screen: Screen, till: str | None = None
) -> Response:
    wanted = view.request.query_params.get("location")
    location_id, places = await _till(view, session, till or wanted)
    response = view.render(
        "scanner/scan.html",
        TEXT,
        status_code=screen.status,
        screen=screen,
        location_id=location_id or "",
        places=places,
        key=actions.new_key(),
        max_stamps=MAX_STAMPS,
    )
    if wanted and wanted == location_id and not _actor(view).location_id:
        response.set_cookie(TILL_COOKIE, wanted, max_age=365 * 86400, samesite="lax")
    return response


def _t(view: View, key: str, **values: object) -> str:
    return TEXT.text(view.language, key, **values)


@router.get("/scan")
async def scanner(
    view: SignedInView,
    session: Session,
    voucher: Annotated[str | None, Query(max_length=64)] = None,
) -> Response:
    """The scanner; ``?voucher=`` asks to confirm redeeming one of the card's vouchers."""
    screen = Screen()
    if voucher:
        found = await lookup.voucher(session, _actor(view), voucher)
        holder = (
            await lookup.holder(session, _actor(view), found.card_id) if found.card_id else None
        )
        screen = _voucher_screen(view, found, holder.customer_name if holder else "", None)
    return await _page(view, session, screen)


def _voucher_screen(view: View, voucher: Any, name: str, where: str | None) -> Screen:
    if voucher.type == "lottery":
        return Screen((("bad", _t(view, "lottery"), _t(view, "lottery_detail"))), status=409)
    if voucher.status == "redeemed":
        detail = _t(
            view,
            "already_redeemed_detail",
            when=view.local(voucher.redeemed_at),
            where=where or _t(view, "somewhere"),
        )
        return Screen(("warn", _t(view, "already_redeemed"), detail), status=409)
    if voucher.status == "expired":
        detail = _t(view, "expired_detail", when=view.local(voucher.expires_at))
        return Screen(("bad", _t(view, "expired"), detail), status=409)
    return Screen(voucher=voucher, voucher_holder=name)


@router.post("/scan")
async def look_up(view: SignedInView, session: Session) -> Response:
    form = form_values(await posted_form(view), "code", "card", "location")
    actor = _actor(view)
    code = form["code"].strip().upper()
    location_id, _ = await _till(view, session, form["location"] or None)
    if not code:
        screen = Screen(("bad", _t(view, "not_found"), _t(view, "empty_code")), status=422)
        return await _page(view, session, screen, location_id)
    try:
        found = await lookup.look_up(session, actor, code[:64], location_id, form["card"] or None)
    except TooManyFailedLookups as refusal:
        return await _page(view, session, _too_many(view, refusal), location_id)
    if found.nothing:
        blocked = await lookup.record_failed_look_up(session, actor, code[:64], location_id)
        detail = _t(view, "not_found_detail", code=code)
        screen = Screen(("bad", _t(view, "not_found"), detail), status=404)
        if blocked is not None:
            screen = _too_many(view, TooManyFailedLookups(blocked, utcnow()))
        return await _page(view, session, screen, location_id)
    if found.shared_code:
        detail = _t(view, "shared_code_detail", code=code)
        screen = Screen(("warn", _t(view, "shared_code"), detail), card=found.card, status=409)
    elif found.voucher is not None and found.voucher.voucher is not None:
        holder = await lookup.holder_of(session, actor, found.voucher.voucher)
        screen = _voucher_screen(view, found.voucher.voucher, holder, found.redeemed_where)
        screen.card = found.card
    else:
        screen = Screen(card=found.card)
    return await _page(view, session, screen, location_id)


def _too_many(view: View, refusal: TooManyFailedLookups) -> Screen:
    seconds = refusal.headers["Retry-After"]
    screen = Screen(("bad", _t(view, "too_many"), _t(view, "too_many_detail", seconds=seconds)))
    screen.status = 429
    return screen


async def _act(
    view: View, session: AsyncSession, key: str, request: dict[str, Any], act: Any
) -> tuple[dict[str, Any], bool]:
    """Run the action once per key, in a savepoint: a refusal or a lost race for the key
    leaves nothing of it behind."""
    try:
        async with session.begin_nested():
            return await actions.once(session, _actor(view), key, request, act)
    except IdempotentReplay as lost:
        return await actions.replayed(session, lost), True


@router.post("/scan/stamp")
async def add_stamps(view: SignedInView, session: Session) -> Response:
    form = form_values(await posted_form(view), "card", "count", "key", "location")
    actor = _actor(view)
    location_id, _ = await _till(view, session, form["location"] or None)
    count = small_number(form["count"]) or 0
    if not 1 <= count <= MAX_STAMPS or not form["key"] or not form["card"]:
        screen = Screen(("bad", _t(view, "refused"), f"count: 1–{MAX_STAMPS}"), status=422)
        return await _page(view, session, screen, location_id)

    async def act() -> dict[str, Any]:
        return await actions.add_stamps(
            session, actor, card_id=form["card"], count=count, location_id=location_id
        )

    request = {"action": "stamp", "card": form["card"], "count": count}
    try:
        outcome, replayed = await _act(view, session, form["key"][:200], request, act)
    except ProblemError as refusal:
        screen = Screen(
            ("bad", _t(view, "card_closed"), refusal.detail or ""), status=refusal.status
        )
        return await _page(view, session, screen, location_id)
    holder = await lookup.holder(session, actor, outcome["card_id"])
    detail = (
        _t(view, "reward_earned", titles=", ".join(outcome["rewards"]))
        if outcome["rewards"]
        else ""
    )
    wording = "stamped_one" if outcome["count"] == 1 else "stamped"
    title = _t(view, wording, count=outcome["count"], name=holder.customer_name)
    screen = Screen(("ok", title, detail), card=holder, replayed=replayed)
    return await _page(view, session, screen, location_id)


@router.post("/scan/redeem")
async def redeem(view: SignedInView, session: Session) -> Response:
    form = form_values(await posted_form(view), "voucher", "key", "location")
    actor = _actor(view)
    location_id, _ = await _till(view, session, form["location"] or None)
    if not form["key"] or not form["voucher"]:
        screen = Screen(("bad", _t(view, "refused"), "voucher"), status=422)
        return await _page(view, session, screen, location_id)

    async def act() -> dict[str, Any]:
        return await actions.redeem(
            session, actor, voucher_id=form["voucher"], location_id=location_id
        )

    request = {"action": "redeem", "voucher": form["voucher"]}
    try:
        outcome, replayed = await _act(view, session, form["key"][:200], request, act)
    except ProblemError as refusal:
        if refusal.code not in ("voucher_already_redeemed", "voucher_expired"):
            raise
        found = await lookup.voucher(session, actor, form["voucher"])
        where = await lookup.location_name(session, actor, found.redeemed_location_id)
        return await _page(view, session, _voucher_screen(view, found, "", where), location_id)
    found = await lookup.voucher(session, actor, outcome["voucher_id"])
    holder = await lookup.holder(session, actor, found.card_id) if found.card_id else None
    name = holder.customer_name if holder else ""
    title = _t(view, "redeemed", title=found.title)
    screen = Screen(("ok", title, _t(view, "redeemed_detail", name=name)), card=holder)
    screen.replayed = replayed
    return await _page(view, session, screen, location_id)


@router.get("/scan/offline")
async def offline(view: PublicView) -> Response:
    """The page the service worker shows when the network is gone (it caches it)."""
    return view.render("scanner/offline.html", TEXT)


@router.get("/scan/manifest.webmanifest")
async def manifest(view: PublicView) -> Response:
    icons = [
        {
            "src": f"/dashboard/static/scanner/icon-{size}.png",
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": "any maskable",
        }
        for size in (192, 512)
    ]
    body = {
        "name": _t(view, "app_name"),
        "short_name": _t(view, "title"),
        "lang": view.language,
        "start_url": "/scan",
        "scope": "/scan",
        "display": "standalone",
        "orientation": "portrait",
        "background_color": "#f4f4f6",
        "theme_color": "#1f5f4a",
        "icons": icons,
    }
    return JSONResponse(body, media_type="application/manifest+json")


@router.get("/scan/sw.js")
async def service_worker() -> Response:
    """Served from /scan so that it may control the scanner (``Service-Worker-Allowed``)."""
    headers = {"Service-Worker-Allowed": "/scan", "Cache-Control": "no-cache"}
    return FileResponse(STATIC / "scanner" / "sw.js", media_type="text/javascript", headers=headers)
