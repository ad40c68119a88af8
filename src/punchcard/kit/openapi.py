"""The OpenAPI document tells the truth about errors.

Every answer that is not a success is RFC 9457 problem+json (kit/errors.py, kit/http.py); the
document says so with one ``Problem`` schema and lists, for each operation, every status it
can answer. The common ones are derived from the route itself, so a new route is documented
the day it is written:

- a dependency declares what it refuses (``@refuses``): the API key (401, 403), the request's
  transaction (503: the database is unreachable), the code-lookup guard (429);
- a path parameter that names something (not one of a fixed set) may name nothing: 404 (and
  any path parameter's value may match no route);
- any parameter or body may be invalid (422); a body may be too large (413), of a type the
  operation does not read (415) or, as JSON, not parse (400).

What only one route refuses (a 409 conflict, say) it declares with ``problems(409, ...)``.
FastAPI's ``HTTPValidationError``, which this server never sends, is left out.
"""

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts

PROBLEM_JSON = "application/problem+json"
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
PROBLEM_CONTENT = {PROBLEM_JSON: {"schema": PROBLEM_REF}}
FASTAPI_VALIDATION = ("HTTPValidationError", "ValidationError")

Responses = dict[int | str, dict[str, Any]]
Refusals = dict[int, tuple[str, ...]]  # status -> the problem codes a dependency may answer
Call = TypeVar("Call", bound=Callable[..., Any])

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "Problem",
    "description": "An RFC 9457 problem: `code` is stable (README, Errors), `detail` is for "
    "people. Some problems add members of their own (`retry_after`, `max_bytes`, ...).",
    "required": ["type", "title", "status", "code", "detail"],
    "properties": {
        "type": {"type": "string", "description": "A URI naming the kind of problem."},
        "title": {"type": "string", "description": "The status in words."},
        "status": {"type": "integer", "description": "The HTTP status, repeated."},
        "code": {"type": "string", "description": "Stable, for programs: e.g. card_not_found."},
        "detail": {"type": "string", "description": "What went wrong, for people."},
        "errors": {
            "type": "array",
            "description": "The fields at fault (validation problems).",
            "items": {
                "type": "object",
                "required": ["field", "message"],
                "properties": {
                    "field": {"type": "string", "description": "e.g. body.name, query.limit"},
                    "message": {"type": "string"},
                },
            },
        },
    },
}

TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    409: "Conflict",
    413: "Content too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
    429: "Too many requests",
    502: "Bad gateway",
    503: "Service unavailable",
}
RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "integer"},
    }
}
HEADERS = {401: {"WWW-Authenticate": {"description": "`Bearer`", "schema": {"type": "string"}}}}
HEADERS |= {429: RETRY_AFTER, 503: RETRY_AFTER}

# What any operation with parameters or a body may answer, whatever its dependencies.
BODY_REFUSALS: Refusals = {
    400: ("invalid_json",),
    413: ("content_too_large",),
    415: ("unsupported_media_type",),
}
INPUT_REFUSALS: Refusals = {422: ("validation_error",)}
PATH_REFUSALS: Refusals = {404: ("<kind>_not_found",)}  # card_not_found, voucher_not_found...
# A path whose parameters are all from a fixed set still misses when a value matches no route
# (an unknown value with a slash in it, say).
ROUTE_REFUSALS: Refusals = {404: ("route_not_found",)}
EXPLAINED = {
    "invalid_json": "the body is not valid JSON",
    "validation_error": "`errors[]` names each field at fault",
    "<kind>_not_found": "a path id names nothing in this business",
    "route_not_found": "a path value matches no route",
}

_declared: dict[Callable[..., Any], Refusals] = {}


def refuses(refusals: Refusals) -> Callable[[Call], Call]:
    """Marks a dependency: every operation that depends on it documents these problems."""

    def mark(call: Call) -> Call:
        _declared[call] = refusals
        return call

    return mark


def _codes_text(codes: tuple[str, ...]) -> str:
    named = [f"`{code}`" + (f" ({EXPLAINED[code]})" if code in EXPLAINED else "") for code in codes]
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} or {named[-1]}"


