import base64
import re

import httpx
from sqlalchemy import func, select

from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.pages.links import card_path
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, stamp
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
