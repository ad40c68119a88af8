"""pass.json shows the card: stamps, next reward, vouchers, places, barcode, language, expiry."""

from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from punchcard.cards.models import Card
from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.crypto import token_for
from punchcard.wallet import web_link
from punchcard.wallet.apple.passes import pkpass_for_card
from tests.conftest import Tenant
from tests.support.factories import (
    coffee_program,
    lottery,
    lottery_card,
    ok,
    stamp,
    template,
    tickets,
)
from tests.support.pkpass import pass_json, unzip


async def issued_card(api: httpx.AsyncClient, program_id: str, language: str = "en") -> str:
    customer = {"email": f"{language}-guest@example.com", "language": language}
    body = {"program_id": program_id, "customer": customer}
    return str(ok(await api.post("/v1/cards", json=body), 201)["id"])


async def pass_of(
    tenant: Tenant, db: Database, settings: Settings, card_id: str
) -> tuple[dict[str, Any], dict[str, bytes]]:
    async with db.transaction() as session:
        made = await pkpass_for_card(session, settings, tenant.business_id, card_id)
    files = unzip(made.content)
    return pass_json(files), files


def field(content: dict[str, Any], group: str, key: str) -> dict[str, Any]:
    found = [f for f in content["storeCard"][group] if f["key"] == key]
    assert found, f"no {group} field {key}: {content['storeCard'][group]}"
    return found[0]


async def test_a_card_with_stamps_and_a_voucher(
    tenant: Tenant, db: Database, apple_settings: Settings
) -> None:
    api = tenant.client
    ok(
        await api.patch(
            f"/v1/locations/{tenant.location_id}",
            json={"address": "1 Main Street", "latitude": 52.52, "longitude": 13.405},
        )
    )
    program = await coffee_program(api)
    card_id = await issued_card(api, program["id"])
    voucher = (await stamp(api, card_id, 7))["vouchers_issued"][0]
    content, _ = await pass_of(tenant, db, apple_settings, card_id)

    assert content["serialNumber"] == f"{tenant.business_id}.{card_id}"
    assert content["authenticationToken"] == token_for("apple-pass", card_id)
    assert content["webServiceURL"] == "https://cards.example/passkit"
    assert content["organizationName"] == "Test Café"
    assert content["backgroundColor"] == "rgb(59, 42, 32)"
    assert field(content, "headerFields", "stamps")["value"] == "7/10"
    next_reward = field(content, "secondaryFields", "next_reward")
    assert next_reward["value"] == "3 more stamps to Free coffee"
    assert next_reward["changeMessage"] == "%@"
    ready = field(content, "auxiliaryFields", f"reward_{voucher['id']}")
    assert ready["value"] == "Free cookie · FREECOOKIE"
    assert ready["changeMessage"] == "reward_ready_message"
    back = field(content, "backFields", f"voucher_{voucher['id']}")
    assert "Code: FREECOOKIE" in back["value"]
    assert field(content, "backFields", "locations")["value"] == "Main Street, 1 Main Street"
    [place] = content["locations"]
    assert (place["latitude"], place["longitude"]) == (52.52, 13.405)
    assert place["relevantText"] == "Main Street: 3 more stamps to Free coffee"
    assert "voided" not in content


async def test_one_more_stamp_reads_singular(
    tenant: Tenant, db: Database, apple_settings: Settings
) -> None:
    program = await coffee_program(tenant.client)
    card_id = await issued_card(tenant.client, program["id"])
    await stamp(tenant.client, card_id, 4)
    content, _ = await pass_of(tenant, db, apple_settings, card_id)
    assert field(content, "secondaryFields", "next_reward")["value"] == (
        "1 more stamp to Free cookie"
    )


async def test_a_german_customer_gets_german_values_and_labels(
    tenant: Tenant, db: Database, apple_settings: Settings
) -> None:
    program = await coffee_program(tenant.client)
    card_id = await issued_card(tenant.client, program["id"], language="de-AT")
    await stamp(tenant.client, card_id, 2)
    content, files = await pass_of(tenant, db, apple_settings, card_id)
    assert field(content, "secondaryFields", "next_reward")["value"] == (
        "Noch 3 Stempel bis Free cookie"
    )
    assert field(content, "headerFields", "stamps")["label"] == "stamps"  # a strings key
    german = files["de.lproj/pass.strings"].decode("utf-16")
    assert '"stamps" = "Stempel";' in german
    assert '"reward_ready_message" = "Prämie bereit: %@";' in german
    assert '"stamps" = "Stamps";' in files["en.lproj/pass.strings"].decode("utf-16")


