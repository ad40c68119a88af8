"""A JSON body sent as something else is a 415 that says what to send: FastAPI would read a
text/plain or form body as no JSON at all and answer a 422 about missing fields."""

from fastapi import Request
from fastapi.params import File, Form
from fastapi.routing import APIRoute

from punchcard.kit.errors import UnsupportedMediaType

BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _json(kind: str) -> bool:
    return kind == "application/json" or (
        kind.startswith("application/") and kind.endswith("+json")
    )


def _takes_json(route: object) -> bool:
    """The route reads a JSON body (not a form, nor an upload it reads itself)."""
    if not isinstance(route, APIRoute) or route.body_field is None:
        return False
    return not isinstance(route.body_field.field_info, Form | File)


async def require_json_bodies(request: Request) -> None:
    """An app-wide check (kit.http.check_input): a body that is not declared JSON is refused
    before it is parsed (an empty body is no body: routes whose body is optional take it)."""
    if request.method not in BODY_METHODS or not _takes_json(request.scope.get("route")):
        return
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    headers = request.headers
    no_body = headers.get("content-length", "0") == "0" and "transfer-encoding" not in headers
    if _json(kind) or (not kind and no_body):
        return
    raise UnsupportedMediaType(
        "unsupported_media_type",
        "This route reads JSON: send the body with Content-Type: application/json"
        + (f", not '{kind[:100]}'." if kind else "."),
    )
