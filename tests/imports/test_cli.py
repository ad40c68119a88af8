"""`punchcard import` and `punchcard export`, as a script runs them (real processes, SQLite)."""

import csv
import os
import subprocess
from pathlib import Path

import pytest

from tests.support.server import CLI, create_business


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    environment = {**os.environ, "PUNCHCARD_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}
    subprocess.run([CLI, "migrate"], env=environment, check=True, capture_output=True)
    return environment


def punchcard(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], env=env, capture_output=True, text=True, check=False)


def test_import_checks_then_imports_and_export_reads_it_back(
    env: dict[str, str], tmp_path: Path
) -> None:
    business = create_business(env)["business_id"]
    rows = tmp_path / "crm.csv"
    rows.write_text("Kundennr;E-Mail;Name\nk-1;ana@example.com;Ana\nk-2;not-an-email;Bo\n")
    mapping = ["--map", "Kundennr=source_id", "--map", "Name="]

    checked = punchcard(
        env, "import", "customers", str(rows), "--business", business, "--dry-run", *mapping
    )
    assert checked.returncode == 1  # a row failed: scripts notice
    assert "checked: 1 created, 0 updated, 0 unchanged, 1 failed" in checked.stdout
    assert "nothing was written" in checked.stdout
    assert "line 3 (email): not a valid email address" in checked.stderr

    done = punchcard(env, "import", "customers", str(rows), "--business-id", business, *mapping)
    assert "completed: 1 created" in done.stdout, done.stderr

    out = tmp_path / "customers.csv"
    exported = punchcard(env, "export", "customers", "--business", business, "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    with out.open() as handle:
        (customer,) = list(csv.DictReader(handle))
    assert (customer["source_id"], customer["email"], customer["name"]) == (
        "k-1",
        "ana@example.com",
        "",
    )


def test_an_unreadable_file_stages_nothing(env: dict[str, str], tmp_path: Path) -> None:
    business = create_business(env)["business_id"]
    rows = tmp_path / "latin1.csv"
    rows.write_bytes("email,name\nj@example.com,Jürgen\n".encode("latin-1"))
    refused = punchcard(env, "import", "customers", str(rows), "--business", business)
    assert refused.returncode == 1
    assert "error: csv_encoding_invalid: Line 2 is not UTF-8" in refused.stderr
    naive = punchcard(
        env, "export", "cards", "--business", business, "--created-after", "2026-01-01"
    )
    assert naive.returncode == 2
    assert "has no time zone" in naive.stderr
