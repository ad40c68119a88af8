"""The CLI for operators and newcomers: version, help, secret keys, a development Apple chain,
configuration mistakes told in one line, and a demo that keeps its key."""

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.fernet import Fernet

from punchcard import __version__
from punchcard.config import Settings
from punchcard.wallet.warnings import wallet_url_warning
from tests.support.server import START_TIMEOUT, STOP_TIMEOUT, ServerLog, free_port

PUNCHCARD = str(Path(sys.executable).with_name("punchcard"))


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PUNCHCARD, *args],
        env={**os.environ, **(env or {})},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_version_is_printed() -> None:
    done = run("--version")
    assert (done.returncode, done.stdout) == (0, f"punchcard {__version__}\n")


def test_help_names_the_database_setting_and_shows_no_type_labels() -> None:
    top = run("--help").stdout
    assert "PUNCHCARD_DATABASE_URL" in top
    serve = run("serve", "--help").stdout
    assert "--worker / --no-worker" in serve
    assert "<bool>" not in top + serve


def test_secret_key_prints_a_key_the_server_accepts() -> None:
    done = run("secret-key")
    key = done.stdout.strip()
    Fernet(key.encode())  # raises if it is not a Fernet key
    assert Settings(secret_key=key).secret_key == key


@pytest.mark.parametrize(
    ("environment", "says"),
    [
        (
            {"PUNCHCARD_DATABASE_URL": "mysql://db/punchcard"},
            "PUNCHCARD_DATABASE_URL is not a database URL",
        ),
        (
            {"PUNCHCARD_DATABASE_URL": "postgresql://postgres@127.0.0.1:1/x"},
            "cannot reach the database at",
        ),
        ({"PUNCHCARD_SECRET_KEY": "not-a-key"}, "PUNCHCARD_SECRET_KEY: must be 32 url-safe"),
        ({"PUNCHCARD_DB_POOL_SIZE": "many"}, "PUNCHCARD_DB_POOL_SIZE: "),
        ({"PUNCHCARD_RETAIN_EVENTS_DAYS": "7"}, "PUNCHCARD_RETAIN_EVENTS_DAYS must be at least"),
    ],
)
def test_a_configuration_mistake_is_one_line_that_says_what_to_fix(
    environment: dict[str, str], says: str, tmp_path: Path
) -> None:
    done = run(
        "migrate", env={"PUNCHCARD_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", **environment}
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("punchcard: ")
    assert says in done.stderr


def test_apple_dev_chain_is_labelled_as_development_only(tmp_path: Path) -> None:
    done = run("apple", "dev-chain", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "Apple devices will not accept them" in done.stderr
    certificate = x509.load_pem_x509_certificate((tmp_path / "pass.pem").read_bytes())
    assert "DEVELOPMENT ONLY" in certificate.subject.rfc4514_string()
    root = x509.load_pem_x509_certificate((tmp_path / "wwdr.pem").read_bytes())
    assert certificate.issuer == root.subject
    assert (tmp_path / "pass.key").stat().st_mode & 0o077 == 0


def test_wallets_without_an_https_public_url_are_warned_about() -> None:
    apple = {"apple_certificate": "pass.pem"}
    warning = wallet_url_warning(Settings(public_url="http://127.0.0.1:8000", **apple))
    assert warning is not None
    assert "Apple Wallet passes" in warning
    assert "PUNCHCARD_PUBLIC_URL" in warning
    assert wallet_url_warning(Settings(public_url="https://loyalty.example.com", **apple)) is None
    assert wallet_url_warning(Settings(public_url="http://127.0.0.1:8000")) is None  # no wallets


FRESH_SHELL_UNSET = ("PUNCHCARD_DATABASE_URL", "PUNCHCARD_PUBLIC_URL")


@contextmanager
def demo(directory: Path, port: int) -> Iterator[tuple[ServerLog, str]]:
    """`punchcard demo` (what `make run` runs) in ``directory``; yields its log and key."""
    process = subprocess.Popen(
        [PUNCHCARD, "demo", "--port", str(port)],
        cwd=directory,
        # A new user's shell: no database or public URL set (in-process CLI tests may have set
        # the latter in this process's environment).
        env={k: v for k, v in os.environ.items() if k not in FRESH_SHELL_UNSET},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    log = ServerLog(1, ready_text="Uvicorn running on")
    threading.Thread(target=log.follow, args=(process.stdout,), daemon=True).start()
    try:
        log.ready.wait(START_TIMEOUT)
        assert log.started, log.text()
        key = next(line for line in log.lines if "Owner API key" in line).split()[4]
        yield log, key
    finally:
        process.terminate()
        process.wait(STOP_TIMEOUT)


def test_a_second_demo_on_a_busy_port_stops_before_touching_the_key(tmp_path: Path) -> None:
    port = free_port()
    with demo(tmp_path, port) as (first, key):
        assert f"Owner API key : {key}   (new)" in first.text()
        # The dashboard links name where this demo listens.
        sign_in = next(line for line in first.lines if "Dashboard" in line).split()[2]
        assert sign_in.startswith(f"http://127.0.0.1:{port}/dashboard/biz_")
        page = httpx.get(sign_in, timeout=30)
        assert page.status_code == 200
        second = run("demo", "--port", str(port), cwd=tmp_path)
        assert second.returncode != 0
        assert f"127.0.0.1:{port} is in use" in second.stderr
        assert "Owner API key" not in second.stdout
        headers = {"Authorization": f"Bearer {key}"}
        me = httpx.get(f"http://127.0.0.1:{port}/v1/me", headers=headers, timeout=30)
        assert me.status_code == 200  # the key the user holds still works
    with demo(tmp_path, port) as (log, again):
        assert again == key
        assert "the same as last time" in log.text()
