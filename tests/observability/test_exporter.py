"""GET /metrics on its own listener, scraped over HTTP after real requests: requests counted
by route template and status (never by path), a bearer token when one is set."""

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from punchcard.app import create_app
from punchcard.config import Settings
from punchcard.observability.exporter import Exporter
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, stamp
from tests.support.server import free_port

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]
TOKEN = "scrape-me-0b7c"


@dataclass
class Metered:
    """A server process with metrics on: its API (the tenant's key) and its /metrics."""

    api: httpx.AsyncClient
    metrics_url: str


@pytest.fixture(scope="module")
def listener(database_url: str) -> Iterator[Settings]:
    settings = Settings(
        database_url=database_url, run_worker=False, metrics_port=free_port(), metrics_token=TOKEN
    )
    exporter = Exporter(settings)
    yield settings
    exporter.stop()


@pytest.fixture
async def metered(tenant: Tenant, listener: Settings) -> AsyncIterator[Metered]:
    app = create_app(listener)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://127.0.0.1:8000",
            headers={"Authorization": f"Bearer {tenant.api_key}"},
        ) as api,
    ):
        yield Metered(api, f"http://127.0.0.1:{listener.metrics_port}/metrics")


async def scrape(url: str, token: str = TOKEN) -> tuple[Samples, str]:
    async with httpx.AsyncClient() as client:
        answer = await client.get(url, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200, answer.text
    samples = {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }
    return samples, answer.text


def requests(method: str, route: str, status: int) -> tuple[str, frozenset[tuple[str, str]]]:
    labels = {"method": method, "route": route, "status": str(status)}
    return ("punchcard_http_requests_total", frozenset(labels.items()))


def timed(method: str, route: str) -> tuple[str, frozenset[tuple[str, str]]]:
    labels = {"method": method, "route": route}
    return ("punchcard_http_request_duration_seconds_count", frozenset(labels.items()))


async def test_requests_are_counted_and_timed_by_route_template_and_status(
    metered: Metered,
) -> None:
    issued = await card(metered.api, (await coffee_program(metered.api))["id"])
    before, _ = await scrape(metered.metrics_url)
    for _ in range(3):
        await stamp(metered.api, issued["id"])
    await metered.api.get("/v1/cards/card_nope")
    after, _ = await scrape(metered.metrics_url)

    def more(key: tuple[str, frozenset[tuple[str, str]]]) -> float:
        return after.get(key, 0.0) - before.get(key, 0.0)

    assert more(requests("POST", "/v1/cards/{card_ref}/stamps", 201)) == 3
    assert more(requests("GET", "/v1/cards/{card_ref}", 404)) == 1
    assert more(timed("POST", "/v1/cards/{card_ref}/stamps")) == 3


async def test_no_token_or_id_from_a_path_becomes_a_label(metered: Metered, tenant: Tenant) -> None:
    issued = await card(metered.api, (await coffee_program(metered.api))["id"])
    await metered.api.get(f"/c/{tenant.business_id}/{issued['id']}/WEB-CARD-TOKEN-1")
    await metered.api.get("/no/such/path/PROBE-2")
    await metered.api.request("BREW", "/healthz")

    samples, text = await scrape(metered.metrics_url)

    for secret in ("WEB-CARD-TOKEN-1", "PROBE-2", issued["id"], "BREW"):
        assert secret not in text
    assert samples[requests("GET", "/c/{business_id}/{card_id}/{token}", 404)] >= 1
    assert samples[requests("GET", "unmatched", 404)] >= 1
    assert samples[requests("OTHER", "/healthz", 405)] >= 1


async def test_scrapes_need_the_bearer_token_when_one_is_set(metered: Metered) -> None:
    async with httpx.AsyncClient() as client:
        anonymous = await client.get(metered.metrics_url)
        wrong = await client.get(metered.metrics_url, headers={"Authorization": "Bearer nope"})
    assert (anonymous.status_code, wrong.status_code) == (401, 401)
    assert anonymous.headers["www-authenticate"].startswith("Bearer")
    assert "punchcard_" not in anonymous.text


async def test_the_listener_serves_metrics_only(metered: Metered) -> None:
    other = metered.metrics_url.replace("/metrics", "/v1/events")
    async with httpx.AsyncClient() as client:
        answer = await client.get(other, headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 404


async def test_a_scrape_has_the_database_gauges_and_the_process(metered: Metered) -> None:
    samples, _ = await scrape(metered.metrics_url)
    assert samples[("punchcard_database_metrics_up", frozenset())] == 1
    assert ("punchcard_outbox_events_undispatched", frozenset()) in samples
    assert ("process_resident_memory_bytes", frozenset()) in samples


async def test_the_api_port_serves_no_metrics(metered: Metered) -> None:
    answer = await metered.api.get("/metrics")
    assert answer.status_code == 404
    ok(await metered.api.get("/healthz"))
