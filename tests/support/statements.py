"""The SQL an engine runs meanwhile, for tests of what a use case asks the database."""

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import Tenant


@contextmanager
def statements(engine: AsyncEngine, ignoring: str | None = None) -> Iterator[list[str]]:
    """Every statement's text, but those containing ``ignoring``."""
    seen: list[str] = []

    def record(*args: Any) -> None:
        if ignoring is None or ignoring not in args[2]:
            seen.append(args[2])

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


def server_statements(tenant: Tenant) -> AbstractContextManager[list[str]]:
    """The SQL the test server runs meanwhile (one request at a time), but the expiry
    sweep's, which runs on its own schedule."""
    engine = tenant.client._transport.app.state.db.engine  # type: ignore[attr-defined]
    return statements(engine, ignoring="expires_at <=")
