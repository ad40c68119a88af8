"""The committed SDKs are what `make sdks` makes from today's app: regenerated into a temporary
folder, byte for byte. After an API change, run `make sdks` and commit the result."""

import filecmp
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.node import needs_node

SDKS = Path(__file__).resolve().parents[2] / "sdks"
# What sdks/generate.py writes, relative to its output root.
DOCUMENT = Path("openapi.json")
PYTHON = Path("python/src/punchcard_client/generated")
TYPESCRIPT = Path("typescript/src/generated/openapi.ts")


def generate(into: Path, only: str) -> None:
    done = subprocess.run(
        [sys.executable, SDKS / "generate.py", "--into", into, "--only", only],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"sdks/generate.py failed:\n{done.stdout}\n{done.stderr}"


def differences(committed: Path, fresh: Path) -> list[str]:
    """Files added, removed or changed between two trees (or two files)."""
    if committed.is_file() or fresh.is_file():
        same = committed.is_file() and fresh.is_file() and filecmp.cmp(committed, fresh, False)
        return [] if same else [str(committed)]
    compared = filecmp.dircmp(committed, fresh, ignore=["__pycache__"])
    found = [str(committed / name) for name in compared.left_only + compared.right_only]
    found += [str(committed / name) for name in compared.diff_files + compared.funny_files]
    for name in compared.common_dirs:
        found += differences(committed / name, fresh / name)
    return found


STALE = "The committed SDKs are out of date: run `make sdks` and commit. Differences: {}"


def test_the_openapi_document_and_the_python_sdk_are_current(tmp_path: Path) -> None:
    generate(tmp_path, "python")
    stale = differences(SDKS / DOCUMENT, tmp_path / DOCUMENT)
    stale += differences(SDKS / PYTHON, tmp_path / PYTHON)
    assert not stale, STALE.format(stale)


@needs_node
def test_the_typescript_sdk_is_current(tmp_path: Path) -> None:
    if not (SDKS / "typescript" / "node_modules" / "openapi-typescript").is_dir():
        pytest.fail("sdks/typescript/node_modules is missing: run `make install` (npm ci).")
    generate(tmp_path, "typescript")
    stale = differences(SDKS / TYPESCRIPT, tmp_path / TYPESCRIPT)
    assert not stale, STALE.format(stale)
