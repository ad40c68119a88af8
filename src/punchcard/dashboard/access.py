"""Who may see a dashboard page: the session cookie names a staff login, whose ``Actor`` the
page hands to the services (the same role and location checks as the API). A scanner login
sees the scanner only; a visitor who is not signed in is sent to sign in."""

from typing import Annotated

from fastapi import Depends, Request
from starlette.datastructures import FormData

from punchcard.config import Settings
from punchcard.dashboard.rendering import View, visitor_language
from punchcard.dashboard.service import open_session
from punchcard.kit.csrf import Csrf
from punchcard.kit.errors import Forbidden
from punchcard.kit.http import AppSettings, database
from punchcard.kit.storabletext import refuse, unstorable
from punchcard.staff.actor import Role


class SignInRequired(Exception):
    """No live session: the page answers with a redirect to the sign-in page."""


class ScannerOnly(Forbidden):
    def __init__(self) -> None:
        super().__init__("scanner_only", "A scanner login may use the scanner only.")


def session_cookie(settings: Settings) -> str:
    return "__Host-pc_session" if settings.public_url.startswith("https://") else "pc_session"


async def public_view(request: Request, settings: AppSettings) -> View:
    """A page anyone may open (sign-in, a password link)."""
    csrf = Csrf(settings.public_url)
    key, new = csrf.browser_key(request)
    view = View(request, csrf, visitor_language(request), key, new)
    request.state.dashboard_view = view  # error pages render with it
    return view


PublicView = Annotated[View, Depends(public_view)]


async def signed_in_view(view: PublicView, settings: AppSettings) -> View:
    """Any signed-in login, the scanner's too (the scanner page, signing out, the password).
    Looked up in a short transaction of its own: a page may then work in the request's
    transaction, or in its own ones (to send an email after a commit)."""
    token = view.request.cookies.get(session_cookie(settings), "")
    signed = None
    if token:
        async with database(view.request).transaction() as session:
            signed = await open_session(session, token)
    if signed is None:
        raise SignInRequired()
    view.signed = signed
    return view


SignedInView = Annotated[View, Depends(signed_in_view)]


async def staff_view(view: SignedInView) -> View:
    """Owners and managers: every page but the scanner's refuses a scanner login."""
    assert view.signed is not None
    if view.signed.actor.role == Role.SCANNER:
        raise ScannerOnly()
    return view


StaffView = Annotated[View, Depends(staff_view)]


async def posted_form(view: View) -> FormData:
    """The posted form, once its CSRF token proved it comes from this browser's own page of
    the same path (``CsrfRefused`` otherwise: a 403 page)."""
    request = view.request
    form = await request.form()
    fields = {key: value for key, value in form.items() if isinstance(value, str)}
    view.csrf.check(request, fields, request.url.path)
    # An upload form's text fields (the app-wide check reads url-encoded bodies only).
    refuse([f"body.{name}" for name, value in form.multi_items()
            if isinstance(value, str) and unstorable(name + value)])  # fmt: skip
    return form
