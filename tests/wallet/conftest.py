from collections.abc import AsyncIterator

import httpx
import pytest

from punchcard.db.engine import Database
from tests.conftest import Tenant, onboarded


@pytest.fixture
async def stranger(db: Database, app_transport: httpx.ASGITransport) -> AsyncIterator[Tenant]:
    """Another business on the same server."""
    async with onboarded(db, app_transport, "Other Bakery", "Elm Road") as made:
        yield made
