"""Text no database stores is refused wherever a client can put it, on every route, before
anything reads it: a NUL character (PostgreSQL refused it with a 500, SQLite stored it) and an
unpaired UTF-16 surrogate (JSON can spell "\\ud800"; no driver can encode it). Nobody means
either, so a path id, a query parameter or any string of a JSON or form body holding one is a
422 naming each such field."""

import json
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar
from urllib.parse import parse_qsl

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from punchcard.kit.errors import Unprocessable

NUL = "\x00"
# How JSON spells the two: the common body holds neither, and costs one scan.
_ESCAPES = re.compile(rb"\\u(?:0000|[dD][89a-fA-F])")
MESSAGE = "must not contain NUL characters (\\u0000) or unpaired surrogates (\\ud800)"
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])


def unstorable(text: str) -> bool:
    """A NUL character, or a surrogate without its pair (not UTF-8 encodable)."""
    if NUL in text:
        return True
    try:
        text.encode()
    except UnicodeEncodeError:
        return True
    return False


def _in_json(value: Any, at: str) -> Iterator[str]:
    """Field paths (``body.a.0.b``) of every string or key of ``value`` that no database can
    store."""
    if isinstance(value, str):
        if unstorable(value):
            yield at
    elif isinstance(value, dict):
        for key, item in value.items():
            if unstorable(key):
                yield at
            yield from _in_json(item, f"{at}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _in_json(item, f"{at}.{index}")


async def _in_body(request: Request) -> list[str]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        body = await request.body()  # cached: the route's own reading gets the same bytes
        pairs = parse_qsl(body.decode("latin-1"), keep_blank_values=True)
        return [f"body.{name}" for name, value in pairs if unstorable(name + value)]
    if not (kind == "application/json" or kind.endswith("+json")):
        return []  # uploads (CSV, images) are checked by what reads them
    body = await request.body()
    if not _ESCAPES.search(body):
        return []
    try:
        parsed = json.loads(body)
    except ValueError:
        return []  # the route answers invalid JSON itself
    return list(_in_json(parsed, "body"))


def _query_names(dependant: Dependant) -> Iterator[str]:
    yield from (param.alias for param in dependant.query_params)
    for sub in dependant.dependencies:
        yield from _query_names(sub)


def checks_text_itself(endpoint: Endpoint) -> Endpoint:
    """Marks a route that reads its body and deals with such text itself: a till's sale notice
    keeps what it can rather than be refused whole for one odd character, and the join form
    shows its own field error."""
    endpoint.checks_text_itself = True  # type: ignore[attr-defined]
    return endpoint


def _reads(route: APIRoute) -> tuple[frozenset[str], bool]:
    """The query parameters the route declares, and whether it reads a body: what it ignores
    cannot hurt it, and the route documents a 422 for what it reads (kit.openapi). Worked out
    once per route, kept on it (routes are not hashable)."""
    reads: tuple[frozenset[str], bool] | None = getattr(route, "_punchcard_reads", None)
    if reads is None:
        documented = "requestBody" in (route.openapi_extra or {}) or not route.include_in_schema
        body = route.body_field is not None or documented  # pages read their forms themselves
        body = body and not getattr(route.endpoint, "checks_text_itself", False)
        reads = (frozenset(_query_names(route.dependant)), body)
        route._punchcard_reads = reads  # type: ignore[attr-defined]
    return reads


async def refuse_unstorable_text(request: Request) -> None:
    """An app-wide check (kit.http.check_input): runs after routing (so path parameters have
    their names) and before the route's own parameters are read."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    query, body = _reads(route)
    fields = [
        f"path.{name}"
        for name, value in request.path_params.items()
        if isinstance(value, str) and unstorable(value)
    ]
    fields += [
        f"query.{name}"
        for name, value in request.query_params.multi_items()
        if name in query and unstorable(value)
    ]
    if body and request.method in BODY_METHODS:
        fields += await _in_body(request)
    refuse(fields)


def refuse(fields: list[str]) -> None:
    """A 422 naming each field (``body.name``) that holds such text, if any does."""
    if fields:
        raise Unprocessable(
            "validation_error",
            f"Invalid {fields[0]}: {MESSAGE}.",
            errors=[
                {"field": field, "message": MESSAGE, "type": "unstorable_text"}
                for field in dict.fromkeys(fields)
            ],
        )
