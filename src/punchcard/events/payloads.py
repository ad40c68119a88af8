"""Event payloads: the keys and meanings of the webhook body in PRODUCT.md, built in one place."""

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, case, func, literal_column, null

from punchcard.kit.clock import isoformat_z
from punchcard.kit.ids import new_id
from punchcard.kit.requestcontext import current_request_id

Part = dict[str, Any]


CUSTOMER_KEYS = ("id", "source_id", "wallet_pass_id", "language")
CARD_KEYS = ("id", "program_id", "scan_code", "stamps", "lifetime_stamps", "goal_index")


def customer_part(customer_id: str, source_id: str | None, language: str | None) -> Part:
    # wallet_pass_id stays null until the customer saves the card to a wallet.
    return dict(zip(CUSTOMER_KEYS, (customer_id, source_id, None, language), strict=True))


def card_part(
    card_id: str, program_id: str, scan_code: str, stamps: int, lifetime: int, goal_index: int
) -> Part:
    values = (card_id, program_id, scan_code, stamps, lifetime, goal_index)
    return dict(zip(CARD_KEYS, values, strict=True))


def _jsonb_object(keys: tuple[str, ...], values: tuple[Any, ...]) -> Any:
    pairs: list[Any] = []
    for key, value in zip(keys, values, strict=True):
        pairs += (literal_column(f"'{key}'"), value)
    return func.jsonb_build_object(*pairs)


def customer_part_sql(customer_id: Any, source_id: Any, language: Any) -> Any:
    """``customer_part`` as a PostgreSQL expression over columns, for a statement that writes
    its own event (the hot paths)."""
    return _jsonb_object(CUSTOMER_KEYS, (customer_id, source_id, null(), language))


def card_part_sql(
    card_id: Any, program_id: Any, scan_code: Any, stamps: Any, lifetime: Any, goal_index: Any
) -> Any:
    """``card_part`` as a PostgreSQL expression over columns."""
    return _jsonb_object(CARD_KEYS, (card_id, program_id, scan_code, stamps, lifetime, goal_index))


VOUCHER_KEYS = (
    "id",
    "type",
    "title",
    "template_id",
    "goal_index",
    "redeem_code",
    "redeem_code_formats",
    "status",
    "expires_at",
    "redeemed_at",
    "redeemed_via",
    "redeemed_via_detail",
    "lottery_id",
)


def voucher_part(voucher: Any) -> Part:
    def when(value: datetime | None) -> str | None:
        return isoformat_z(value) if value else None

    return dict(
        zip(
            VOUCHER_KEYS,
            (
                voucher.id,
                voucher.type,
                voucher.title,
                voucher.template_id,
                voucher.goal_index,
                voucher.redeem_code,
                list(voucher.formats),
                voucher.status,
                when(voucher.expires_at),
                when(voucher.redeemed_at),
                voucher.redeemed_via,
                voucher.redeemed_via_detail,
                voucher.lottery_id,
            ),
            strict=True,
        )
    )


def isoformat_z_sql(value: Any) -> Any:
    """PostgreSQL: ``isoformat_z`` of a timestamp column (microseconds only when not zero)."""
    utc = func.timezone("UTC", value)
    fraction = case(
        (func.date_part("microseconds", value).cast(Integer) % 1_000_000 == 0, ""),
        else_=func.to_char(utc, ".US"),
    )
    return func.to_char(utc, 'YYYY-MM-DD"T"HH24:MI:SS').concat(fraction).concat("Z")


def voucher_part_sql(voucher: Any, redeemed_at: Any) -> Any:
    """``voucher_part`` as a PostgreSQL expression over a vouchers row (``redeemed_at``: the
    text the statement sets it to)."""
    c = voucher.c
    expires_at = isoformat_z_sql(c.expires_at)
    values: tuple[Any, ...] = (c.id, c.type, c.title, c.template_id, c.goal_index)
    values += (c.redeem_code, c.formats)
    values += (c.status, expires_at, redeemed_at, c.redeemed_via, c.redeemed_via_detail)
    return _jsonb_object(VOUCHER_KEYS, (*values, c.lottery_id))


# The columns ``event_row`` fills (dispatched_at is the dispatcher's).
EVENT_ROW_KEYS = (
    "business_id",
    "id",
    "type",
    "created_at",
    "location_id",
    "customer_id",
    "card_id",
    "voucher_id",
    "payload",
)


def event_row(
    event_type: str,
    *,
    business_id: str,
    at: datetime,
    location_id: str | None,
    staff_id: str | None,
    customer: Part | None,
    card: Part | None = None,
    voucher: Part | None = None,
    **details: Any,
) -> dict[str, Any]:
    """A row for the events table; its payload is exactly what subscribers will receive. It
    names the API request that caused it (None: a background job's), to trace it by."""
    event_id = new_id("evt")
    payload = {
        "event": event_type,
        "id": event_id,
        "timestamp": isoformat_z(at),
        "business_id": business_id,
        "location_id": location_id,
        "staff_id": staff_id,
        "customer": customer,
        "card": card,
        "voucher": voucher,
        "request_id": current_request_id(),
        **details,
    }
    return {
        "business_id": business_id,
        "id": event_id,
        "type": event_type,
        "created_at": at,
        "location_id": location_id,
        "customer_id": customer["id"] if customer else None,
        "card_id": card["id"] if card else None,
        "voucher_id": voucher["id"] if voucher else None,
        "payload": payload,
    }
