"""The CLI bootstraps businesses for scripts; the API documents itself."""

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
import uvicorn
from typer.testing import CliRunner

from punchcard import cli
from punchcard.config import get_settings
from tests.support.factories import ok

PUNCHCARD = str(Path(sys.executable).with_name("punchcard"))


def test_business_create_prints_a_working_owner_key(tmp_path: Path) -> None:
    env = {**os.environ, "PUNCHCARD_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}
    subprocess.run([PUNCHCARD, "migrate"], env=env, check=True, capture_output=True)
    out = subprocess.run(
        [PUNCHCARD, "business", "create", "--name", "Kiosk Co", "--location", "Station", "--json"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    made = json.loads(out)
    assert set(made) == {
        "business_id",
        "location_id",
        "staff_id",
        "api_key",
        "sign_in_url",
        "password_url",
    }
    assert made["api_key"].startswith("pc_sk_")
    assert made["business_id"].startswith("biz_")
    assert made["location_id"].startswith("loc_")


async def test_openapi_and_docs_are_served(api: httpx.AsyncClient) -> None:
    spec = ok(await api.get("/openapi.json"))
    assert spec["openapi"].startswith("3.1")
    assert "/v1/cards/{card_ref}/stamps" in spec["paths"]
    assert (await api.get("/docs")).status_code == 200


def test_serve_no_worker_reaches_a_single_server_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With one process the app is built in the CLI's own process, after settings were cached."""
    monkeypatch.setenv("PUNCHCARD_DATABASE_URL", f"sqlite:///{tmp_path / 'serve.db'}")
    monkeypatch.setenv("PUNCHCARD_RUN_WORKER", "true")  # restored after the test, as serve sets it
    get_settings.cache_clear()
    seen: list[bool] = []
    monkeypatch.setattr(
        uvicorn, "run", lambda *args, **kwargs: seen.append(get_settings().run_worker)
    )
    try:
        CliRunner().invoke(cli.app, ["serve", "--no-worker"], catch_exceptions=False)
        CliRunner().invoke(cli.app, ["serve"], catch_exceptions=False)
    finally:
        get_settings.cache_clear()
    assert seen == [False, True]


def test_serve_hands_out_links_to_where_it_listens_unless_a_public_url_is_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PUNCHCARD_DATABASE_URL", f"sqlite:///{tmp_path / 'serve.db'}")
    monkeypatch.setenv("PUNCHCARD_RUN_WORKER", "true")
    # serve sets it: setenv first so that the variable is restored (or removed) afterwards.
    monkeypatch.setenv("PUNCHCARD_PUBLIC_URL", "")
    monkeypatch.delenv("PUNCHCARD_PUBLIC_URL")
    seen: list[str] = []
    monkeypatch.setattr(
        uvicorn, "run", lambda *args, **kwargs: seen.append(get_settings().public_url)
    )
    get_settings.cache_clear()
    try:
        CliRunner().invoke(cli.app, ["serve", "--port", "8765"], catch_exceptions=False)
        monkeypatch.setenv("PUNCHCARD_PUBLIC_URL", "https://loyalty.example.com")
        get_settings.cache_clear()
        CliRunner().invoke(cli.app, ["serve", "--port", "8765"], catch_exceptions=False)
    finally:
        get_settings.cache_clear()
    assert seen == ["http://127.0.0.1:8765", "https://loyalty.example.com"]
