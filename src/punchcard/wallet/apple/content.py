"""pass.json of a card: an Apple Wallet store card drawn from its ``PassView``.

Static labels are keys into ``xx.lproj/pass.strings`` (Wallet shows them in the phone's
language); values that come from data (the next reward, voucher codes) are written in the
customer's language, since they change with every update."""

import codecs
from typing import Any

from punchcard.config import Settings
from punchcard.kit.clock import isoformat_z, utcnow
from punchcard.kit.crypto import token_for
from punchcard.wallet import i18n, web_link
from punchcard.wallet.apple.serials import serial_number
from punchcard.wallet.apple.signing import SigningIdentity
from punchcard.wallet.view import PassView, VoucherLine

BARCODE_FORMATS = {
    "qr": "PKBarcodeFormatQR",
    "code128": "PKBarcodeFormatCode128",
    "pdf417": "PKBarcodeFormatPDF417",
    "aztec": "PKBarcodeFormatAztec",
}
MAX_LOCATIONS = 10  # Wallet ignores the rest
FRONT_VOUCHERS = 3  # a store card has room for four secondary + auxiliary fields
# Keys of pass.strings beyond the i18n catalogue: the notifications when a reward is ready.
REWARD_READY_MESSAGE = "reward_ready_message"
LOTTERY_TICKET_MESSAGE = "lottery_ticket_message"


def pass_strings(language: str) -> bytes:
    """``xx.lproj/pass.strings``: every catalogue word, in Apple's strings file format and in
    UTF-16 with a byte order mark, the encoding Apple documents for strings files."""
    words = dict(i18n.CATALOGUE[language])
    words[REWARD_READY_MESSAGE] = f"{words['reward_ready']}: %@"
    words[LOTTERY_TICKET_MESSAGE] = f"{words['lottery_ticket']}: %@"
    lines = (f'"{_quoted(key)}" = "{_quoted(value)}";' for key, value in words.items())
    return codecs.BOM_UTF16_LE + ("\n".join(lines) + "\n").encode("utf-16-le")


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def rgb(color: str) -> str:
    """ "#3B2A20" -> "rgb(59, 42, 32)", the colour form pass.json takes."""
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def next_reward_text(view: PassView, language: str) -> str:
    if view.next_goal_title is None or view.stamps_to_next_goal is None:
        return i18n.text(language, "all_rewards_reached")
    return i18n.stamps_to_reward(language, view.stamps_to_next_goal, view.next_goal_title)


def _voucher_text(voucher: VoucherLine, language: str) -> str:
    text = f"{i18n.text(language, 'redeem_code')}: {voucher.redeem_code}"
    if voucher.description:
        text = f"{voucher.description}\n{text}"
    if voucher.expires_at:
        text += "\n" + i18n.text(
            language, "valid_until", date=voucher.expires_at.date().isoformat()
        )
    return text


def _message_field(view: PassView) -> list[dict[str, Any]]:
    """The latest message (wallet push) first on the back; its change notifies the phone, which
    shows the new value (``%@``)."""
    if view.message is None:
        return []
    label = view.message.header or "news"  # "news" is a key of pass.strings
    return [{"key": "message", "label": label, "value": view.message.body, "changeMessage": "%@"}]


def _card_url(view: PassView, settings: Settings) -> str:
    """The web card: where tickets are played, and the link on the back."""
    path = web_link.path(view.business_id, view.card_id, view.web_link_nonce)
    return settings.public_url.rstrip("/") + path


def _front_rewards(view: PassView) -> list[dict[str, Any]]:
    """Vouchers ready, then lottery tickets to play: as many as the front has room for."""
    vouchers = [
        {
            "key": f"reward_{voucher.id}",
            "label": "reward_ready",
            "value": f"{voucher.title} · {voucher.redeem_code}",
            "changeMessage": REWARD_READY_MESSAGE,
        }
        for voucher in view.vouchers
    ]
    tickets = [
        {
            "key": f"lottery_{ticket.id}",
            "label": "lottery_ticket",
            "value": ticket.title,
            "changeMessage": LOTTERY_TICKET_MESSAGE,
        }
        for ticket in view.tickets
    ]
    return (vouchers + tickets)[:FRONT_VOUCHERS]


