"""The TypeScript SDK (sdks/typescript) against a real `punchcard serve`: its own tests
(test/sdk.test.ts, node's test runner) cover the same scenarios as the Python SDK's; the
README's first steps run as written (the package imports itself by name)."""

from pathlib import Path

import pytest

from tests.sdks.readme import example
from tests.support.node import NODE, NPM, needs_node, run_node
from tests.support.server import Server

TYPESCRIPT = Path(__file__).resolve().parents[2] / "sdks" / "typescript"

pytestmark = needs_node


@pytest.fixture(scope="module")
def built(server: Server) -> Server:
    """The SDK compiled (`npm run build`: the package and its tests, into dist/)."""
    if not (TYPESCRIPT / "node_modules" / "openapi-fetch").is_dir():
        pytest.fail("sdks/typescript/node_modules is missing: run `make install` (npm ci).")
    assert NPM is not None, "npm is missing (it ships with Node.js)"
    run_node([NPM, "run", "build"], TYPESCRIPT, server)
    return server


def test_typescript_sdk_works_against_a_real_server(built: Server) -> None:
    assert NODE is not None
    run_node([NODE, "--test", "dist/test/"], TYPESCRIPT, built)


def test_the_readmes_first_steps_run_as_written(built: Server) -> None:
    # Plain JavaScript as written (no type annotations), run inside the package: Node resolves
    # `@punchcard/client` to the package itself through its `exports`.
    script = TYPESCRIPT / "dist" / "readme-example.mjs"
    script.write_text(example(TYPESCRIPT / "README.md", "ts"))
    assert NODE is not None
    run_node([NODE, str(script)], TYPESCRIPT, built)
