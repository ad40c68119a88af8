"""A card as Google Wallet shows it: pure builders from a ``PassView``.

A loyalty class per program (the look, shared by its cards) and a loyalty object per card (the
stamps, scan code, next reward and vouchers, in the customer's language). Every field we own is
always sent, so a PATCH with a fresh object leaves nothing stale behind.
"""

import hashlib
import re
from typing import Any

from punchcard.kit.clock import isoformat_z
from punchcard.wallet import web_link
from punchcard.wallet.i18n import language_of, lottery_result, stamps_to_reward, text
from punchcard.wallet.view import Design, PassView, VoucherLine

# Google ids are "<issuer id>.<identifier>", the identifier made of these characters only.
NOT_IN_ID = re.compile(r"[^A-Za-z0-9._-]")
BARCODE_TYPES = {"qr": "QR_CODE", "code128": "CODE_128", "pdf417": "PDF_417", "aztec": "AZTEC"}


def class_id(issuer_id: str, business_id: str, program_id: str) -> str:
    return f"{issuer_id}.{NOT_IN_ID.sub('_', f'{business_id}-{program_id}')}"


def object_id(issuer_id: str, card_id: str) -> str:
    return f"{issuer_id}.{NOT_IN_ID.sub('_', card_id)}"


CALLBACK_PATH = "/wallet/google/callbacks"  # where Google says a card was saved or deleted


def business_of_class(class_identifier: str) -> str:
    """The business of one of our class ids (``<issuer>.<business_id>-<program_id>``)."""
    return class_identifier.partition(".")[2].partition("-")[0]


def card_of_object(object_identifier: str) -> str:
    return object_identifier.partition(".")[2]


def logo_path(business_id: str, program_id: str) -> str:
    """Where the program's logo is served publicly (Google fetches it from there)."""
    return f"/wallet/google/programs/{business_id}/{program_id}/logo.png"


def logo_version(design: Design) -> str:
    """Changes with the logo served (the design's or business's image, else an initial on the
    design's colours), so a class update makes Google fetch the new one, not its cached copy."""
    drawn = (
        design.logo_png
        or repr(
            (design.organization_name, design.background_color, design.foreground_color)
        ).encode()
    )
    return hashlib.blake2b(drawn, digest_size=6).hexdigest()


def loyalty_class(view: PassView, *, issuer_id: str, public_url: str) -> dict[str, Any]:
    return {
        "id": class_id(issuer_id, view.business_id, view.program_id),
        "issuerName": view.design.organization_name,
        "programName": view.program_name,
        "programLogo": {
            "sourceUri": {
                "uri": f"{public_url}{logo_path(view.business_id, view.program_id)}"
                f"?v={logo_version(view.design)}"
            },
            "contentDescription": {
                "defaultValue": {"language": "en", "value": view.design.organization_name}
            },
        },
        "hexBackgroundColor": view.design.background_color,
        "callbackOptions": {"url": public_url + CALLBACK_PATH},
        "reviewStatus": "UNDER_REVIEW",  # what Google asks on every insert and update
        "locations": [
            {"latitude": place.latitude, "longitude": place.longitude}
            for place in view.places
            if place.latitude is not None and place.longitude is not None
        ],
    }


def _links(view: PassView, language: str, card_url: str) -> list[dict[str, str]]:
    """The web card (where lottery tickets are played, too) and the business's website."""
    links = [{"id": "web_card", "uri": card_url, "description": text(language, "web_card")}]
    if view.design.website_url:
        website = view.design.website_url
        links.append({"id": "website", "uri": website, "description": text(language, "website")})
    return links


def loyalty_object(view: PassView, *, issuer_id: str, public_url: str) -> dict[str, Any]:
    language = language_of(view.language)
    card_url = public_url + web_link.path(view.business_id, view.card_id, view.web_link_nonce)
    body: dict[str, Any] = {
        "id": object_id(issuer_id, view.card_id),
        "classId": class_id(issuer_id, view.business_id, view.program_id),
        "state": "ACTIVE" if view.card_status == "active" else "EXPIRED",
        "accountId": view.customer_id,
        "accountName": view.customer_name or text(language, "member"),
        "loyaltyPoints": {
            "label": text(language, "stamps"),
            "balance": {"int": view.stamps},
        },
        "secondaryLoyaltyPoints": {
            "label": text(language, "next_reward"),
            "balance": (
                {"int": view.stamps_to_next_goal}
                if view.stamps_to_next_goal is not None
                else {"string": text(language, "all_rewards_reached")}
            ),
        },
        "barcode": {
            "type": BARCODE_TYPES.get(view.design.barcode_format, "QR_CODE"),
            "value": view.scan_code,
            "alternateText": view.scan_code,
        },
        "messages": _messages(view, language),
        "textModulesData": [
            _next_reward(view, language),
            *(_voucher(voucher, language) for voucher in view.vouchers),
            *_lottery(view, language, card_url),
        ],
        "linksModuleData": {"uris": _links(view, language, card_url)},
    }
    if view.card_expires_at is not None:
        body["validTimeInterval"] = {"end": {"date": isoformat_z(view.card_expires_at)}}
    return body


def _messages(view: PassView, language: str) -> list[dict[str, str]]:
    """The latest message (wallet push), shown on the card and as an Android notification; the
    same id on every later update, so Google sees one message, not a new one each time."""
    if view.message is None:
        return []
    return [
        {
            "id": NOT_IN_ID.sub("_", view.message.key),
            "header": view.message.header or text(language, "news"),
            "body": view.message.body,
            "messageType": "TEXT_AND_NOTIFY",
        }
    ]


def _lottery(view: PassView, language: str, card_url: str) -> list[dict[str, str]]:
    """Each ticket to play, and the latest result."""
    play = text(language, "lottery_play_on_card", url=card_url)
    modules = [
        {
            "id": NOT_IN_ID.sub("_", ticket.id),
            "header": f"{text(language, 'lottery_ticket')}: {ticket.title}",
            "body": play if ticket.playable else text(language, "lottery_sold_out"),
        }
        for ticket in view.tickets
    ]
    if (draw := view.last_draw) is not None:
        result = lottery_result(language, draw.won, draw.variant_title)
        modules.append({"id": "lottery_result", "header": draw.lottery_title, "body": result})
    return modules


def _next_reward(view: PassView, language: str) -> dict[str, str]:
    if view.stamps_to_next_goal is None or view.next_goal_title is None:
        body = text(language, "all_rewards_reached")
    else:
        body = stamps_to_reward(language, view.stamps_to_next_goal, view.next_goal_title)
    return {"id": "next_reward", "header": text(language, "next_reward"), "body": body}


def _voucher(voucher: VoucherLine, language: str) -> dict[str, str]:
    lines = [f"{text(language, 'redeem_code')}: {voucher.redeem_code}"]
    if voucher.description:
        lines.insert(0, voucher.description)
    if voucher.expires_at is not None:
        lines.append(text(language, "valid_until", date=voucher.expires_at.date().isoformat()))
    return {
        "id": NOT_IN_ID.sub("_", voucher.id),
        "header": f"{text(language, 'reward_ready')}: {voucher.title}",
        "body": "\n".join(lines),
    }
