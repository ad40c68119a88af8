"""What each export holds: its columns (the CSV header) and its query, narrowed by time and
location. Rows come in id order (creation order), read from the primary key."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, exists, or_, select

from punchcard.cards.models import Card, Stamp
from punchcard.customers.models import Customer
from punchcard.db.base import table_of
from punchcard.exports.cells import as_text
from punchcard.vouchers.models import Voucher

customers = table_of(Customer)
cards = table_of(Card)
stamps = table_of(Stamp)
vouchers = table_of(Voucher)


@dataclass(frozen=True)
class Filters:
    business_id: str
    created_after: datetime | None = None
    created_before: datetime | None = None
    location_id: str | None = None
    now: datetime | None = None  # cards past their expiry read as expired


@dataclass(frozen=True)
class Export:
    kind: str
    columns: tuple[str, ...]
    query: Select[Any]


def _between(column: Any, filters: Filters) -> list[ColumnElement[bool]]:
    where = []
    if filters.created_after is not None:
        where.append(column >= filters.created_after)
    if filters.created_before is not None:
        where.append(column < filters.created_before)
    return where


def _stamped_at(card_id: Any, filters: Filters) -> ColumnElement[bool]:
    """The card collected stamps at the location (where a customer is a location's)."""
    return exists().where(
        stamps.c.business_id == filters.business_id,
        stamps.c.card_id == card_id,
        stamps.c.location_id == filters.location_id,
    )


def _with_holder(table: Any) -> Any:
    """``table`` with the customer it names (for their source_id: the CRM's id)."""
    return table.outerjoin(
        customers,
        and_(customers.c.business_id == table.c.business_id, customers.c.id == table.c.customer_id),
    )


SOURCE_ID = customers.c.source_id.label("customer_source_id")


def _customers(filters: Filters) -> Select[Any]:
    query = select(
        customers.c.id,
        customers.c.source_id,
        customers.c.email,
        customers.c.phone,
        customers.c.name,
        customers.c.birthday,
        customers.c.language,
        customers.c.marketing_consent,
        customers.c.marketing_consent_at,
        customers.c.metadata,
        customers.c.created_at,
        customers.c.updated_at,
    ).where(
        customers.c.business_id == filters.business_id,
        customers.c.erased_at.is_(None),
        *_between(customers.c.created_at, filters),
    )
    if filters.location_id is not None:
        query = query.where(
            exists().where(
                cards.c.business_id == filters.business_id,
                cards.c.customer_id == customers.c.id,
                _stamped_at(cards.c.id, filters),
            )
        )
    return query.order_by(customers.c.id)


def _cards(filters: Filters) -> Select[Any]:
    expired = and_(cards.c.status == "active", cards.c.expires_at <= filters.now)
    query = (
        select(
            cards.c.id,
            cards.c.program_id,
            cards.c.customer_id,
            SOURCE_ID,
            cards.c.scan_code,
            case((expired, "expired"), else_=cards.c.status).label("status"),
            cards.c.stamps,
            cards.c.lifetime_stamps,
            cards.c.rounds_completed,
            cards.c.issued_at,
            cards.c.expires_at,
            cards.c.last_stamp_at,
        )
        .select_from(_with_holder(cards))
        .where(cards.c.business_id == filters.business_id, *_between(cards.c.issued_at, filters))
    )
    if filters.location_id is not None:
        query = query.where(_stamped_at(cards.c.id, filters))
    return query.order_by(cards.c.id)


def _vouchers(filters: Filters) -> Select[Any]:
    query = select(
        vouchers.c.id,
        vouchers.c.card_id,
        vouchers.c.customer_id,
        SOURCE_ID,
        vouchers.c.template_id,
        vouchers.c.goal_index,
        vouchers.c.title,
        vouchers.c.redeem_code,
        vouchers.c.status,
        vouchers.c.issued_at,
        vouchers.c.expires_at,
        vouchers.c.redeemed_at,
        vouchers.c.redeemed_location_id,
        vouchers.c.redeemed_via,
    ).select_from(_with_holder(vouchers))
    query = query.where(
        vouchers.c.business_id == filters.business_id, *_between(vouchers.c.issued_at, filters)
    )
    if filters.location_id is not None:
        query = query.where(
            or_(
                vouchers.c.redeemed_location_id == filters.location_id,
                _stamped_at(vouchers.c.card_id, filters),
            )
        )
    return query.order_by(vouchers.c.id)


def _redemptions(filters: Filters) -> Select[Any]:
    query = select(
        vouchers.c.id.label("voucher_id"),
        vouchers.c.redeemed_at,
        vouchers.c.redeemed_location_id.label("location_id"),
        vouchers.c.redeemed_staff_id.label("staff_id"),
        vouchers.c.redeemed_via,
        vouchers.c.redeemed_via_detail,
        vouchers.c.redeem_code,
        vouchers.c.title,
        vouchers.c.template_id,
        vouchers.c.card_id,
        vouchers.c.customer_id,
        SOURCE_ID,
    ).select_from(_with_holder(vouchers))
    query = query.where(
        vouchers.c.business_id == filters.business_id,
        vouchers.c.status == "redeemed",
        *_between(vouchers.c.redeemed_at, filters),
    )
    if filters.location_id is not None:
        query = query.where(vouchers.c.redeemed_location_id == filters.location_id)
    return query.order_by(vouchers.c.id)


QUERIES: dict[str, Callable[[Filters], Select[Any]]] = {
    "customers": _customers,
    "cards": _cards,
    "vouchers": _vouchers,
    "redemptions": _redemptions,
}
KINDS = tuple(QUERIES)


def export(kind: str, filters: Filters, dialect: str) -> Export:
    query = QUERIES[kind](filters)
    columns = tuple(column.name for column in query.selected_columns)
    cells = [as_text(column, dialect) for column in query.selected_columns]
    return Export(kind, columns, query.with_only_columns(*cells, maintain_column_froms=True))
