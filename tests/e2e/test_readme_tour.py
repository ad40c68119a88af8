"""The README's tour is run as written, in bash, against a real server on SQLite."""

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.databases import fresh_sqlite
from tests.support.pkpass import manifest_mismatches, openssl_verifies, unzip
from tests.support.scanning import scan
from tests.support.server import Server, free_port, running_server

README = Path(__file__).parents[2] / "README.md"


def tour_script() -> str:
    text = README.read_text()
    tour = text[text.index("<!-- tour:start -->") : text.index("<!-- tour:end -->")]
    return "\n".join(re.findall(r"```bash\n(.*?)```", tour, flags=re.DOTALL))


@pytest.fixture(scope="module")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(fresh_sqlite(tmp_path_factory.mktemp("tour"))) as running:
        yield running


def in_a_clone(directory: Path) -> None:
    """The tour runs in the repository after `make install`: `.venv/bin/punchcard` is there."""
    (directory / ".venv").symlink_to(Path(sys.executable).parents[1])


def test_readme_tour_runs_against_a_real_server(sqlite_server: Server, tmp_path: Path) -> None:
    in_a_clone(tmp_path)  # the tour makes a development Apple chain with the CLI
    env = {
        "PC": sqlite_server.base_url,
        "KEY": sqlite_server.api_key,
        # The tour's SMTP server (aiosmtpd) is in the project's environment, first on the PATH.
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "SMTP_PORT": str(free_port()),
        # The tour's `punchcard automations run-due` works on the server's database, as it
        # would on the demo's (./punchcard.db) after `make run`.
        "PUNCHCARD_DATABASE_URL": sqlite_server.env["PUNCHCARD_DATABASE_URL"],
    }
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
    assert '"code":"lottery_ticket_played"' in done.stdout  # a ticket is played once
    assert '"outcome":"stamped"' in done.stdout  # the till's signed sale, then its replay
    assert '"outcome":"duplicate"' in done.stdout
    assert '"redeemed_via_detail":"Harbour till"' in done.stdout
    assert '"detail":"Syrve order status Bill: not closed."' in done.stdout  # Syrve not asked
    assert '"idempotent-replayed"' not in done.stdout  # headers are not printed, only bodies
    # The test email reached the tour's SMTP server (which prints what it receives).
    assert "Subject: Hello from Punchcard" in done.stdout
    # The campaign reached it too, with the voucher's code, and finished with its counts.
    assert "Subject: Double stamps today, Ada!" in done.stdout
    assert "FREECOOKIE" in done.stdout
    assert '"code":"campaign_status_conflict"' in done.stdout
    # Finn's first stamp rewarded Ada; Gus joined by her link; her own code was refused.
    assert '"status":"converted","joined_at"' in done.stdout
    assert '"reward":"rewarded"' in done.stdout
    assert "303\nself_referral\n" in done.stdout  # Gus's join (a 303 to his card), Ada's code
    links = re.findall(r'http://[^\s"]+/join/[^\s"]+\?ref=FRIEND-[0-9A-Z]{8}', done.stdout)
    [referral_link] = set(links)
    assert scan((tmp_path / "referral-qr.png").read_bytes(), "image/png") == [
        (referral_link, "QRCode")
    ]
    # The welcome automation's email reached it, with the gift's code, and the log says so.
    assert "Subject: Welcome, Alan!" in done.stdout
    assert "Your first treat: Free cookie, code FREECOOKIE." in done.stdout
    assert '"reason":"voucher_pool_empty"' not in done.stdout
    # The images the tour saved scan as the voucher's code.
    assert scan((tmp_path / "code.png").read_bytes(), "image/png") == [("FREECOOKIE", "QRCode")]
    svg = (tmp_path / "code.svg").read_bytes()
    assert scan(svg, "image/svg+xml") == [("FREECOOKIE", "Code128")]
    gift = (tmp_path / "gift.svg").read_bytes()
    assert scan(gift, "image/svg+xml") == [("5012345678917", "EAN13")]  # what the tour redeems
    # The pass the tour downloaded is signed with the identity it uploaded.
    files = unzip((tmp_path / "card.pkpass").read_bytes())
    assert manifest_mismatches(files) == []
    assert openssl_verifies(files, tmp_path / "wwdr.pem", tmp_path)
    # The tour's webhook block delivered to its own receiver on loopback, offline.
    delivered = [json.loads(line) for line in (tmp_path / "hooks.log").read_text().splitlines()]
    assert delivered[0]["test"] is True


def test_readme_tour_covers_every_operation() -> None:
    """Every path of the OpenAPI document appears in the tour (a usage example each)."""
    from punchcard.app import create_app

    script = tour_script()
    missing = []
    for path in create_app().openapi()["paths"]:
        pattern = re.sub(r"\\\{[^}]+\\\}", r"[^/ \"?]+", re.escape(path))
        if not re.search(r"\$PC" + pattern + r"(?![\w-])", script):
            missing.append(path)
    assert missing == []


async def test_last_stamp_survived_the_tour(sqlite_server: Server) -> None:
    """The tour stamped 6 (once, despite the retry) + 4 + 1 by mistake on Ada's card, then
    took the mistake off again: 10 lifetime stamps."""
    headers = {"Authorization": f"Bearer {sqlite_server.api_key}"}
    async with httpx.AsyncClient(base_url=sqlite_server.base_url, headers=headers) as client:
        ada = (await client.get("/v1/customers", params={"source_id": "crm-42"})).json()["data"][0]
        last = {}
        for kind in ("stamp_added", "stamps_removed"):
            query = {"type": kind, "customer_id": ada["id"], "limit": 1}
            last[kind] = (await client.get("/v1/events", params=query)).json()["data"][0]
    assert last["stamp_added"]["card"]["lifetime_stamps"] == 11
    assert last["stamps_removed"]["card"]["lifetime_stamps"] == 10


def test_readme_generic_pos_snippet_signs_a_sale(sqlite_server: Server) -> None:
    """The README's Python snippet for signing a generic POS webhook, run as written."""
    snippet = next(
        block
        for block in re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.DOTALL)
        if "def send_sale" in block
    )
    namespace: dict[str, Any] = {}
    exec(snippet, namespace)
    headers = {"Authorization": f"Bearer {sqlite_server.api_key}"}
    with httpx.Client(base_url=sqlite_server.base_url, headers=headers) as client:
        template = {"title": "Tea", "redeem_code": {"type": "fixed", "value": "TEA"}}
        template_id = client.post("/v1/voucher-templates", json=template).json()["id"]
        goals = [{"stamps": 3, "template_id": template_id}]
        program = client.post("/v1/programs", json={"name": "Tea card", "goals": goals}).json()
        scan = client.post(
            "/v1/cards",
            json={"program_id": program["id"], "customer": {"email": "snippet@example.com"}},
        ).json()["scan_code"]
        till = client.post(
            "/v1/pos-connectors",
            json={"type": "generic", "name": "Snippet till", "program_id": program["id"]},
        ).json()
    sale = {
        "transaction_id": "S-1",
        "amount": 300,
        "currency": "EUR",
        "customer": {"scan_code": scan},
    }
    url = f"{sqlite_server.base_url}/v1/pos/{till['id']}/webhook"  # webhook_url names public_url
    answer = namespace["send_sale"](url, till["signing_secret"], sale)
    assert answer.status_code == 200, answer.text
    assert answer.json()["sale"]["outcome"] == "stamped"
