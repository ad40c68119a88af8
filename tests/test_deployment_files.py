"""The Dockerfile and compose.yaml cannot be built or started here (no container engine), so
they are checked against what is run and tested: the Makefile's uv and install command, the
README's production commands, real settings, and real health routes. (hadolint lints the
Dockerfile in `make lint`.)"""

import re
from pathlib import Path
from typing import Any

import yaml

from punchcard.app import create_app
from punchcard.config import Settings

ROOT = Path(__file__).parents[1]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
COMPOSE: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text())
README = (ROOT / "README.md").read_text()
SERVICES: dict[str, Any] = COMPOSE["services"]


def test_the_image_installs_with_the_makefiles_uv_and_lock_file() -> None:
    makefile = (ROOT / "Makefile").read_text()
    uv_version = re.search(r"^UV_VERSION := (\S+)$", makefile, re.MULTILINE)
    assert uv_version is not None
    assert f"ghcr.io/astral-sh/uv:{uv_version[1]} " in DOCKERFILE
    assert "sync --frozen" in makefile
    assert DOCKERFILE.count("uv sync --frozen --no-dev") == 2  # dependencies, then the project
    assert "COPY pyproject.toml uv.lock ./" in DOCKERFILE


def test_the_image_runs_as_a_user_without_privileges() -> None:
    users = re.findall(r"^USER (\S+)$", DOCKERFILE, re.MULTILINE)
    assert users
    assert users[-1].split(":")[0] not in {"0", "root"}


def test_health_checks_ask_routes_the_app_serves() -> None:
    paths = create_app().openapi()["paths"]
    checked = re.findall(r"http://127\.0\.0\.1:8000(/\w+)", DOCKERFILE + str(SERVICES["api"]))
    assert set(checked) == {"/healthz", "/readyz"}
    assert set(checked) <= set(paths)


def test_compose_settings_are_real_settings() -> None:
    fields = {f"PUNCHCARD_{name.upper()}" for name in Settings.model_fields}
    environment = set(COMPOSE["x-punchcard"]["environment"])
    assert environment <= fields
    assert {"PUNCHCARD_DATABASE_URL", "PUNCHCARD_SECRET_KEY", "PUNCHCARD_PUBLIC_URL"} <= environment
    required = set(re.findall(r"\$\{(\w+):\?", (ROOT / "compose.yaml").read_text()))
    example = set(re.findall(r"^(\w+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert required == example  # .env.example names every value compose asks for


def test_migrations_run_once_before_the_api_and_the_worker_start() -> None:
    assert SERVICES["migrate"]["command"] == ["punchcard", "migrate"]
    assert SERVICES["migrate"]["depends_on"] == {"db": {"condition": "service_healthy"}}
    assert SERVICES["migrate"]["restart"] == "no"
    for name in ("api", "worker"):
        depends = {**COMPOSE["x-punchcard"]["depends_on"], **SERVICES[name].get("depends_on", {})}
        assert depends == {"migrate": {"condition": "service_completed_successfully"}}
    assert "healthcheck" in SERVICES["db"]


def test_compose_runs_the_readmes_production_commands() -> None:
    assert SERVICES["worker"]["command"] == ["punchcard", "worker"]
    api = SERVICES["api"]["command"]
    assert api[:2] == ["punchcard", "serve"]
    assert "--no-worker" in api
    cmd = re.search(r"^CMD \[(.*)\]$", DOCKERFILE, re.MULTILINE)
    assert cmd is not None
    assert '"serve"' in cmd[1]
    assert '"--no-worker"' in cmd[1]
    for command in ("punchcard migrate", "punchcard worker", "--no-worker", "docker compose up"):
        assert command in README


def test_containers_get_longer_to_stop_than_the_grace_period() -> None:
    grace = float(COMPOSE["x-punchcard"]["environment"]["PUNCHCARD_SHUTDOWN_GRACE_SECONDS"])
    assert grace == Settings().shutdown_grace_seconds
    assert float(COMPOSE["x-punchcard"]["stop_grace_period"].removesuffix("s")) > grace
