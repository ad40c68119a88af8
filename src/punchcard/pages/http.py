"""Public routes: the join page (GET shows the form, POST joins) and the web card."""

import time
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from punchcard.channels.pages import card_buttons
from punchcard.kit import ratelimit
from punchcard.kit.clock import utcnow
from punchcard.kit.crypto import token_for, token_matches
from punchcard.kit.csrf import FIELD as CSRF_FIELD
from punchcard.kit.csrf import CsrfRefused
from punchcard.kit.errors import NotFound
from punchcard.kit.http import AppSettings, Session, database
from punchcard.kit.storabletext import checks_text_itself
from punchcard.pages import form as join_form
from punchcard.pages.card import card_context, open_web_card
from punchcard.pages.common import NEUTRAL as NEUTRAL_DESIGN
from punchcard.pages.common import NO_STORE, FormGuard, Visiting, WebCardLink, card_form_scope
from punchcard.pages.join import CardLinkSender, JoinPage, card_of_known, join, open_program
from punchcard.pages.templating import message_page, page
from punchcard.pages.wallets import apple_ready, google_ready
from punchcard.referrals import joining as referrals
from punchcard.wallet import web_link

router = APIRouter(include_in_schema=False)
JOINED_COOKIE = "pc_joined"  # "this browser just made card X": a double tap finds it again
JOINED_SECONDS = 3600