def _lottery_fields(view: PassView, language: str, card_url: str) -> list[dict[str, Any]]:
    """Where to play each ticket (the web card: Wallet makes the link tappable), and the
    latest result."""
    play = i18n.text(language, "lottery_play_on_card", url=card_url)
    fields = [
        {
            "key": f"lottery_play_{ticket.id}",
            "label": ticket.title,
            "value": play if ticket.playable else i18n.text(language, "lottery_sold_out"),
        }
        for ticket in view.tickets
    ]
    if (draw := view.last_draw) is not None:
        result = i18n.lottery_result(language, draw.won, draw.variant_title)
        fields.append({"key": "lottery_result", "label": draw.lottery_title, "value": result})
    return fields


def _back_fields(view: PassView, language: str, card_url: str) -> list[dict[str, Any]]:
    design = view.design
    fields = _message_field(view)
    fields += [
        {"key": f"voucher_{v.id}", "label": v.title, "value": _voucher_text(v, language)}
        for v in view.vouchers
    ]
    fields += _lottery_fields(view, language, card_url)
    places = "\n".join(
        ", ".join(part for part in (place.name, place.address) if part) for place in view.places
    )
    optional = (
        ("web_card", card_url),
        ("locations", places),
        ("opening_hours", design.opening_hours),
        ("website", design.website_url),
        ("terms", design.terms),
    )
    fields += [{"key": key, "label": key, "value": value} for key, value in optional if value]
    return fields


def _locations(view: PassView, relevant_text: str) -> list[dict[str, Any]]:
    located = [p for p in view.places if p.latitude is not None and p.longitude is not None]
    return [
        {
            "latitude": place.latitude,
            "longitude": place.longitude,
            "relevantText": f"{place.name}: {relevant_text}",
        }
        for place in located[:MAX_LOCATIONS]
    ]


def pass_json(view: PassView, identity: SigningIdentity, settings: Settings) -> dict[str, Any]:
    language = i18n.language_of(view.language)
    design = view.design
    next_reward = next_reward_text(view, language)
    content: dict[str, Any] = {
        "formatVersion": 1,
        "passTypeIdentifier": identity.pass_type_identifier,
        "teamIdentifier": identity.team_identifier,
        "serialNumber": serial_number(view.business_id, view.card_id),
        "authenticationToken": token_for("apple-pass", view.card_id),
        "webServiceURL": f"{settings.public_url}/passkit",
        "organizationName": design.organization_name,
        "description": view.program_name,
        "logoText": design.organization_name,
        "backgroundColor": rgb(design.background_color),
        "foregroundColor": rgb(design.foreground_color),
        "labelColor": rgb(design.label_color),
        "storeCard": {
            "headerFields": [
                {"key": "stamps", "label": "stamps", "value": f"{view.stamps}/{view.grid_size}"}
            ],
            "secondaryFields": [
                {
                    "key": "next_reward",
                    "label": "next_reward",
                    "value": next_reward,
                    "changeMessage": "%@",
                }
            ],
            "auxiliaryFields": _front_rewards(view),
            "backFields": _back_fields(view, language, _card_url(view, settings)),
        },
        "barcodes": [
            {
                "format": BARCODE_FORMATS[design.barcode_format],
                "message": view.scan_code,
                "messageEncoding": "iso-8859-1",
                "altText": view.scan_code,
            }
        ],
        "locations": _locations(view, next_reward),
    }
    if view.card_expires_at is not None:
        content["expirationDate"] = isoformat_z(view.card_expires_at)
    if view.card_status == "expired" or (
        view.card_expires_at is not None and view.card_expires_at <= utcnow()
    ):
        content["voided"] = True
    return content
