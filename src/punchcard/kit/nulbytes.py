"""NUL characters are refused wherever a client can put them, on every route, before anything
reads them: PostgreSQL cannot store one (the insert failed with a 500) and SQLite stored it.
Nobody means one, so a path id, a query parameter or any string of a JSON or form body holding
one is a 422 naming each such field."""

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

from fastapi import Request

from punchcard.kit.errors import Unprocessable

NUL = "\x00"
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _in_json(value: Any, at: str) -> Iterator[str]:
    """Field paths (``body.a.0.b``) of every string or key of ``value`` that holds a NUL."""
    if isinstance(value, str):
        if NUL in value:
            yield at
    elif isinstance(value, dict):
        for key, item in value.items():
            if NUL in key:
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
        return [f"body.{name}" for name, value in pairs if NUL in name or NUL in value]
    if not (kind == "application/json" or kind.endswith("+json")):
        return []  # uploads (CSV, images) are checked by what reads them
    body = await request.body()
    if b"\\u0000" not in body:  # the only way JSON spells a NUL: the common case costs a scan
        return []
    try:
        parsed = json.loads(body)
    except ValueError:
        return []  # the route answers invalid JSON itself
    return list(_in_json(parsed, "body"))


async def refuse_nul_bytes(request: Request) -> None:
    """An app-wide dependency: runs after routing (so path parameters have their names) and
    before the route's own parameters are read."""
    fields = [
        f"path.{name}"
        for name, value in request.path_params.items()
        if isinstance(value, str) and NUL in value
    ]
    fields += [
        f"query.{name}"
        for name, value in request.query_params.multi_items()
        if NUL in name or NUL in value
    ]
    if request.method in BODY_METHODS:
        fields += await _in_body(request)
    if fields:
        raise Unprocessable(
            "validation_error",
            f"Invalid {fields[0]}: must not contain NUL characters (\\u0000).",
            errors=[
                {"field": field, "message": "must not contain NUL characters", "type": "nul"}
                for field in dict.fromkeys(fields)
            ],
        )
