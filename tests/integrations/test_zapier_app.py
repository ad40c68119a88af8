"""The Zapier integration and the Make app definition, against a real `punchcard serve`.

Runs integrations/zapier's tests (zapier-platform-core's app tester: auth, every action,
searches, instant triggers with a real delivery) and integrations/make's check that the Make
definition only uses what the live OpenAPI document has. Both get the server through
PUNCHCARD_BASE_URL and PUNCHCARD_API_KEY (an owner key), as a developer would run them.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.node import NODE, NPM, needs_node, run_node
from tests.support.server import Server, delivering_sqlite_server

INTEGRATIONS = Path(__file__).resolve().parents[2] / "integrations"
pytestmark = needs_node


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    # The trigger test subscribes a receiver on 127.0.0.1 and waits for a real delivery.
    with delivering_sqlite_server(tmp_path_factory.mktemp("integrations")) as running:
        yield running


def test_zapier_app_works_against_a_real_server(server: Server) -> None:
    zapier = INTEGRATIONS / "zapier"
    if not (zapier / "node_modules" / "zapier-platform-core").is_dir():
        pytest.fail("integrations/zapier/node_modules is missing: run `make install` (npm ci).")
    assert NPM is not None, "npm is missing (it ships with Node.js)"
    run_node([NPM, "test"], zapier, server)


def test_make_app_uses_only_what_the_api_offers(server: Server) -> None:
    assert NODE is not None
    run_node([NODE, "--test", "test/"], INTEGRATIONS / "make", server)
