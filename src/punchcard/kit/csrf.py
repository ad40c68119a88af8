"""Cross-site request forgery protection for server-rendered forms (the join form now, every
dashboard form later), without server-side sessions. Two independent checks:

1. A signed double-submit token: the browser holds a random key in an HttpOnly cookie (SameSite
   Lax; ``__Host-`` prefixed and Secure over https, so no sibling site can plant one), and the
   form carries ``expiry.HMAC(secret, key, form scope, expiry)``. Another site can neither read
   the cookie nor the form, so it cannot send a matching pair; a token copied from another
   browser fails against this browser's key; a token expires.
2. Where the browser says where a request comes from, it must be from here: ``Sec-Fetch-Site``
   is ``same-origin`` or ``none`` (typed, bookmarked), and ``Origin``, when sent, is this site.

A failed check is ``CsrfRefused`` (403 ``csrf_failed``); pages show it as "reload the form".
"""

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response

from punchcard.kit.crypto import token_for
from punchcard.kit.errors import ProblemError

FIELD = "csrf_token"  # the form field
TOKEN_SECONDS = 4 * 3600  # a form left open over lunch still posts
COOKIE_SECONDS = 30 * 86400
ALLOWED_FETCH_SITES = ("same-origin", "none")


class CsrfRefused(ProblemError):
    status = 403
    title = "Forbidden"

    def __init__(self, detail: str) -> None:
        super().__init__("csrf_failed", detail)


def _mac(browser_key: str, scope: str, expiry: int) -> str:
    # The signing key is itself derived from the secret key for this purpose only.
    key = token_for("csrf", "signing-key").encode()
    message = f"{browser_key}|{scope}|{expiry}".encode()
    digest = hmac.new(key, message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


@dataclass(frozen=True)
class Csrf:
    """Configured once per app: ``public_url`` decides the cookie's form and the site's own
    origin (besides the Host a request was sent to, which the host check has allowed)."""

    public_url: str

    @property
    def secure(self) -> bool:
        return self.public_url.startswith("https://")

    @property
    def cookie(self) -> str:
        return "__Host-pc_csrf" if self.secure else "pc_csrf"

    def browser_key(self, request: Request) -> tuple[str, bool]:
        """This browser's key, and whether it is new (then ``remember`` must set it)."""
        key = request.cookies.get(self.cookie, "")
        if 20 <= len(key) <= 64 and key.isascii():
            return key, False
        return secrets.token_urlsafe(32), True

    def remember(self, response: Response, browser_key: str) -> None:
        response.set_cookie(
            self.cookie,
            browser_key,
            max_age=COOKIE_SECONDS,
            path="/",
            secure=self.secure,
            httponly=True,
            samesite="lax",
        )

    def token(self, browser_key: str, scope: str, now: float | None = None) -> str:
        expiry = int((time.time() if now is None else now) + TOKEN_SECONDS)
        return f"{expiry}.{_mac(browser_key, scope, expiry)}"

    def check(self, request: Request, form: Mapping[str, str], scope: str) -> None:
        """Both checks, for a form posted to ``scope`` (e.g. the form's path)."""
        self._check_origin(request)
        key = request.cookies.get(self.cookie)
        expiry, _, mac = str(form.get(FIELD, "")).partition(".")
        if not key or not expiry.isdigit():
            raise CsrfRefused("The form was not sent from this site's page: reload it.")
        if int(expiry) < time.time():
            raise CsrfRefused("The form has expired: reload it.")
        if not hmac.compare_digest(_mac(key, scope, int(expiry)).encode(), mac.encode()):
            raise CsrfRefused("The form was not sent from this site's page: reload it.")

    def _check_origin(self, request: Request) -> None:
        site = request.headers.get("sec-fetch-site")
        if site is not None and site not in ALLOWED_FETCH_SITES:
            raise CsrfRefused(f"A {site} request may not post this form.")
        origin = request.headers.get("origin")
        if origin is None:
            return  # an older browser, or no browser at all: the token decides
        own = {urlsplit(self.public_url).netloc, request.headers.get("host", "")}
        if urlsplit(origin).netloc not in own:
            raise CsrfRefused("The form was posted from another site.")