@pytest.mark.parametrize(
    ("chosen", "format_"),
    [
        ("qr", "PKBarcodeFormatQR"),
        ("code128", "PKBarcodeFormatCode128"),
        ("pdf417", "PKBarcodeFormatPDF417"),
        ("aztec", "PKBarcodeFormatAztec"),
    ],
)
async def test_the_barcode_carries_the_scan_code_in_the_chosen_format(
    tenant: Tenant, db: Database, apple_settings: Settings, chosen: str, format_: str
) -> None:
    program = await coffee_program(tenant.client)
    design = {"barcode_format": chosen}
    ok(await tenant.client.put(f"/v1/programs/{program['id']}/wallet-design", json=design))
    card_id = await issued_card(tenant.client, program["id"])
    scan_code = ok(await tenant.client.get(f"/v1/cards/{card_id}"))["scan_code"]
    content, _ = await pass_of(tenant, db, apple_settings, card_id)
    assert content["barcodes"] == [
        {
            "format": format_,
            "message": scan_code,
            "messageEncoding": "iso-8859-1",
            "altText": scan_code,
        }
    ]


async def test_an_expired_card_is_voided_with_its_expiry_date(
    tenant: Tenant, db: Database, apple_settings: Settings
) -> None:
    program = await coffee_program(tenant.client)
    card_id = await issued_card(tenant.client, program["id"])
    expired_at = (utcnow() - timedelta(days=1)).replace(microsecond=0)
    async with db.transaction() as session:
        await session.execute(
            update(Card)
            .where(Card.business_id == tenant.business_id, Card.id == card_id)
            .values(expires_at=expired_at)
        )
    content, _ = await pass_of(tenant, db, apple_settings, card_id)
    assert content["voided"] is True
    assert content["expirationDate"] == expired_at.isoformat().replace("+00:00", "Z")


async def test_design_texts_appear_on_the_back(
    tenant: Tenant, db: Database, apple_settings: Settings
) -> None:
    program = await coffee_program(tenant.client)
    design = {
        "organization_name": "Bean There",
        "terms": "One stamp per drink.",
        "website_url": "https://bean.example/card",
        "opening_hours": "Mon-Fri 7-18",
        "background_color": "#102030",
    }
    ok(await tenant.client.put(f"/v1/programs/{program['id']}/wallet-design", json=design))
    card_id = await issued_card(tenant.client, program["id"])
    content, _ = await pass_of(tenant, db, apple_settings, card_id)
    assert content["organizationName"] == content["logoText"] == "Bean There"
    assert content["backgroundColor"] == "rgb(16, 32, 48)"
    assert field(content, "backFields", "terms")["value"] == "One stamp per drink."
    assert field(content, "backFields", "website")["value"] == "https://bean.example/card"
    assert field(content, "backFields", "opening_hours")["value"] == "Mon-Fri 7-18"


async def test_the_pass_links_the_web_card_and_gets_the_new_link_after_a_rotation(
    tenant: Tenant, db: Database, apple_settings: Settings
) -> None:
    api = tenant.client
    card_id = await issued_card(api, (await coffee_program(api))["id"])
    before, _ = await pass_of(tenant, db, apple_settings, card_id)

    rotated = ok(await api.post(f"/v1/cards/{card_id}/web-link/rotate"))["url"]
    after, _ = await pass_of(tenant, db, apple_settings, card_id)

    old_link = field(before, "backFields", "web_card")["value"]
    assert old_link == f"https://cards.example{web_link.path(tenant.business_id, card_id)}"
    new_link = field(after, "backFields", "web_card")["value"]
    assert new_link.removeprefix("https://cards.example") == httpx.URL(rotated).path
    assert new_link != old_link


async def test_a_lottery_ticket_shows_where_to_play_then_the_result(
    tenant: Tenant, db: Database, apple_settings: Settings
) -> None:
    api = tenant.client
    cookie = await template(api)
    lucky = await lottery(api, [{"key": "cookie", "template_id": cookie["id"], "weight": 1}])
    the_card = await lottery_card(api, lucky["id"])
    [ticket] = await tickets(api, the_card["id"])
    web_card = "https://cards.example" + web_link.path(tenant.business_id, the_card["id"])

    before, files = await pass_of(tenant, db, apple_settings, the_card["id"])
    ok(await api.post(f"/v1/vouchers/{ticket['id']}/play"))
    after, _ = await pass_of(tenant, db, apple_settings, the_card["id"])

    front = field(before, "auxiliaryFields", f"lottery_{ticket['id']}")
    assert (front["label"], front["value"]) == ("lottery_ticket", "Spin the wheel")
    assert front["changeMessage"] == "lottery_ticket_message"
    back = field(before, "backFields", f"lottery_play_{ticket['id']}")
    assert back["value"] == f"Play on your card page: {web_card}"
    english = files["en.lproj/pass.strings"].decode("utf-16")
    assert '"lottery_ticket_message" = "Lottery ticket: %@";' in english
    prizes = ok(
        await api.get("/v1/vouchers", params={"card_id": the_card["id"], "type": "voucher"})
    )
    assert [f["key"] for f in after["storeCard"]["auxiliaryFields"]] == [
        f"reward_{prizes['data'][0]['id']}"  # the prize; the ticket is played
    ]
    result = field(after, "backFields", "lottery_result")
    assert (result["label"], result["value"]) == ("Spin the wheel", "You won: Free cookie")