def _join_form(
    program: JoinPage,
    language: str,
    csrf_token: str,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> HTMLResponse:
    return page(
        "join.html",
        language=language,
        design=program.design,
        status_code=422 if errors else 200,
        headers=NO_STORE,  # the form carries this browser's CSRF token
        title=program.program_name,
        program_name=program.program_name,
        rewards=program.rewards,
        values=values or {},
        errors=errors or {},
        referrals=program.referrals,
        max_lengths=join_form.MAX_LENGTHS,
        csrf_field=CSRF_FIELD,
        csrf_token=csrf_token,
        privacy_url=program.privacy_url,
        imprint_url=program.imprint_url,
    )


def _joined_cookie(card_id: str) -> str:
    expiry = int(time.time()) + JOINED_SECONDS
    return f"{card_id}.{expiry}.{token_for('joined', f'{card_id}.{expiry}')}"


def _joined_card(request: Request) -> str | None:
    card_id, _, rest = request.cookies.get(JOINED_COOKIE, "").partition(".")
    expiry, _, mac = rest.partition(".")
    if not expiry.isdigit() or int(expiry) < time.time():
        return None
    return card_id if token_matches("joined", f"{card_id}.{expiry}", mac) else None


@router.get("/join/{business_id}/{program_id}", response_class=HTMLResponse)
async def join_page(
    business_id: str,
    program_id: str,
    request: Request,
    session: Session,
    visitor: Visiting,
    csrf: FormGuard,
    ref: Annotated[str | None, Query(max_length=2000)] = None,
) -> Response:
    """The form; ``?ref=`` (a referral link) fills in the referral code, unchecked: the code
    is looked up (and counted if it names nobody) only when the form is sent. A ``ref`` no
    code can be is left out (a link cut or made up), never an error page."""
    try:
        program = await open_program(session, business_id, program_id)
    except NotFound:
        return visitor.not_found("not_found_join")
    key, new = csrf.browser_key(request)
    token = csrf.token(key, request.url.path)
    fits = ref is not None and len(ref) <= join_form.MAX_LENGTHS["referral_code"]
    prefill = join_form.shown({"referral_code": ref}) if ref and fits else None
    response = _join_form(program, visitor.language(), token, prefill)
    if new:
        csrf.remember(response, key)
    return response


@router.post("/join/{business_id}/{program_id}", response_class=HTMLResponse)
@checks_text_itself
async def submit_join(
    business_id: str,
    program_id: str,
    request: Request,
    settings: AppSettings,
    visitor: Visiting,
    csrf: FormGuard,
) -> Response:
    """A new customer: 303 to their web card. Any known email or phone: 303 to the same
    neutral page, nothing changed. Invalid details: the form again (422), values kept."""
    window = settings.join_limit_window_seconds
    limits = [
        (ratelimit.Limit("join-address", settings.join_limit_per_address, window), visitor.address),
        (ratelimit.Limit("join-program", settings.join_limit_per_program, window), program_id),
    ]
    # Counted first, in its own transaction: the request's own starts only after it.
    try:
        await ratelimit.hits(database(request), limits, business_id=business_id)
    except ratelimit.RateLimited as refused:
        return visitor.too_many(refused)
    async with database(request).transaction() as session:
        return await _join(business_id, program_id, request, session, settings, visitor, csrf)


def _referral_code_failures(settings: AppSettings) -> ratelimit.Limit:
    """Referral codes typed on the join form that match nobody, per client address."""
    return ratelimit.Limit(
        "referral-code-failures",
        settings.referral_code_failures_per_address,
        settings.referral_code_failure_window_seconds,
    )


async def _join(
    business_id: str,
    program_id: str,
    request: Request,
    session: Session,
    settings: AppSettings,
    visitor: Visiting,
    csrf: FormGuard,
) -> Response:
    try:
        program = await open_program(session, business_id, program_id)
    except NotFound:
        return visitor.not_found("not_found_join")
    language = visitor.language()
    values = await join_form.read_form(request)
    try:
        csrf.check(request, values, request.url.path)
    except CsrfRefused:
        return message_page(language, program.design, "form_expired_title", "form_expired", 403)
    key, _ = csrf.browser_key(request)
    details, errors = join_form.validate(values)
    sponsor = None
    if details is not None and details.referral_code is not None:
        try:
            sponsor = await referrals.find_for_visitor(
                session,
                business_id,
                program_id,
                details.referral_code,
                address=visitor.address,
                limit=_referral_code_failures(settings),
            )
        except ratelimit.RateLimited as refused:
            return visitor.too_many(refused, program.design)
        if sponsor is None:
            errors = {"referral_code": "error_referral_code"}
    if details is None or errors:
        token = csrf.token(key, request.url.path)
        return _join_form(program, language, token, join_form.shown(values), errors)
    sender: CardLinkSender = request.app.state.card_link_sender
    joined = await join(session, business_id, program_id, details, language, sender, sponsor)
    if joined.card_id is not None:
        location = web_link.path(business_id, joined.card_id, None)
        response = RedirectResponse(location, status_code=303, headers=NO_STORE)
        response.set_cookie(
            JOINED_COOKIE,
            _joined_cookie(joined.card_id),
            max_age=JOINED_SECONDS,
            path=f"/join/{business_id}/{program_id}",
            secure=csrf.secure,
            httponly=True,
            samesite="strict",
        )
        return response
    again = _joined_card(request)
    if again is not None and joined.known_customer_id is not None:
        path = await card_of_known(
            session, business_id, program_id, joined.known_customer_id, again
        )
        if path is not None:  # the same browser sent its own form twice (a double tap)
            return RedirectResponse(path, status_code=303, headers=NO_STORE)
    return RedirectResponse(f"/join/{business_id}/{program_id}/sent", status_code=303)


@router.get("/join/{business_id}/{program_id}/sent", response_class=HTMLResponse)
async def join_sent(
    business_id: str, program_id: str, session: Session, visitor: Visiting
) -> Response:
    """The one answer for every known email or phone."""
    try:
        program = await open_program(session, business_id, program_id)
    except NotFound:
        return visitor.not_found("not_found_join")
    return message_page(visitor.language(), program.design, "sent_title", "sent", 200)


@router.get("/c/{business_id}/{card_id}/{token}", response_class=HTMLResponse)
async def web_card(
    link: WebCardLink,
    request: Request,
    session: Session,
    settings: AppSettings,
    visitor: Visiting,
    csrf: FormGuard,
) -> Response:
    """The card as a page: the fallback for phones without a wallet app."""
    now = utcnow()
    try:
        view = await open_web_card(session, link, now)
    except NotFound:
        return visitor.not_found("not_found_card")
    language = visitor.language(fallback=view.language)
    here = web_link.path(link.business_id, link.card_id, view.web_link_nonce)
    apple = await apple_ready(session, settings, link.business_id)
    key, new = csrf.browser_key(request)
    response = page(
        "card.html",
        language=language,
        design=view.design,
        headers=NO_STORE,
        apple_url=f"{here}/pass.pkpass" if apple else None,
        google_url=f"{here}/google" if google_ready() else None,
        rotate_url=f"{here}/rotate",
        csrf_field=CSRF_FIELD,
        csrf_token=csrf.token(key, card_form_scope(link.card_id)),
        channel_buttons=await card_buttons(session, link.business_id, view.customer_id, here),
        **card_context(view, language, now),
    )
    if new:
        csrf.remember(response, key)
    return response


@router.post("/c/{business_id}/{card_id}/{token}/rotate")
async def rotate_web_card_link(
    link: WebCardLink,
    request: Request,
    settings: AppSettings,
    visitor: Visiting,
    csrf: FormGuard,
) -> Response:
    """The customer's "new link" button: 303 to the card's new address; the old one (the
    one this came from) stops working."""
    limit = ratelimit.Limit("web-link-rotate", settings.web_link_rotations_per_card, 3600)
    try:
        await ratelimit.hit(database(request), limit, link.card_id, business_id=link.business_id)
    except ratelimit.RateLimited as refused:
        return visitor.too_many(refused)
    async with database(request).transaction() as session:
        if not await link.valid(session):
            return visitor.not_found("not_found_card")
        try:
            fields = await join_form.read_form(request, (CSRF_FIELD,))
            csrf.check(request, fields, card_form_scope(link.card_id))
        except CsrfRefused:
            language = visitor.language()
            return message_page(language, NEUTRAL_DESIGN, "form_expired_title", "form_expired", 403)
        path = await web_link.rotate(session, link.business_id, link.card_id)
    return RedirectResponse(path, status_code=303, headers=NO_STORE)
