"""The pure ASGI layers in front of every route: body limits, security headers, allowed
hosts, relative redirects and the access log."""

import logging
from collections.abc import AsyncIterator

import httpx
import pytest

from punchcard.app import create_app
from punchcard.config import Settings
from punchcard.kit.accesslog import printable, redact
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program

MIB = 1_048_576


class Chunks:
    """A streamed (chunked) body that counts how much of it was read."""

    def __init__(self, total: int, chunk: int = 65_536) -> None:
        self.total, self.chunk, self.sent = total, chunk, 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.sent < self.total:
            self.sent += self.chunk
            yield b"x" * self.chunk


@pytest.fixture
async def stranger(tenant: Tenant) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=tenant.client._transport, base_url=str(tenant.client.base_url)
    ) as client:
        yield client


@pytest.mark.parametrize(
    ("path", "limit"),
    [
        ("/passkit/v1/log", 65_536),
        ("/v1/pos/pos_unknown/webhook", 262_144),
        ("/v1/pos/pos_unknown/redeem", 4096),
        ("/wallet/google/callbacks", 16_384),
        ("/join/biz_x/prg_y", 4096),
        ("/v1/cards", MIB),
    ],
)
async def test_a_declared_body_over_the_limit_is_refused_before_it_is_read(
    stranger: httpx.AsyncClient, path: str, limit: int
) -> None:
    answer = await stranger.post(path, content=b"x" * (limit + 1))
    assert answer.status_code == 413
    assert answer.headers["content-type"] == "application/problem+json"
    assert (answer.json()["code"], answer.json()["max_bytes"]) == ("content_too_large", limit)


@pytest.mark.parametrize(
    "path", ["/passkit/v1/log", "/v1/pos/pos_unknown/webhook", "/wallet/google/callbacks"]
)
async def test_a_streamed_body_is_cut_off_at_the_limit(
    stranger: httpx.AsyncClient, path: str
) -> None:
    body = Chunks(400 * MIB)  # the attack: 400 MB sent chunked, no Content-Length
    answer = await stranger.post(path, content=body)
    assert answer.status_code == 413
    assert body.sent <= 262_144 + 2 * body.chunk  # read up to the limit, not the 400 MB


async def test_a_body_within_the_limit_passes(tenant: Tenant) -> None:
    program = await coffee_program(tenant.client)
    assert (await card(tenant.client, program["id"]))["id"].startswith("card_")


async def test_api_and_pages_carry_security_headers(
    tenant: Tenant, stranger: httpx.AsyncClient
) -> None:
    program = await coffee_program(tenant.client)
    api = await tenant.client.get(f"/v1/programs/{program['id']}")
    page = await stranger.get(f"/join/{tenant.business_id}/{program['id']}")
    docs = await stranger.get("/docs")
    for answer in (api, page, docs):
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "same-origin"
        assert answer.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
        assert "strict-transport-security" not in answer.headers  # served over http here
    assert api.headers["content-security-policy"].startswith("default-src 'none'; form-action")
    assert "form-action 'self'" in page.headers["content-security-policy"]
    assert "script-src" not in page.headers["content-security-policy"]
    assert "script-src 'self';" in docs.headers["content-security-policy"]
    assert "https:" not in docs.headers["content-security-policy"]


async def test_hsts_is_sent_over_https(tenant: Tenant) -> None:
    async with httpx.AsyncClient(
        transport=tenant.client._transport, base_url="https://punchcard.test"
    ) as client:
        answer = await client.get("/healthz")
    assert answer.headers["strict-transport-security"] == "max-age=63072000"


async def test_other_hosts_are_refused(stranger: httpx.AsyncClient) -> None:
    for host in ("evil.example", "punchcard.test.evil.example", "[::2]:80"):
        answer = await stranger.get("/healthz", headers={"Host": host})
        assert answer.status_code == 400, host
        assert answer.json()["code"] == "host_not_allowed"
    for host in ("punchcard.test", "PUNCHCARD.test:8443", "127.0.0.1:8000", "[::1]:8000"):
        assert (await stranger.get("/healthz", headers={"Host": host})).status_code == 200, host


async def test_trailing_slash_redirect_is_relative(tenant: Tenant) -> None:
    answer = await tenant.client.get("/v1/programs/?limit=1", headers={"Host": "punchcard.test"})
    assert answer.status_code == 307
    assert answer.headers["location"] == "/v1/programs?limit=1"
    assert (await tenant.client.get("/v1/nothing-here/")).status_code == 404


async def test_methods_still_answer_405_not_a_redirect(tenant: Tenant) -> None:
    answer = await tenant.client.delete("/v1/programs")
    assert answer.status_code == 405


def test_the_access_log_redacts_web_card_tokens() -> None:
    path = "/c/biz_1/card_2/Zm9vYmFyYmF6/pass.pkpass"
    assert redact(path) == "/c/biz_1/card_2/[redacted]/pass.pkpass"
    assert redact("/c/biz_1/card_2/Zm9vYmFyYmF6") == "/c/biz_1/card_2/[redacted]"
    assert redact("/v1/cards", "token=abc&limit=5") == "/v1/cards?token=[redacted]&limit=5"
    assert (
        redact("/join/biz_1/prg_2\n127.0.0.1 - forged") == "/join/biz_1/prg_2\\n127.0.0.1 - forged"
    )
    assert printable("a\x1b[31mred") == "a\\x1b[31mred"


async def test_access_log_lines_carry_no_token(
    tenant: Tenant, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    app = create_app(Settings(database_url=database_url, run_worker=False, access_log=True))
    token = "SECRET-TOKEN-VALUE"
    with caplog.at_level(logging.INFO, logger="punchcard.access"):
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1:8000"
            ) as client,
        ):
            await client.get(f"/c/{tenant.business_id}/{issued['id']}/{token}")
    [line] = [r.getMessage() for r in caplog.records if r.name == "punchcard.access"]
    assert token not in line
    assert f'"GET /c/{tenant.business_id}/{issued["id"]}/[redacted] HTTP/1.1" 404' in line
