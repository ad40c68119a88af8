"""Dashboard routers answer in HTML, errors included: ``DashboardRoute`` turns a refusal of a
service (a problem+json error in the API) into a page in the visitor's language, and a missing
session into a redirect to the sign-in page."""

from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.routing import APIRoute

from punchcard.dashboard.access import ScannerOnly, SignInRequired
from punchcard.dashboard.rendering import NO_STORE, View, visitor_language
from punchcard.kit.csrf import Csrf, CsrfRefused
from punchcard.kit.errors import NotFound, ProblemError
from punchcard.kit.ratelimit import RateLimited


def _view_of(request: Request) -> View:
    view = getattr(request.state, "dashboard_view", None)
    if isinstance(view, View):
        return view
    csrf = Csrf(request.app.state.settings.public_url)
    key, new = csrf.browser_key(request)
    return View(request, csrf, visitor_language(request), key, new)


def sign_in_redirect(request: Request) -> RedirectResponse:
    here = request.url.path if request.method == "GET" else "/dashboard"
    return RedirectResponse(
        f"/dashboard/sign-in?next={quote(here)}", status_code=303, headers=NO_STORE
    )


def error_page(request: Request, error: ProblemError) -> Response:
    view = _view_of(request)
    if isinstance(error, ScannerOnly):
        title, message = "forbidden_title", "forbidden_scanner"
    elif isinstance(error, CsrfRefused):
        title, message = "form_expired_title", "form_expired"
    elif isinstance(error, RateLimited):
        title, message = "too_many_title", "too_many"
    elif isinstance(error, NotFound):
        title, message = "not_found_title", None
    else:
        title, message = "error_title", None
    response = view.render(
        "error.html",
        status_code=error.status,
        title_key=title,
        message_key=message,
        detail=error.detail,
        scanner_link=isinstance(error, ScannerOnly),
    )
    response.headers.update(getattr(error, "headers", None) or {})
    return response


class DashboardRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def answer(request: Request) -> Response:
            try:
                return await handle(request)
            except SignInRequired:
                return sign_in_redirect(request)
            except ProblemError as error:
                return error_page(request, error)

        return answer


def dashboard_router() -> APIRouter:
    """A router for one dashboard area: HTML answers, out of the OpenAPI document."""
    return APIRouter(route_class=DashboardRoute, include_in_schema=False)
