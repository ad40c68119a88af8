"""Signing in and out, changing one's password, and the one-time password links.

A login names its business by the sign-in address, ``/dashboard/{business_id}/sign-in``: logins
are unique within a business only (two cafés may both have "anna"), staff bookmark the address
once, and nobody types a ``biz_`` id. A server holding one business sends ``/dashboard/sign-in``
there; a shared server never lists its businesses.
"""

from typing import Annotated

from fastapi import Query
from fastapi.responses import RedirectResponse, Response

from punchcard.config import Settings
from punchcard.dashboard import service
from punchcard.dashboard.access import PublicView, SignedInView, posted_form, session_cookie
from punchcard.dashboard.account.text import TEXT
from punchcard.dashboard.rendering import NO_STORE, View, form_values
from punchcard.dashboard.routing import dashboard_router
from punchcard.kit import ratelimit
from punchcard.kit.errors import NotFound, Unauthorized, Unprocessable
from punchcard.kit.http import AppSettings, Session, database
from punchcard.staff.actor import Role

router = dashboard_router()
BUSINESS_COOKIE = "pc_business"  # which business's sign-in page this browser used last


def _landing(role: Role, wanted: str | None) -> str:
    """Where a login goes after signing in: the page it asked for if it is one of ours."""
    home = "/scan" if role == Role.SCANNER else "/dashboard"
    safe = wanted and wanted.startswith(("/dashboard", "/scan")) and "//" not in wanted
    return wanted if safe and role != Role.SCANNER else home  # type: ignore[return-value]


def _signed_in(view: View, settings: Settings, token: str, business_id: str, to: str) -> Response:
    response = RedirectResponse(to, status_code=303, headers=NO_STORE)
    response.set_cookie(
        session_cookie(settings),
        token,
        max_age=settings.dashboard_session_days * 86400,
        path="/",
        secure=view.csrf.secure,
        httponly=True,
        samesite="lax",
    )
    response.set_cookie(BUSINESS_COOKIE, business_id, max_age=365 * 86400, samesite="lax")
    view.finish(response)
    return response


@router.get("/dashboard/sign-in")
async def choose_business(
    view: PublicView,
    session: Session,
    next_page: Annotated[str | None, Query(alias="next", max_length=500)] = None,
) -> Response:
    business_id = view.request.cookies.get(BUSINESS_COOKIE) or await service.only_business(session)
    if business_id and await service.business_name(session, business_id):
        query = f"?next={next_page}" if next_page else ""
        return RedirectResponse(service.sign_in_path(business_id) + query, status_code=303)
    return view.render("account/which_business.html", TEXT)


def _sign_in_form(
    view: View, business_id: str, name: str, login: str = "", failed: bool = False
) -> Response:
    return view.render(
        "account/sign_in.html",
        TEXT,
        status_code=401 if failed else 200,
        business_name=name,
        action=service.sign_in_path(business_id),
        next_page=view.request.query_params.get("next", ""),
        login=login,
        failed=failed,
    )


@router.get("/dashboard/{business_id}/sign-in")
async def sign_in_page(business_id: str, view: PublicView, session: Session) -> Response:
    name = await service.business_name(session, business_id)
    if name is None:
        raise NotFound("business_not_found", "No business has this sign-in page.")
    return _sign_in_form(view, business_id, name)


def _limits(settings: Settings) -> tuple[ratelimit.Limit, ratelimit.Limit]:
    window = settings.sign_in_window_seconds
    return (
        ratelimit.Limit("sign-in-address", settings.sign_in_limit_per_address, window),
        ratelimit.Limit("sign-in-failures", settings.sign_in_failures_per_login, window),
    )


