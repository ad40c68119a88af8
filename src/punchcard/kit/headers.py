"""Security headers on every response (pages and API), as a pure ASGI middleware.

Pages (any ``text/html`` answer) may show their own inline styles and ``data:`` images and post
forms to this site only; API answers may load nothing; the interactive docs (/docs) may load
Swagger UI from this site only. Nothing may be framed (clickjacking), types are never sniffed, no
Referer leaves (web-card links carry their token in the path), and HSTS is sent when the site
is served over https.
"""

from starlette.types import ASGIApp, Message, Receive, Scope, Send

COMMON = "base-uri 'none'; frame-ancestors 'none'"
API_CSP = f"default-src 'none'; form-action 'none'; {COMMON}"
PAGE_CSP = (
    f"default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
    f"form-action 'self'; {COMMON}"
)
# The interactive docs (kit/apidocs.py) run Swagger UI from this site's own files: scripts and
# styles from here only (its components set style attributes), images inline, and requests to
# this API ("Try it out").
DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    f"img-src 'self' data:; connect-src 'self'; form-action 'self'; {COMMON}"
)
DOCS_PATHS = ("/docs",)
HSTS_SECONDS = 63_072_000  # two years, as hstspreload.org asks


def _encoded(pairs: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [(name.lower().encode(), value.encode()) for name, value in pairs.items()]


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, https: bool) -> None:
        self.app = app
        common = {
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin",  # no-referrer would make a form's Origin "null"
            "X-Frame-Options": "DENY",
        }
        if https:
            common["Strict-Transport-Security"] = f"max-age={HSTS_SECONDS}"
        self.https = https
        self.common = _encoded(common)
        self.hsts = _encoded({"Strict-Transport-Security": f"max-age={HSTS_SECONDS}"})
        self.csp = {
            kind: _encoded({"Content-Security-Policy": policy})
            for kind, policy in (("api", API_CSP), ("page", PAGE_CSP), ("docs", DOCS_CSP))
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"].startswith(DOCS_PATHS)
        over_https = not self.https and scope.get("scheme") == "https"

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                kind = "docs" if docs else "api"
                if not docs:
                    for name, value in headers:
                        if name.lower() == b"content-type" and value.startswith(b"text/html"):
                            kind = "page"
                            break
                headers += self.common + self.csp[kind]
                if over_https:
                    headers += self.hsts
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