def problems(status: int, *codes: str, why: str = "") -> Responses:
    """An operation's own refusal, for ``responses=``: ``problems(409, "template_in_use")``.
    Combine several with ``{**problems(404, ...), **problems(409, ...)}``."""
    text = f"{TITLES.get(status, 'Error')}: {_codes_text(codes)}" if codes else TITLES[status]
    return {status: {"description": f"{text}. {why}".strip(), "content": PROBLEM_CONTENT}}


def _dependencies(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for sub in dependant.dependencies:
        if sub.call is not None:
            yield sub.call
        yield from _dependencies(sub)


def _implied(route: RouteContext, operation: dict[str, Any]) -> Refusals:
    """What the route's shape and dependencies say it may refuse."""
    implied: dict[int, list[str]] = {}

    def add(refusals: Refusals) -> None:
        for status, codes in refusals.items():
            known = implied.setdefault(status, [])
            known.extend(code for code in codes if code not in known)

    for call in _dependencies(route.dependant):
        add(_declared.get(call, {}))
    parameters = operation.get("parameters", [])
    if any(_names_something(parameter) for parameter in parameters):
        add(PATH_REFUSALS)
    elif any(parameter.get("in") == "path" for parameter in parameters):
        add(ROUTE_REFUSALS)
    if "requestBody" in operation:
        add(BODY_REFUSALS)
    if parameters or "requestBody" in operation:
        add(INPUT_REFUSALS)
    return {status: tuple(codes) for status, codes in implied.items()}


def _names_something(parameter: dict[str, Any]) -> bool:
    """A path parameter that is an id, not one of a fixed set of values (enums, Literals)."""
    schema = parameter.get("schema", {})
    fixed = "enum" in schema or "const" in schema or "$ref" in schema
    return parameter.get("in") == "path" and not fixed


def _response(given: dict[str, Any] | None, status: int, codes: tuple[str, ...]) -> dict[str, Any]:
    """A problem response: the route's own description first, then the derived codes."""
    description = (given or {}).get("description", "")
    if description == "Validation Error":  # FastAPI's default, about a body it never sends
        description = ""
    missing = tuple(code for code in codes if code not in description)
    if not description:
        title = TITLES.get(status, "Error")
        description = f"{title}: {_codes_text(missing)}." if missing else f"{title}."
    elif missing:
        description = f"{description.rstrip('.')}; also {_codes_text(missing)}."
    response: dict[str, Any] = {"description": description, "content": PROBLEM_CONTENT}
    if status in HEADERS:
        response["headers"] = HEADERS[status]
    return response


def _document(route: RouteContext, operation: dict[str, Any]) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    implied = _implied(route, operation)
    for status_text in list(responses):
        if status_text.isdigit() and int(status_text) >= 400 and int(status_text) not in implied:
            implied[int(status_text)] = ()
    for status, codes in implied.items():
        responses[str(status)] = _response(responses.get(str(status)), status, codes)
    operation["responses"] = dict(sorted(responses.items()))


def _without_fastapi_validation(operation: dict[str, Any]) -> None:
    """Documentation-only operations (the webhooks section) answer nothing of ours."""
    responses = operation.get("responses", {})
    for status in [s for s, r in responses.items() if "HTTPValidationError" in str(r)]:
        del responses[status]


def document(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI document, built once, with every problem an operation can answer."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    doc = get_openapi(
        title=app.title,
        version=app.version,
        openapi_version=app.openapi_version,
        description=app.description,
        routes=app.routes,
        webhooks=app.webhooks.routes,
        tags=app.openapi_tags,
        servers=app.servers,
    )
    for route in iter_route_contexts(app.routes):  # included routers' routes as mounted
        if isinstance(route.original_route, APIRoute) and route.include_in_schema:
            for method in route.methods or ():
                operation = doc["paths"].get(route.path_format, {}).get(method.lower())
                if operation is not None:
                    _document(route, operation)
    for operations in doc.get("webhooks", {}).values():
        for operation in operations.values():
            _without_fastapi_validation(operation)
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for name in FASTAPI_VALIDATION:
        schemas.pop(name, None)
    schemas["Problem"] = PROBLEM_SCHEMA
    doc["components"]["schemas"] = dict(sorted(schemas.items()))
    app.openapi_schema = doc
    return doc


def install(app: FastAPI) -> None:
    app.openapi = lambda: document(app)  # type: ignore[method-assign]
