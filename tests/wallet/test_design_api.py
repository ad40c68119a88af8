"""GET/PUT /v1/programs/{id}/wallet-design: validated, tenant-scoped, managers and owners."""

import base64
import io

import pytest
from PIL import Image

from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.wallet.models import WalletPass
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, staff_key


def png(size: tuple[int, int], kind: str = "PNG") -> str:
    out = io.BytesIO()
    Image.new("RGB", size, "#AA5500").save(out, kind)
    return base64.b64encode(out.getvalue()).decode()


async def test_a_new_program_shows_the_defaults(tenant: Tenant) -> None:
    program = await coffee_program(tenant.client)
    design = ok(await tenant.client.get(f"/v1/programs/{program['id']}/wallet-design"))
    assert design["background_color"] == "#3B2A20"
    assert design["barcode_format"] == "qr"
    assert design["updated_at"] is None


async def test_put_replaces_the_design_and_get_returns_it(tenant: Tenant) -> None:
    program = await coffee_program(tenant.client)
    url = f"/v1/programs/{program['id']}/wallet-design"
    logo = png((300, 90))
    body = {
        "background_color": "#aabbcc",
        "barcode_format": "aztec",
        "website_url": "https://bean.example",
        "logo_png": logo,
    }
    put = ok(await tenant.client.put(url, json=body))
    got = ok(await tenant.client.get(url))
    assert put == got
    assert got["background_color"] == "#AABBCC"
    assert got["logo_png"] == logo
    assert got["icon_png"] is None
    ok(await tenant.client.put(url, json={"terms": "One per visit."}))
    again = ok(await tenant.client.get(url))
    assert again["logo_png"] is None  # PUT replaces the whole design
    assert again["background_color"] == "#3B2A20"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("background_color", "blue"),
        ("stamp_color", "#12345G"),
        ("barcode_format", "ean13"),
        ("website_url", "ftp://bean.example"),
        ("logo_png", "not base64!"),
        ("logo_png", base64.b64encode(b"plain text").decode()),
        ("icon_png", png((40, 40), "JPEG")),
        ("icon_png", png((2000, 40))),
    ],
)
async def test_bad_input_is_a_422_naming_the_field(tenant: Tenant, field: str, value: str) -> None:
    program = await coffee_program(tenant.client)
    response = await tenant.client.put(
        f"/v1/programs/{program['id']}/wallet-design", json={field: value}
    )
    body = problem(response, 422, "validation_error")
    assert [error["field"] for error in body["errors"]] == [f"body.{field}"]


async def test_another_business_program_is_not_found(tenant: Tenant, stranger: Tenant) -> None:
    theirs = await coffee_program(stranger.client)
    url = f"/v1/programs/{theirs['id']}/wallet-design"
    problem(await tenant.client.get(url), 404, "program_not_found")
    problem(await tenant.client.put(url, json={}), 404, "program_not_found")


async def test_managers_may_scanners_may_not(tenant: Tenant) -> None:
    program = await coffee_program(tenant.client)
    url = f"/v1/programs/{program['id']}/wallet-design"
    _, manager_key = await staff_key(tenant.client, "manager")
    _, scanner_key = await staff_key(tenant.client, "scanner")
    async with await tenant.client_for(manager_key) as manager:
        ok(await manager.put(url, json={"barcode_format": "pdf417"}))
    async with await tenant.client_for(scanner_key) as scanner:
        problem(await scanner.put(url, json={}), 403, "insufficient_role")
        problem(await scanner.get(url), 403, "insufficient_role")


async def test_a_new_design_gives_cards_in_wallets_a_new_version(
    tenant: Tenant, db: Database
) -> None:
    program = await coffee_program(tenant.client)
    held = await card(tenant.client, program["id"])
    before = utcnow()
    async with db.transaction() as session:
        session.add(
            WalletPass(
                business_id=tenant.business_id, id=held["id"], created_at=before, updated_at=before
            )
        )
    ok(await tenant.client.put(f"/v1/programs/{program['id']}/wallet-design", json={}))
    async with db.transaction() as session:
        row = await session.get(WalletPass, (tenant.business_id, held["id"]))
    assert row is not None
    assert row.updated_at > before
    assert row.push_due_at is not None
