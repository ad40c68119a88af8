"""The README's tour is run as written, in bash, against a real server on SQLite."""

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.databases import fresh_sqlite
from tests.support.scanning import scan
from tests.support.server import Server, running_server

README = Path(__file__).parents[2] / "README.md"


def tour_script() -> str:
    text = README.read_text()
    tour = text[text.index("<!-- tour:start -->") : text.index("<!-- tour:end -->")]
    return "\n".join(re.findall(r"```bash\n(.*?)```", tour, flags=re.DOTALL))


@pytest.fixture(scope="module")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(fresh_sqlite(tmp_path_factory.mktemp("tour"))) as running:
        yield running


def test_readme_tour_runs_against_a_real_server(sqlite_server: Server, tmp_path: Path) -> None:
    env = {"PC": sqlite_server.base_url, "KEY": sqlite_server.api_key, "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", tour_script()],
        cwd=tmp_path,  # the tour saves code images to the working directory
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    assert '"code":"insufficient_role"' in done.stdout  # the scanner is refused key management
    assert '"code":"voucher_already_redeemed"' in done.stdout
    assert '"idempotent-replayed"' not in done.stdout  # headers are not printed, only bodies
    # The images the tour saved scan as the voucher's code.
    assert scan((tmp_path / "code.png").read_bytes(), "image/png") == [("FREECOOKIE", "QRCode")]
    svg = (tmp_path / "code.svg").read_bytes()
    assert scan(svg, "image/svg+xml") == [("FREECOOKIE", "Code128")]


def test_readme_tour_covers_every_operation() -> None:
    """Every /v1 path of the OpenAPI document appears in the tour (a usage example each)."""
    from punchcard.app import create_app

    script = tour_script()
    missing = []
    for path in create_app().openapi()["paths"]:
        pattern = re.sub(r"\\\{[^}]+\\\}", r"[^/ \"?]+", re.escape(path.replace("/v1", "")))
        if not re.search(r"\$PC/v1" + pattern + r"(?![\w-])", script):
            missing.append(path)
    assert missing == []


async def test_last_stamp_survived_the_tour(sqlite_server: Server) -> None:
    """The tour stamped 6 (once, despite the retry) + 4 on one card: 10 lifetime stamps."""
    headers = {"Authorization": f"Bearer {sqlite_server.api_key}"}
    async with httpx.AsyncClient(base_url=sqlite_server.base_url, headers=headers) as client:
        stamped = (
            await client.get("/v1/events", params={"type": "stamp_added", "limit": 1})
        ).json()
    assert stamped["data"][0]["card"]["lifetime_stamps"] == 10