@router.post("/dashboard/{business_id}/sign-in")
async def sign_in(business_id: str, view: PublicView, settings: AppSettings) -> Response:
    """Every attempt counts against the client address, every failure against the login; each
    counter in its own committed transaction, before the password is even checked."""
    form = form_values(await posted_form(view), "login", "password", "next")
    login = form["login"].strip().lower()[:200]
    per_address, per_login = _limits(settings)
    db = database(view.request)
    client = view.request.client
    await ratelimit.hit(db, per_address, ratelimit.address_of(client.host if client else None))
    async with db.transaction() as session:
        name = await service.business_name(session, business_id)
        if name is None:
            raise NotFound("business_not_found", "No business has this sign-in page.")
        await ratelimit.ensure_below(session, per_login, login, business_id=business_id)
    try:
        async with db.transaction() as session:
            token = await service.sign_in(session, business_id, login, form["password"])
            signed = await service.open_session(session, token)
    except service.SignInFailed:
        await ratelimit.hit(db, per_login, login, business_id=business_id)
        return _sign_in_form(view, business_id, name, login, failed=True)
    assert signed is not None
    landing = _landing(signed.actor.role, form["next"] or None)
    return _signed_in(view, settings, token, business_id, landing)


@router.post("/dashboard/sign-out")
async def sign_out(view: SignedInView, session: Session, settings: AppSettings) -> Response:
    await posted_form(view)
    assert view.signed is not None
    await service.sign_out(session, view.request.cookies.get(session_cookie(settings), ""))
    to = service.sign_in_path(view.signed.actor.business_id) + "?signed_out=1"
    response = RedirectResponse(to, status_code=303, headers=NO_STORE)
    response.delete_cookie(session_cookie(settings), path="/", secure=view.csrf.secure)
    return response


def _password_form(view: View, errors: dict[str, str], done: bool = False) -> Response:
    return view.render(
        "account/password.html",
        TEXT,
        action="/dashboard/password",
        errors=errors,
        done=done,
    )


@router.get("/dashboard/password")
async def password_page(view: SignedInView) -> Response:
    """Every login, the scanner's too, may change its own password."""
    return _password_form(view, {})


@router.post("/dashboard/password")
async def change_password(view: SignedInView, session: Session) -> Response:
    form = form_values(await posted_form(view), "current", "new", "repeat")
    assert view.signed is not None
    if form["new"] != form["repeat"]:
        return _password_form(view, {"repeat": "passwords_differ"})
    try:
        await service.change_password(
            session, view.signed, current=form["current"], new=form["new"]
        )
    except Unauthorized:
        return _password_form(view, {"current": "wrong_password"})
    except Unprocessable:
        return _password_form(view, {"new": "weak_password"})
    return _password_form(view, {}, done=True)


def _set_password_form(
    view: View, business_id: str, token: str, name: str, errors: dict[str, str]
) -> Response:
    return view.render(
        "account/set_password.html",
        TEXT,
        action=service.reset_path(business_id, token),
        name=name,
        errors=errors,
    )


def _link_gone(view: View) -> Response:
    return view.render(
        "error.html",
        TEXT,
        status_code=404,
        title_key="link_gone_title",
        message_key="link_gone",
        detail=None,
        scanner_link=False,
    )


@router.get("/dashboard/{business_id}/password/{token}")
async def set_password_page(
    business_id: str, token: str, view: PublicView, session: Session
) -> Response:
    try:
        staff = await service.reset_link_staff(session, business_id, token)
    except NotFound:
        return _link_gone(view)
    return _set_password_form(view, business_id, token, staff.name, {})


@router.post("/dashboard/{business_id}/password/{token}")
async def set_password(
    business_id: str, token: str, view: PublicView, settings: AppSettings
) -> Response:
    form = form_values(await posted_form(view), "new", "repeat")
    async with database(view.request).transaction() as session:
        try:
            staff = await service.reset_link_staff(session, business_id, token)
        except NotFound:
            return _link_gone(view)
        if form["new"] != form["repeat"]:
            return _set_password_form(
                view, business_id, token, staff.name, {"repeat": "passwords_differ"}
            )
        try:
            session_token = await service.use_reset_link(session, business_id, token, form["new"])
        except Unprocessable:
            return _set_password_form(
                view, business_id, token, staff.name, {"new": "weak_password"}
            )
        except NotFound:
            return _link_gone(view)
        role = Role(staff.role)
    return _signed_in(view, settings, session_token, business_id, _landing(role, None))
