"""Audiences: which customers a filter matches, as ONE SQL statement (nothing is filtered in
Python, so a count over a million cards is one indexed query).

``conditions`` gives the WHERE clauses over ``customers``; card filters become one EXISTS over
the customer's active cards (all of them must hold for the same card), the voucher filter one
EXISTS over their vouchers; consent and reach test the customer's ``channel_flags``
(``channels.flags``), and a wallet's reach then whether the card in it is live. Campaigns
select recipients from it in batches; automations can build their rules on it the same way.
"""

import json
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    cast,
    exists,
    extract,
    func,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.models import Location
from punchcard.campaigns.schemas import Audience, Range
from punchcard.cards.models import Card
from punchcard.channels import flags
from punchcard.channels.adapter import ChannelType
from punchcard.customers.models import Customer
from punchcard.db.base import table_of
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import not_found
from punchcard.programs.models import Program
from punchcard.staff.actor import Actor, Permission
from punchcard.vouchers.models import Voucher

customers = table_of(Customer)
cards = table_of(Card)
vouchers = table_of(Voucher)
# A count's memory for hashing (PostgreSQL's default, 4 MB, spills a million customer ids to
# disk in batches: twice the time); this transaction only.
COUNT_WORK_MEM = "64MB"


def _range(column: Any, bounds: Range | None) -> list[ColumnElement[bool]]:
    if bounds is None:
        return []
    found = []
    if bounds.min is not None:
        found.append(column >= bounds.min)
    if bounds.max is not None:
        found.append(column <= bounds.max)
    return found


def _live_cards(now: datetime) -> list[ColumnElement[bool]]:
    return [cards.c.status == "active", or_(cards.c.expires_at.is_(None), cards.c.expires_at > now)]


def _customers_live_cards(now: datetime) -> list[ColumnElement[bool]]:
    return [
        cards.c.business_id == customers.c.business_id,
        cards.c.customer_id == customers.c.id,
        *_live_cards(now),
    ]


def _card_conditions(audience: Audience) -> list[ColumnElement[bool]]:
    found = [*_range(cards.c.stamps, audience.stamps)]
    found += _range(cards.c.lifetime_stamps, audience.lifetime_stamps)
    if audience.program_id is not None:
        found.append(cards.c.program_id == audience.program_id)
    if audience.last_stamp_before is not None:
        found.append(cards.c.last_stamp_at < audience.last_stamp_before)
    if audience.last_stamp_after is not None:
        found.append(cards.c.last_stamp_at > audience.last_stamp_after)
    if audience.last_stamp_location_id is not None:  # kept on the card by each stamp
        found.append(cards.c.last_stamp_location_id == audience.last_stamp_location_id)
    return found


def _consent(channel: ChannelType) -> ColumnElement[bool]:
    return flags.has(flags.CONSENT[channel])


def _reachable(channel: ChannelType, now: datetime) -> ColumnElement[bool]:
    """The address part of ``channels.reach`` for a marketing message, with its consent."""
    if channel == "email":
        return and_(customers.c.email.is_not(None), _consent(channel))
    if channel == "wallet":
        held = exists().where(*_customers_live_cards(now), cards.c.in_wallet)
        return and_(_consent(channel), held)
    return flags.has(flags.CONSENT[channel] | flags.LINKED[channel])


def _metadata(dialect: str, key: str, value: Any) -> ColumnElement[bool]:
    column = customers.c.metadata
    if dialect == "postgresql":  # containment: one JSONB operator, GIN-indexable
        return column.op("@>")(cast(literal(json.dumps({key: value})), JSONB))
    path = f'$."{key}"'
    kind = func.json_type(column, path)
    if isinstance(value, bool):
        return kind == ("true" if value else "false")
    typed = kind == "text" if isinstance(value, str) else kind.in_(("integer", "real"))
    return and_(typed, func.json_extract(column, path) == value)


def _language(tag: str) -> ColumnElement[bool]:
    tag = tag.lower()
    language = func.lower(customers.c.language)
    return or_(language == tag, language.like(f"{tag}-%"))


def conditions(
    business_id: str, audience: Audience, dialect: str, now: datetime | None = None
) -> list[ColumnElement[bool]]:
    """WHERE clauses over ``customers`` selecting the audience."""
    now = now or utcnow()
    found: list[ColumnElement[bool]] = [customers.c.business_id == business_id]
    card = _card_conditions(audience)
    if card:
        found.append(exists().where(*_customers_live_cards(now), *card))
    return found + _customer_conditions(audience, dialect, now)


def _customer_conditions(
    audience: Audience, dialect: str, now: datetime
) -> list[ColumnElement[bool]]:
    """The filters on the customer (their row, vouchers and channels), not on a card."""
    found = []
    if audience.birthday_month is not None:
        found.append(extract("month", customers.c.birthday) == audience.birthday_month)
    if audience.languages:
        found.append(or_(*(_language(tag) for tag in audience.languages)))
    for key, value in (audience.metadata or {}).items():
        found.append(_metadata(dialect, key, value))
    if audience.consent is not None:
        found.append(_consent(audience.consent))
    if audience.reachable_on is not None:
        found.append(_reachable(audience.reachable_on, now))
    if audience.has_unredeemed_voucher is not None:
        held = exists().where(
            vouchers.c.business_id == customers.c.business_id,
            vouchers.c.customer_id == customers.c.id,
            vouchers.c.status == "issued",
            or_(vouchers.c.expires_at.is_(None), vouchers.c.expires_at > now),
        )
        found.append(held if audience.has_unredeemed_voucher else ~held)
    return found


def count_statement(
    business_id: str, audience: Audience, dialect: str, now: datetime | None = None
) -> Select[int]:
    """How many customers the audience holds, as one statement. An audience of one program
    with no filter on the customer counts the program's matching cards instead: a customer
    holds at most one active card per program (``uq_cards_active_per_customer``), so that is
    the same number, without joining the million customers to their cards."""
    now = now or utcnow()
    if audience.program_id is not None and not _customer_conditions(audience, dialect, now):
        held = [cards.c.business_id == business_id, *_live_cards(now)]
        return select(func.count()).where(*held, *_card_conditions(audience))
    where = conditions(business_id, audience, dialect, now)
    return select(func.count()).select_from(customers).where(*where)


def members(business_id: str, audience: Audience, dialect: str) -> Select[tuple[str]]:
    """The audience's customer ids."""
    return select(customers.c.id).where(*conditions(business_id, audience, dialect))


async def check_references(session: AsyncSession, business_id: str, audience: Audience) -> None:
    """The program and location an audience names are this business's (404 naming it)."""
    program = audience.program_id
    if program is not None and await session.get(Program, (business_id, program)) is None:
        raise not_found("program", program)
    location = audience.last_stamp_location_id
    if location is not None and await session.get(Location, (business_id, location)) is None:
        raise not_found("location", location)


async def count(session: AsyncSession, actor: Actor, audience: Audience) -> int:
    """How many customers the audience holds right now."""
    actor.require(Permission.CAMPAIGNS_MANAGE)
    await check_references(session, actor.business_id, audience)
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":  # the filters' hash joins over a million rows fit in memory
        await session.execute(text(f"SET LOCAL work_mem = '{COUNT_WORK_MEM}'"))
    statement = count_statement(actor.business_id, audience, dialect)
    return int((await session.execute(statement)).scalar_one())
