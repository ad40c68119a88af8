"""Finding a customer from one search box: part of a name, or exactly an email address, a phone
number, a source id, a card's scan code or id, or a customer id. One query whose every branch
has an index (on PostgreSQL, names use a trigram index, migration 0020); what was typed
decides the branches (an email address is never looked for among names)."""

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards.models import Card
from punchcard.cards.service import normalize_scan_code
from punchcard.config import get_settings
from punchcard.customers.repository import customers
from punchcard.db.base import table_of
from punchcard.staff.actor import Actor, Permission

cards = table_of(Card)
MAX_TYPED = 200


def _e164(typed: str) -> str | None:
    import phonenumbers  # here: only a phone number typed into the search needs it (1 MB)

    try:
        number = phonenumbers.parse(typed, get_settings().default_phone_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _like_part(typed: str) -> str:
    escaped = typed.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def search_customers(
    session: AsyncSession, actor: Actor, typed: str, *, limit: int = 25
) -> list[Any]:
    """Matching customers, newest first (nothing typed: the newest)."""
    actor.require(Permission.CUSTOMERS_READ)
    typed = typed.strip()[:MAX_TYPED]
    query = select(customers).where(
        customers.c.business_id == actor.business_id, customers.c.erased_at.is_(None)
    )
    if typed:
        # The card first, on its own: an IN over a subquery would keep PostgreSQL from
        # combining the other branches' indexes (a BitmapOr) and scan every customer.
        holders = await session.scalars(
            select(cards.c.customer_id).where(
                cards.c.business_id == actor.business_id,
                or_(cards.c.scan_code == normalize_scan_code(typed), cards.c.id == typed),
            )
        )
        matches = [customers.c.source_id == typed, customers.c.id.in_([typed, *holders])]
        phone = _e164(typed)
        if "@" in typed:
            matches.append(customers.c.email == typed.lower())
        elif phone is not None:
            matches.append(customers.c.phone == phone)
        elif any(character.isalpha() for character in typed):
            # Only what may be a name searches names: the trigram index is the costly branch.
            matches.append(func.lower(customers.c.name).like(_like_part(typed), escape="\\"))
        query = query.where(or_(*matches))
    rows = await session.execute(query.order_by(customers.c.id.desc()).limit(limit))
    return list(rows.all())
