"""Staff get a card's "Save to Google Wallet" link; its object is on Google first."""

import base64
import io
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from punchcard.config import get_settings
from punchcard.db.engine import Database
from punchcard.wallet.models import WalletPass
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, staff_key, stamp
from tests.support.images import png_bytes
from tests.wallet.google.conftest import ISSUER_ID, Google

SAVE_URL = "https://pay.google.com/gp/v/save/"


async def save_link(api: httpx.AsyncClient, card_id: str) -> str:
    url: str = ok(await api.post(f"/v1/cards/{card_id}/wallet/google"))["save_url"]
    assert url.startswith(SAVE_URL)
    return url.removeprefix(SAVE_URL)


async def test_the_save_link_is_signed_by_the_service_account_and_names_the_card(
    tenant: Tenant, google: Google, db: Database
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])

    token = await save_link(tenant.client, issued["id"])

    claims: dict[str, Any] = google.account.verify(token, audience="google")
    object_id, class_id = (
        f"{ISSUER_ID}.{issued['id']}",
        f"{ISSUER_ID}.{tenant.business_id}-{program['id']}",
    )
    assert claims["iss"] == google.account.client_email
    assert claims["typ"] == "savetowallet"
    assert claims["origins"] == ["https://cafe.example"]
    assert claims["payload"] == {"loyaltyObjects": [{"id": object_id, "classId": class_id}]}
    assert google.fake.classes[class_id]["programName"] == "Coffee card"
    async with db.transaction() as session:
        assert await session.get(WalletPass, (tenant.business_id, issued["id"])) is not None


async def test_the_saved_object_shows_stamps_scan_code_and_vouchers(
    tenant: Tenant, google: Google
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    await stamp(tenant.client, issued["id"], 6)

    await save_link(tenant.client, issued["id"])

    saved = google.fake.objects[f"{ISSUER_ID}.{issued['id']}"]
    assert saved["loyaltyPoints"]["balance"] == {"int": 6}
    assert saved["barcode"]["type"] == "QR_CODE"
    assert saved["barcode"]["value"] == issued["scan_code"]
    rewards = [module for module in saved["textModulesData"] if module["id"] != "next_reward"]
    assert [module["body"] for module in rewards] == ["Code: FREECOOKIE"]


async def test_a_second_link_updates_the_object_it_names(tenant: Tenant, google: Google) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    await save_link(tenant.client, issued["id"])
    await stamp(tenant.client, issued["id"], 2)

    await save_link(tenant.client, issued["id"])

    saved = google.fake.objects[f"{ISSUER_ID}.{issued['id']}"]
    assert saved["loyaltyPoints"]["balance"] == {"int": 2}


async def test_without_google_wallet_settings_the_link_is_a_conflict(tenant: Tenant) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])

    response = await tenant.client.post(f"/v1/cards/{issued['id']}/wallet/google")

    problem(response, 409, "google_wallet_not_configured")


async def test_an_unreadable_key_is_a_conflict_naming_it(
    tenant: Tenant, google: Google, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    monkeypatch.setenv("PUNCHCARD_GOOGLE_WALLET_SERVICE_ACCOUNT", str(tmp_path / "gone.json"))
    get_settings.cache_clear()

    response = await tenant.client.post(f"/v1/cards/{issued['id']}/wallet/google")

    body = problem(response, 409, "google_wallet_misconfigured")
    assert "gone.json" in body["detail"]


async def test_a_scanner_may_not_hand_out_save_links(tenant: Tenant, google: Google) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    _, key = await staff_key(tenant.client, "scanner", tenant.location_id)
    scanner = await tenant.client_for(key)

    response = await scanner.post(f"/v1/cards/{issued['id']}/wallet/google")

    problem(response, 403, "insufficient_role")
    assert google.fake.requests == []


async def test_an_unknown_card_is_not_found(tenant: Tenant, google: Google) -> None:
    response = await tenant.client.post("/v1/cards/card_nope/wallet/google")

    problem(response, 404, "card_not_found")


async def test_google_down_is_a_bad_gateway_naming_googles_answer(
    tenant: Tenant, google: Google
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    google.fake.failing = 500

    response = await tenant.client.post(f"/v1/cards/{issued['id']}/wallet/google")

    body = problem(response, 502, "google_wallet_failed")
    assert "500 Internal error encountered" in body["detail"]


async def test_the_program_logo_is_public_with_a_default_for_programs_without_one(
    tenant: Tenant,
) -> None:
    program = await coffee_program(tenant.client)
    public = httpx.AsyncClient(transport=tenant.client._transport, base_url="http://punchcard.test")

    response = await public.get(
        f"/wallet/google/programs/{tenant.business_id}/{program['id']}/logo.png"
    )
    missing = await public.get(f"/wallet/google/programs/{tenant.business_id}/prg_nope/logo.png")

    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    logo = Image.open(io.BytesIO(response.content))
    assert logo.size == (660, 660)
    assert logo.getpixel((0, 0)) == (0x3B, 0x2A, 0x20)  # the default design's background
    problem(missing, 404, "program_not_found")


async def test_the_program_logo_is_the_business_logo_unless_the_design_has_its_own(
    tenant: Tenant,
) -> None:
    business_logo, program_logo = png_bytes((300, 300)), png_bytes((660, 660), "#0055AA")
    encoded = base64.b64encode(business_logo).decode()
    ok(await tenant.client.patch("/v1/business", json={"logo_png": encoded}))
    plain = await coffee_program(tenant.client, name="Plain")
    branded = await coffee_program(tenant.client, name="Branded")
    own = {"logo_png": base64.b64encode(program_logo).decode()}
    ok(await tenant.client.put(f"/v1/programs/{branded['id']}/wallet-design", json=own))
    served = {}
    async with httpx.AsyncClient(
        transport=tenant.client._transport, base_url="http://punchcard.test"
    ) as public:
        for program in (plain, branded):
            path = f"/wallet/google/programs/{tenant.business_id}/{program['id']}/logo.png"
            served[program["name"]] = (await public.get(path)).content
    assert served == {"Plain": business_logo, "Branded": program_logo}
