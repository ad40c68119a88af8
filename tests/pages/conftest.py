import itertools
import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.conftest import Tenant

_addresses = (f"198.51.100.{n % 250 + 1}" for n in itertools.count())  # TEST-NET-2


class Visitor(httpx.AsyncClient):
    """A browser on the public pages: no API key, redirects not followed, its own cookies and
    its own client address (rate limits count per address)."""

    async def form_token(self, path: str) -> str:
        page = await self.get(path)
        found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert found, page.text
        return found.group(1)

    async def submit(self, path: str, data: dict[str, str], **options: Any) -> httpx.Response:
        """Open the form, then post it as a browser does (with its token)."""
        token = await self.form_token(path)
        return await self.post(path, data={**data, "csrf_token": token}, **options)


def visitor_of(tenant: Tenant, address: str | None = None) -> Visitor:
    app = tenant.client._transport.app  # type: ignore[attr-defined]
    transport = httpx.ASGITransport(app=app, client=(address or next(_addresses), 50000))
    return Visitor(transport=transport, base_url=str(tenant.client.base_url))


@pytest.fixture
async def visitor(tenant: Tenant) -> AsyncIterator[Visitor]:
    async with visitor_of(tenant) as client:
        yield client
