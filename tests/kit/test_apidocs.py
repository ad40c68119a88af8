"""/docs is served whole from the package: every file it references comes from this app."""

import re
from collections.abc import AsyncIterator

import httpx
import pytest

from punchcard.kit.apidocs import ASSETS

REFERENCE = re.compile(r"""(?:src|href)="([^"]+)\"""")


@pytest.fixture
async def stranger(app_transport: httpx.ASGITransport) -> AsyncIterator[httpx.AsyncClient]:
    """A browser with no API key."""
    async with httpx.AsyncClient(transport=app_transport, base_url="http://punchcard.test") as made:
        yield made


async def test_docs_and_every_file_they_reference_come_from_this_app(
    stranger: httpx.AsyncClient,
) -> None:
    page = await stranger.get("/docs")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "http://" not in page.text
    assert "https://" not in page.text
    references = REFERENCE.findall(page.text)
    assert {f"{ASSETS}/swagger-ui-bundle.js", f"{ASSETS}/docs.js"} <= set(references)
    for reference in references:
        assert reference.startswith(f"{ASSETS}/"), reference
        asset = await stranger.get(reference)
        assert asset.status_code == 200, reference
        assert asset.content, reference
        if reference.endswith((".css", "docs.js")):  # ours and the style sheet: no outside URL
            assert not re.search(r"url\(\s*['\"]?https?:", asset.text), reference
        if reference.endswith("docs.js"):
            assert "http" not in asset.text.split("//", 1)[0]
    opened = (await stranger.get(f"{ASSETS}/docs.js")).text
    assert "/openapi.json" not in opened  # the page names the document: one place
    assert 'data-openapi-url="/openapi.json"' in page.text


async def test_docs_csp_allows_this_site_only(stranger: httpx.AsyncClient) -> None:
    policy = (await stranger.get("/docs")).headers["content-security-policy"]
    assert "script-src 'self';" in policy
    assert "connect-src 'self'" in policy
    assert "http" not in policy
    assert "'unsafe-eval'" not in policy
    api_policy = (await stranger.get("/healthz")).headers["content-security-policy"]
    assert "script-src" not in api_policy  # only the docs run scripts


async def test_only_the_docs_files_are_served(stranger: httpx.AsyncClient) -> None:
    for name in ("index.html", "swagger-ui.js.map", "..%2F..%2Fapidocs.py", "oauth2-redirect.html"):
        answer = await stranger.get(f"{ASSETS}/{name}")
        assert answer.status_code == 404, name
        assert answer.headers["content-type"] == "application/problem+json"
    assert (await stranger.get("/redoc")).status_code == 404  # ReDoc would need a CDN
