from collections.abc import AsyncIterator

import httpx
import pytest

from tests.conftest import Tenant


@pytest.fixture
async def visitor(tenant: Tenant) -> AsyncIterator[httpx.AsyncClient]:
    """A browser on the public pages: no API key, redirects not followed."""
    async with httpx.AsyncClient(
        transport=tenant.client._transport, base_url=str(tenant.client.base_url)
    ) as client:
        yield client
