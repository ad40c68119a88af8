"""The request being served: its id and, once authenticated, who acts in it.

The access log (kit.accesslog) opens a context per request; the events the request writes
carry its id (``request_id`` in their payload), and the webhook attempts that deliver them
record it, so a request can be followed to its deliveries. Code outside a request (workers,
the CLI) has no context, and its events no request id.
"""

import itertools
import os
import re
from contextvars import ContextVar, Token
from dataclasses import dataclass

HEADER = b"x-request-id"
# What an incoming X-Request-Id may be (UUIDs, ULIDs, a proxy's ids); anything else is
# replaced: the id goes into logs, events and webhook bodies, so it never carries spaces,
# quotes or control characters, nor more than this many characters.
MAX_LENGTH = 100
_ACCEPTED = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._:-]{{0,{MAX_LENGTH - 1}}}")


@dataclass(slots=True)
class RequestContext:
    request_id: str
    business_id: str | None = None
    staff_id: str | None = None
    api_key_id: str | None = None


_current: ContextVar[RequestContext | None] = ContextVar("punchcard_request", default=None)


def _new_process_prefix() -> None:
    # Ids are a random per-process prefix and a counter: unique enough to trace by, and far
    # cheaper per request than a ULID. A forked child draws its own prefix.
    global _prefix, _counter
    _prefix, _counter = f"req_{os.urandom(6).hex()}", itertools.count(1)


_prefix, _counter = "", itertools.count(1)
_new_process_prefix()
os.register_at_fork(after_in_child=_new_process_prefix)


def new_request_id() -> str:
    return f"{_prefix}{next(_counter):010x}"


def request_id_from(headers: list[tuple[bytes, bytes]]) -> str:
    """The client's X-Request-Id when it is acceptable, else a new one (``req_...``)."""
    for name, value in headers:
        if name == HEADER:
            given = value.decode("latin-1")
            if _ACCEPTED.fullmatch(given):
                return given
            break
    return new_request_id()


def current() -> RequestContext | None:
    return _current.get()


def current_request_id() -> str | None:
    context = _current.get()
    return context.request_id if context else None


def identify(business_id: str, staff_id: str | None, api_key_id: str | None) -> None:
    """Note who acts in the request being served (its log line names them)."""
    context = _current.get()
    if context is not None:
        context.business_id, context.staff_id, context.api_key_id = (
            business_id,
            staff_id,
            api_key_id,
        )


def enter(context: RequestContext) -> Token[RequestContext | None]:
    """Make ``context`` current; returns the token for ``leave``."""
    return _current.set(context)


def leave(token: Token[RequestContext | None]) -> None:
    _current.reset(token)
