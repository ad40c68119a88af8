import base64
import re

import httpx
from sqlalchemy import func, select

from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.wallet.web_link import path as card_path
from tests.conftest import Tenant
from tests.pages.conftest import Visitor
from tests.support.factories import card, coffee_program, ok, problem, staff_key, stamp
from tests.support.scanning import scan


def images(html: str) -> dict[str, bytes]:
    """alt text -> the SVG of each inline image on the page."""
    found = re.findall(r'<img[^>]*src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]*)"', html)
    return {alt: base64.b64decode(data) for data, alt in found}


async def opened_events(db: Database, business_id: str, card_id: str) -> int:
    async with db.transaction() as session:
        query = select(func.count()).where(
            Event.business_id == business_id, Event.card_id == card_id, Event.type == "card_opened"
        )
        return int(await session.scalar(query) or 0)


async def test_web_card_shows_the_grid_next_reward_scan_code_and_ready_vouchers(
    tenant: Tenant, visitor: httpx.AsyncClient
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    await stamp(tenant.client, issued["id"], 6)

    page = await visitor.get(card_path(tenant.business_id, issued["id"]))

    assert page.status_code == 200
    assert page.headers["cache-control"] == "private, no-store"
    assert "6 of 10 stamps" in page.text
    assert page.text.count('<li class="filled"') == 6
    assert page.text.count('<li class="empty"') == 4
    assert "4 more stamps to Free coffee" in page.text
    shown = images(page.text)
    assert scan(shown[f"QR {issued['scan_code']}"], "image/svg+xml") == [
        (issued["scan_code"], "QRCode")
    ]
    assert scan(shown["QR FREECOOKIE"], "image/svg+xml") == [("FREECOOKIE", "QRCode")]
    assert "Code: FREECOOKIE" in page.text
    assert "Add to Apple Wallet" not in page.text  # no wallet is configured in these tests


async def test_web_card_barcodes_scan_as_the_code_printed(
    tenant: Tenant, visitor: httpx.AsyncClient
) -> None:
    issued = await card(tenant.client, (await coffee_program(tenant.client))["id"])
    custom = {"title": "Gift", "redeem_code": "991234567890", "formats": ["text", "barcode"]}
    body = {"card_id": issued["id"], "custom": custom}
    assert (await tenant.client.post("/v1/vouchers", json=body)).status_code == 201

    page = await visitor.get(card_path(tenant.business_id, issued["id"]))

    bars = images(page.text)["991234567890"]  # a leading "99" is data, not a code set switch
    assert scan(bars, "image/svg+xml") == [("991234567890", "Code128")]


async def test_web_card_speaks_the_customers_language(
    tenant: Tenant, visitor: httpx.AsyncClient
) -> None:
    program = await coffee_program(tenant.client)
    body = {"program_id": program["id"], "customer": {"email": "jo@example.com", "language": "de"}}
    issued = (await tenant.client.post("/v1/cards", json=body)).json()
    path = card_path(tenant.business_id, issued["id"])

    german = await visitor.get(path, headers={"Accept-Language": "en"})
    english = await visitor.get(path, params={"lang": "en"})

    assert "0 von 10 Stempeln" in german.text
    assert "Noch 5 Stempel bis Free cookie" in german.text
    assert "0 of 10 stamps" in english.text


async def test_wrong_token_or_card_is_a_404(tenant: Tenant, visitor: httpx.AsyncClient) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    other = await card(tenant.client, program["id"])
    other_token = card_path(tenant.business_id, other["id"]).rsplit("/", 1)[1]
    base = f"/c/{tenant.business_id}/{issued['id']}"

    for path in (f"{base}/{other_token}", f"{base}/wrong", f"{base}/ünïcode"):
        answer = await visitor.get(path)
        assert answer.status_code == 404, path
        assert "This card link is not valid." in answer.text
    elsewhere = card_path("biz_other", issued["id"])  # a valid token, another business
    assert (await visitor.get(elsewhere)).status_code == 404


async def test_opening_the_web_card_emits_card_opened_at_most_once_an_hour(
    tenant: Tenant, visitor: httpx.AsyncClient, db: Database
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    path = card_path(tenant.business_id, issued["id"])

    for _ in range(3):
        assert (await visitor.get(path)).status_code == 200

    assert await opened_events(db, tenant.business_id, issued["id"]) == 1
    events = (await tenant.client.get("/v1/events", params={"type": "card_opened"})).json()
    assert events["data"][0]["wallet"] == "web"


async def test_the_business_rotates_a_cards_link_and_the_old_one_stops_at_once(
    tenant: Tenant, visitor: Visitor
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    old = ok(await tenant.client.get(f"/v1/cards/{issued['id']}/web-link"))["url"]
    assert (await visitor.get(httpx.URL(old).path)).status_code == 200

    new = ok(await tenant.client.post(f"/v1/cards/{issued['id']}/web-link/rotate"))["url"]

    assert new != old
    assert new.startswith(f"http://127.0.0.1:8000/c/{tenant.business_id}/{issued['id']}/")
    assert (await visitor.get(httpx.URL(old).path)).status_code == 404
    for wallet in ("pass.pkpass", "google"):  # the wallet buttons behind the old link too
        assert (await visitor.get(f"{httpx.URL(old).path}/{wallet}")).status_code == 404
    assert (await visitor.get(httpx.URL(new).path)).status_code == 200
    current = ok(await tenant.client.get(f"/v1/cards/{issued['id']}/web-link"))["url"]
    assert current == new


async def test_scanners_may_not_hand_out_or_rotate_card_links(tenant: Tenant) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    _, key = await staff_key(tenant.client, "scanner", tenant.location_id)
    scanner = await tenant.client_for(key)
    for answer in (
        await scanner.get(f"/v1/cards/{issued['id']}/web-link"),
        await scanner.post(f"/v1/cards/{issued['id']}/web-link/rotate"),
    ):
        problem(answer, 403, "insufficient_role")
    problem(await tenant.client.post("/v1/cards/card_nope/web-link/rotate"), 404, "card_not_found")


async def test_the_customer_rotates_the_link_from_the_web_card(
    tenant: Tenant, visitor: Visitor
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    old = card_path(tenant.business_id, issued["id"])
    token = await visitor.form_token(old)

    rotated = await visitor.post(f"{old}/rotate", data={"csrf_token": token})

    assert rotated.status_code == 303
    assert rotated.headers["cache-control"] == "private, no-store"
    new = rotated.headers["location"]
    assert new.startswith(f"/c/{tenant.business_id}/{issued['id']}/")
    assert new != old
    assert (await visitor.get(old)).status_code == 404
    assert (await visitor.get(new)).status_code == 200


async def test_a_forged_rotation_is_refused(tenant: Tenant, visitor: Visitor) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    path = card_path(tenant.business_id, issued["id"])
    token = await visitor.form_token(path)

    no_token = await visitor.post(f"{path}/rotate")
    cross_site = await visitor.post(
        f"{path}/rotate", data={"csrf_token": token}, headers={"Sec-Fetch-Site": "cross-site"}
    )

    assert no_token.status_code == cross_site.status_code == 403
    assert (await visitor.get(path)).status_code == 200


async def test_the_web_card_links_the_privacy_policy(tenant: Tenant, visitor: Visitor) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    ok(await tenant.client.patch("/v1/business", json={"imprint_url": "https://cafe.example/i"}))
    page = await visitor.get(card_path(tenant.business_id, issued["id"]))
    assert '<a href="https://cafe.example/i" rel="noopener noreferrer">Imprint</a>' in page.text
    assert "Privacy policy" not in page.text
