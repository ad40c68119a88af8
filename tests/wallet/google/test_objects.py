"""What Google Wallet shows for a card: pure builders from a PassView."""

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from punchcard.wallet import web_link
from punchcard.wallet.google.objects import (
    business_of_class,
    card_of_object,
    class_id,
    loyalty_class,
    loyalty_object,
    object_id,
)
from punchcard.wallet.view import Design, DrawLine, PassView, Place, TicketLine, VoucherLine

ISSUER = "3388000000012345678"
PUBLIC_URL = "https://loyalty.example"
VIEW = PassView(
    business_id="biz_1",
    business_name="Test Café",
    card_id="card_1",
    scan_code="PC7KQ2M",
    card_status="active",
    card_expires_at=None,
    program_id="prg_1",
    program_name="Coffee card",
    customer_id="cus_1",
    customer_source_id=None,
    customer_name="Ada",
    language="de-AT",
    stamps=6,
    lifetime_stamps=6,
    goal_stamps=(5, 10),
    goal_titles=("Free cookie", "Free coffee"),
    goal_index=1,
    next_goal_title="Free coffee",
    stamps_to_next_goal=4,
    vouchers=(
        VoucherLine(
            "vch_1", "Free cookie", None, "FREECOOKIE", ("qr",), datetime(2027, 1, 31, tzinfo=UTC)
        ),
    ),
    places=(
        Place("Main Street", "Main Street 1", 52.52, 13.405),
        Place("Kiosk", None, None, None),
    ),
    design=Design(
        organization_name="Café Ada",
        background_color="#112233",
        barcode_format="code128",
        website_url="https://cafe.example",
    ),
    updated_at=datetime(2026, 11, 29, tzinfo=UTC),
)


def test_ids_are_made_of_the_characters_google_allows() -> None:
    assert class_id(ISSUER, "biz_1", "prg 1/x") == f"{ISSUER}.biz_1-prg_1_x"
    assert object_id(ISSUER, "card_1") == f"{ISSUER}.card_1"
    # Google's callbacks name these ids: they lead back to the business and the card.
    assert business_of_class(class_id(ISSUER, "biz_01ab", "prg_02cd")) == "biz_01ab"
    assert card_of_object(object_id(ISSUER, "card_03ef")) == "card_03ef"


def test_the_class_carries_the_programs_look_logo_and_places_with_coordinates() -> None:
    body = loyalty_class(VIEW, issuer_id=ISSUER, public_url="https://loyalty.example")

    assert body["id"] == f"{ISSUER}.biz_1-prg_1"
    assert body["programName"] == "Coffee card"
    assert body["issuerName"] == "Café Ada"
    assert body["hexBackgroundColor"] == "#112233"
    assert body["reviewStatus"] == "UNDER_REVIEW"
    logo = body["programLogo"]["sourceUri"]["uri"]
    assert logo.startswith("https://loyalty.example/wallet/google/programs/biz_1/prg_1/logo.png?v=")
    assert body["locations"] == [{"latitude": 52.52, "longitude": 13.405}]
    assert body["callbackOptions"] == {"url": "https://loyalty.example/wallet/google/callbacks"}


def test_the_logo_url_changes_with_the_logo_served_so_google_fetches_the_new_one() -> None:
    def logo_url(**design: Any) -> str:
        view = replace(VIEW, design=replace(VIEW.design, **design))
        uri: str = loyalty_class(view, issuer_id=ISSUER, public_url=PUBLIC_URL)["programLogo"][
            "sourceUri"
        ]["uri"]
        return uri

    drawn = {  # the served image: the logo, else the initial drawn on the design's colours
        logo_url(),
        logo_url(logo_png=b"png one"),
        logo_url(logo_png=b"png two"),
        logo_url(organization_name="Bob's"),
        logo_url(background_color="#000000"),
    }
    assert len(drawn) == 5
    assert logo_url(organization_name="Café Ada", stamp_color="#000000") == logo_url()


def test_the_object_shows_stamps_next_reward_and_vouchers_in_the_customers_language() -> None:
    body = loyalty_object(VIEW, issuer_id=ISSUER, public_url=PUBLIC_URL)

    assert body["id"] == f"{ISSUER}.card_1"
    assert body["classId"] == f"{ISSUER}.biz_1-prg_1"
    assert body["state"] == "ACTIVE"
    assert (body["accountId"], body["accountName"]) == ("cus_1", "Ada")
    assert body["loyaltyPoints"] == {"label": "Stempel", "balance": {"int": 6}}
    assert body["secondaryLoyaltyPoints"] == {"label": "Nächste Prämie", "balance": {"int": 4}}
    assert body["barcode"] == {"type": "CODE_128", "value": "PC7KQ2M", "alternateText": "PC7KQ2M"}
    next_reward, voucher = body["textModulesData"]
    assert next_reward["body"] == "Noch 4 Stempel bis Free coffee"
    assert voucher["header"] == "Prämie bereit: Free cookie"
    assert voucher["body"] == "Code: FREECOOKIE\nGültig bis 2027-01-31"
    web_card, website = body["linksModuleData"]["uris"]
    assert web_card["uri"] == PUBLIC_URL + web_link.path("biz_1", "card_1", None)
    assert web_card["description"] == "Deine Karte online"
    assert website["uri"] == "https://cafe.example"
    assert "validTimeInterval" not in body


def test_an_expired_card_is_expired_in_the_wallet_too() -> None:
    ended = datetime(2026, 10, 1, 12, 0, tzinfo=UTC)
    body = loyalty_object(
        replace(VIEW, card_status="expired", card_expires_at=ended),
        issuer_id=ISSUER,
        public_url=PUBLIC_URL,
    )

    assert body["state"] == "EXPIRED"
    assert body["validTimeInterval"] == {"end": {"date": "2026-10-01T12:00:00Z"}}


def test_a_card_past_its_last_goal_says_so_instead_of_a_count() -> None:
    done = replace(VIEW, language=None, stamps_to_next_goal=None, next_goal_title=None)
    body = loyalty_object(done, issuer_id=ISSUER, public_url=PUBLIC_URL)

    assert body["secondaryLoyaltyPoints"]["balance"] == {"string": "All rewards reached"}
    assert body["textModulesData"][0]["body"] == "All rewards reached"


def test_the_object_lists_tickets_to_play_and_the_latest_result() -> None:
    lottery = replace(
        VIEW,
        language="en",
        vouchers=(),
        tickets=(
            TicketLine("vch_2", "Spin the wheel", None, playable=True),
            TicketLine("vch_3", "Scratch card", None, playable=False),
        ),
        last_draw=DrawLine("Spin the wheel", won=False, variant_title="No prize"),
    )
    card_url = PUBLIC_URL + web_link.path("biz_1", "card_1")

    body = loyalty_object(lottery, issuer_id=ISSUER, public_url=PUBLIC_URL)

    _, playable, sold_out, result = body["textModulesData"]
    assert playable == {
        "id": "vch_2",
        "header": "Lottery ticket: Spin the wheel",
        "body": f"Play on your card page: {card_url}",
    }
    assert sold_out["body"] == "All prizes are gone for now. Your ticket stays valid."
    assert (result["header"], result["body"]) == ("Spin the wheel", "No prize this time")
    # The web card, where tickets are played, is the object's first link.
    assert body["linksModuleData"]["uris"][0] == {
        "id": "web_card",
        "uri": card_url,
        "description": "Your card online",
    }
