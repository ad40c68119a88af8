"""Node.js test suites (the Zapier and Make apps, the TypeScript SDK) run against a real
`punchcard serve`, which they reach through PUNCHCARD_BASE_URL and PUNCHCARD_API_KEY (an owner
key), as a developer would run them."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.server import Server

NODE = shutil.which("node")
NPM = shutil.which("npm")
TIMEOUT = 600  # seconds for one Node suite; they take about 10 s

needs_node = pytest.mark.skipif(NODE is None, reason="Node.js is not installed (needs node 20+)")


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
