"""The TypeScript SDK (sdks/typescript) against a real `punchcard serve`: its own tests
(test/sdk.test.ts, node's test runner) cover the same scenarios as the Python SDK's."""

from pathlib import Path

import pytest

from tests.support.node import NPM, needs_node, run_node
from tests.support.server import Server

TYPESCRIPT = Path(__file__).resolve().parents[2] / "sdks" / "typescript"


@needs_node
def test_typescript_sdk_works_against_a_real_server(server: Server) -> None:
    if not (TYPESCRIPT / "node_modules" / "openapi-fetch").is_dir():
        pytest.fail("sdks/typescript/node_modules is missing: run `make install` (npm ci).")
    assert NPM is not None, "npm is missing (it ships with Node.js)"
    run_node([NPM, "test"], TYPESCRIPT, server)
