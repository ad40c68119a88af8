"""A schema-driven fuzzer (schemathesis) over every operation of the OpenAPI document, as the
owner and as a scanner, against a real server on SQLite and on PostgreSQL: whatever a client
sends, the answer is never a 5xx.

Bounded for CI by PUNCHCARD_FUZZ_EXAMPLES (valid and invalid examples per operation and key);
raise it for a long run (README, "Fuzzing the API")."""

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import requests
import schemathesis

from tests.conftest import BACKENDS, fresh_database
from tests.support import fuzz
from tests.support.server import Server, running_server

EXAMPLES = int(os.environ.get("PUNCHCARD_FUZZ_EXAMPLES", "1"))
SCHEMA_TIMEOUT = 120.0  # the document is built on its first request: seconds on a busy machine


@pytest.fixture(scope="module", params=BACKENDS)
def fuzzed_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    directory: Path = tmp_path_factory.mktemp("fuzz")
    with (
        fresh_database(request.param, directory, "fuzz") as url,
        running_server(url, webhook_worker=False) as server,
    ):
        yield server


@pytest.mark.parametrize("role", ["owner", "scanner"])
def test_no_request_gets_a_server_error(fuzzed_server: Server, role: str) -> None:
    owner = {"Authorization": f"Bearer {fuzzed_server.api_key}"}
    with httpx.Client(base_url=fuzzed_server.base_url, headers=owner, timeout=60) as api:
        location_id = api.get("/v1/locations").json()["data"][-1]["id"]
        real_ids, scanner_key = fuzz.seed(api, location_id)
    key = fuzzed_server.api_key if role == "owner" else scanner_key
    schema = schemathesis.openapi.from_url(
        f"{fuzzed_server.base_url}/openapi.json", timeout=SCHEMA_TIMEOUT
    )
    schema.config.base_url = fuzzed_server.base_url
    found: list[str] = []
    with requests.Session() as session:  # kept alive: one connection for the whole run
        for operation in schema.get_all_operations():
            found += fuzz.fuzz_operation(
                operation.ok(),  # type: ignore[union-attr]
                real_ids,
                key,
                EXAMPLES,
                session,
            )
    assert not found, "\n\n".join(found)
