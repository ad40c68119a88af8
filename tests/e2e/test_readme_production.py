"""The README's production steps, run as written on a fresh PostgreSQL database: settings and a
generated secret key, migrate, a business, `serve --no-worker` and a separate `punchcard
worker`, readiness, a backup; then a webhook is delivered, which only the worker can do."""

import asyncio
import json
import os
import re
import signal
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from tests.e2e.test_readme_tour import README, in_a_clone
from tests.support.databases import drop_postgres, postgres_server_url, recreate
from tests.support.factories import card, coffee_program, ok
from tests.support.receiver import receiving
from tests.support.server import free_port


def production_script(ports: dict[str, int]) -> str:
    text = README.read_text()
    steps = text[text.index("<!-- production:start -->") : text.index("<!-- production:end -->")]
    script = "\n".join(re.findall(r"```bash\n(.*?)```", steps, flags=re.DOTALL))
    for written, free in ports.items():  # free ports: other servers run beside this one
        script = script.replace(written, str(free))
    return script


@pytest.fixture(scope="module")
def empty_database() -> Iterator[str]:
    server = postgres_server_url()
    if server is None:
        pytest.skip("needs PostgreSQL: set PUNCHCARD_TEST_DATABASE_URL")
    name = f"punchcard_test_production_{uuid.uuid4().hex[:8]}"
    recreate(server, name)
    url = make_url(server).set(drivername="postgresql", database=name)
    rendered = url.render_as_string(hide_password=False)
    try:
        yield rendered
    finally:
        drop_postgres(rendered)


@dataclass
class Deployment:
    directory: Path
    port: int
    output: str


@pytest.fixture(scope="module")
def deployment(
    empty_database: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Deployment]:
    """The production steps, run as written; serve and worker keep running until the end."""
    directory = tmp_path_factory.mktemp("production")
    in_a_clone(directory)
    port = free_port()
    ports = {"8000": port, "9100": free_port(), "9101": free_port()}
    env = {
        "PATH": "/usr/bin:/bin",
        "PUNCHCARD_DATABASE_URL": empty_database,
        # The test's receiver is on loopback, which production refuses by default.
        "PUNCHCARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS": "true",
    }
    steps = subprocess.Popen(
        ["bash", "-euo", "pipefail", "-c", production_script(ports)],
        cwd=directory,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # serve and worker stay in its process group: stopped below
    )
    try:
        output, _ = steps.communicate(timeout=300)
        assert steps.returncode == 0, output
        yield Deployment(directory, port, output)
    finally:
        os.killpg(steps.pid, signal.SIGTERM)
        steps.wait(30)


def test_readme_production_steps_run_to_ready_and_back_up(deployment: Deployment) -> None:
    assert '{"status":"ready"}' in deployment.output
    backup = next(deployment.directory.glob("punchcard-*.dump"))
    listed = subprocess.run(
        ["pg_restore", "--list", str(backup)], capture_output=True, text=True, check=True
    )
    assert "TABLE DATA public cards" in listed.stdout


def test_the_logs_are_json_and_the_metrics_are_scraped(deployment: Deployment) -> None:
    assert "punchcard_db_pool_size" in deployment.output
    for log in ("serve.log", "worker.log"):
        lines = (deployment.directory / log).read_text().splitlines()
        assert lines
        assert all(json.loads(line)["level"] for line in lines)


async def test_the_separate_worker_delivers_webhooks(deployment: Deployment) -> None:
    """serve runs with --no-worker: a delivery can only come from `punchcard worker`."""
    made = json.loads(await asyncio.to_thread((deployment.directory / "business.json").read_text))
    headers = {"Authorization": f"Bearer {made['api_key']}"}
    async with (
        receiving() as receiver,
        httpx.AsyncClient(base_url=f"http://127.0.0.1:{deployment.port}", headers=headers) as api,
    ):
        ok(await api.post("/v1/webhooks", json={"url": receiver.url()}), 201)
        issued = await card(api, (await coffee_program(api))["id"])
        [delivery] = await receiver.wait_for(1)
    assert delivery.json["card"]["id"] == issued["id"]
