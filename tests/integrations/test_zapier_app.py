"""The Zapier integration and the Make app definition, against a real `punchcard serve`.

Runs integrations/zapier's tests (zapier-platform-core's app tester: auth, every action,
searches, instant triggers with a real delivery) and integrations/make's check that the Make
definition only uses what the live OpenAPI document has. Both get the server through
PUNCHCARD_BASE_URL and PUNCHCARD_API_KEY (an owner key), as a developer would run them.
"""

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.support.databases import fresh_sqlite
from tests.support.server import Server, running_server

INTEGRATIONS = Path(__file__).resolve().parents[2] / "integrations"
NODE = shutil.which("node")
NPM = shutil.which("npm")
TIMEOUT = 600  # seconds for one Node suite; they take about 10 s

pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed (needs node 20+)")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    directory = tmp_path_factory.mktemp("integrations")
    with ExitStack() as stack:
        with pytest.MonkeyPatch.context() as patch:
            # The trigger test subscribes a receiver on 127.0.0.1 and waits for a real delivery;
            # the SSRF guard refuses loopback targets unless private networks are allowed.
            patch.setenv("PUNCHCARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true")
            patch.setenv("PUNCHCARD_SECRET_KEY_FILE", str(directory / "secret-key"))
            running = stack.enter_context(running_server(fresh_sqlite(directory)))
        yield running


def run_node(command: list[str], directory: Path, server: Server) -> None:
    env = {
        **os.environ,
        "PUNCHCARD_BASE_URL": server.base_url,
        "PUNCHCARD_API_KEY": server.api_key,
        "CI": "true",
    }
    done = subprocess.run(
        command,
        cwd=directory,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, (
        f"`{' '.join(command)}` failed in {directory}:\n{done.stdout}\n{done.stderr}\n"
        f"--- server output ---\n{server.log.text()}"
    )


def test_zapier_app_works_against_a_real_server(server: Server) -> None:
    zapier = INTEGRATIONS / "zapier"
    if not (zapier / "node_modules" / "zapier-platform-core").is_dir():
        pytest.fail("integrations/zapier/node_modules is missing: run `make install` (npm ci).")
    assert NPM is not None, "npm is missing (it ships with Node.js)"
    run_node([NPM, "test"], zapier, server)


def test_make_app_uses_only_what_the_api_offers(server: Server) -> None:
    assert NODE is not None
    run_node([NODE, "--test", "test/"], INTEGRATIONS / "make", server)
