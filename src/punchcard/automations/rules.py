"""Who an automation matches in a period, as ONE SQL statement per kind, and the set-based
batch that records them: ``INSERT INTO automation_runs SELECT ... ON CONFLICT DO NOTHING
RETURNING``, so the unique (automation, customer, period) row, not a prior read, decides who
is acted on, however many workers scan.

Each kind reads an index: birthdays by month and day; cards by last activity (inactivity) or
issue time (welcome); open vouchers by issue time or expiry (reminders). A matched customer
holds a live card (of the program, when the automation has one) and passes its audience."""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    String,
    and_,
    exists,
    extract,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    true,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.automations.models import (
    Automation,
    AutomationRun,
    cards,
    customers,
    last_activity,
    vouchers,
)
from punchcard.automations.schedule import Period, birthday_target
from punchcard.campaigns import audiences
from punchcard.campaigns.schemas import Audience
from punchcard.db.base import table_of

runs = table_of(AutomationRun)
# In the words of the partial indexes (automations.models), so a generic plan uses them too.
ACTIVE = literal_column("'active'", String)
ISSUED = literal_column("'issued'", String)
# A card committed a little after a welcome scan passed its issue time is still seen by the
# next scan: each looks this far back (the run rows keep it from being welcomed twice), but
# never to before the automation started.
WELCOME_OVERLAP = timedelta(minutes=10)


def _iso(moment: Any, dialect: str) -> Any:
    """A stored time as ISO 8601 text in UTC with microseconds and Z, on either database: the
    inactivity period's key (so both spell the same spell the same way)."""
    if dialect == "postgresql":
        utc = func.timezone("UTC", moment)
        return func.to_char(utc, literal('YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    # SQLite keeps times as "YYYY-MM-DD HH:MM:SS.ffffff" (UTC).
    return func.replace(moment, " ", "T", type_=String) + "Z"


def _live(table: Any, now: datetime) -> list[ColumnElement[bool]]:
    return [table.c.status == ACTIVE, or_(table.c.expires_at.is_(None), table.c.expires_at > now)]


def _holder(table: Any, automation: Automation, now: datetime) -> list[ColumnElement[bool]]:
    """``table`` (cards) is a live card of the customer, of the automation's program if any."""
    found = [
        table.c.business_id == customers.c.business_id,
        table.c.customer_id == customers.c.id,
        *_live(table, now),
    ]
    if automation.program_id is not None:
        found.append(table.c.program_id == automation.program_id)
    return found


def _welcome(automation: Automation, period: Period, now: datetime) -> Select[Any]:
    card = cards.alias("card")
    return (
        select(
            customers.c.id.label("customer_id"),
            card.c.id.label("card_id"),
            null().label("reminded_voucher_id"),
            card.c.program_id.label("period"),
        )
        .select_from(customers)
        .join(card, and_(*_holder(card, automation, now)))
        .where(
            card.c.business_id == automation.business_id,
            card.c.issued_at > max(period.start - WELCOME_OVERLAP, automation.started_at),
            card.c.issued_at <= period.end,
        )
    )


def _newest_card(automation: Automation, now: datetime) -> Any:
    """The customer's newest live card (of the program): what a birthday message talks about."""
    card = cards.alias("newest")
    return (
        select(card.c.id)
        .where(*_holder(card, automation, now))
        .order_by(card.c.issued_at.desc())
        .limit(1)
        .scalar_subquery()
    )


def _birthday(automation: Automation, period: Period, now: datetime) -> Select[Any]:
    assert period.day is not None
    assert automation.days_before is not None
    _, (year, month, days) = birthday_target(period.day, automation.days_before)
    card_id = _newest_card(automation, now)
    return (
        select(
            customers.c.id.label("customer_id"),
            card_id.label("card_id"),
            null().label("reminded_voucher_id"),
            literal(str(year)).label("period"),
        )
        .select_from(customers)
        .where(
            customers.c.business_id == automation.business_id,
            extract("month", customers.c.birthday) == month,
            extract("day", customers.c.birthday).in_(days),
            card_id.is_not(None),
        )
    )


def _inactivity(automation: Automation, period: Period, now: datetime, dialect: str) -> Select[Any]:
    """Cards whose last activity fell ``days`` before the period, unless the customer has a
    later one on another card: the customer's spell, keyed by its start."""
    assert automation.days is not None
    card, later = cards.alias("card"), cards.alias("later")
    activity = last_activity(card)
    busier = exists().where(*_holder(later, automation, now), last_activity(later) > activity)
    gap = timedelta(days=automation.days)
    return (
        select(
            customers.c.id.label("customer_id"),
            card.c.id.label("card_id"),
            null().label("reminded_voucher_id"),
            _iso(activity, dialect).label("period"),
        )
        .select_from(customers)
        .join(card, and_(*_holder(card, automation, now)))
        .where(
            card.c.business_id == automation.business_id,
            activity > period.start - gap,
            activity <= period.end - gap,
            ~busier,
        )
    )


def _reminder(automation: Automation, period: Period, now: datetime) -> Select[Any]:
    """Open vouchers not redeemed ``days`` after issue, or expiring within ``days``."""
    assert automation.days is not None
    gap = timedelta(days=automation.days)
    voucher, card = vouchers.alias("voucher"), cards.alias("card")
    if automation.reminder == "unredeemed":
        due = [voucher.c.issued_at > period.start - gap, voucher.c.issued_at <= period.end - gap]
    else:
        due = [voucher.c.expires_at <= period.end + gap]
    holds = _holder(card, automation, now)
    if automation.program_id is not None:  # the voucher's own card is of the program
        holds.append(card.c.id == voucher.c.card_id)
    return (
        select(
            customers.c.id.label("customer_id"),
            voucher.c.card_id.label("card_id"),
            voucher.c.id.label("reminded_voucher_id"),
            voucher.c.id.label("period"),
        )
        .select_from(customers)
        .join(
            voucher,
            and_(
                voucher.c.business_id == customers.c.business_id,
                voucher.c.customer_id == customers.c.id,
            ),
        )
        .where(
            voucher.c.business_id == automation.business_id,
            voucher.c.status == ISSUED,
            voucher.c.type == "voucher",
            or_(voucher.c.expires_at.is_(None), voucher.c.expires_at > now),
            *due,
            exists().where(*holds),
        )
    )


def matches(automation: Automation, period: Period, now: datetime, dialect: str) -> Select[Any]:
    """The customers the automation acts on in ``period`` that it has not acted on yet, and
    its audience admits: (customer_id, card_id, reminded_voucher_id, period)."""
    if automation.kind == "birthday":
        query = _birthday(automation, period, now)
    elif automation.kind == "inactivity":
        query = _inactivity(automation, period, now, dialect)
    elif automation.kind == "reward_reminder":
        query = _reminder(automation, period, now)
    else:
        query = _welcome(automation, period, now)
    if automation.audience:  # over ``customers``, which every kind selects from
        audience = Audience.model_validate(automation.audience)
        query = query.where(*audiences.conditions(automation.business_id, audience, dialect, now))
    candidate = query.subquery("candidate")
    done = exists().where(
        runs.c.business_id == automation.business_id,
        runs.c.automation_id == automation.id,
        runs.c.customer_id == candidate.c.customer_id,
        runs.c.period == candidate.c.period,
    )
    return select(candidate).where(~done)


async def any_match(
    session: AsyncSession, automation: Automation, period: Period, now: datetime
) -> bool:
    dialect = session.get_bind().dialect.name
    found = await session.execute(matches(automation, period, now, dialect).limit(1))
    return found.first() is not None


def _run_id(dialect: str, now: datetime) -> Any:
    """A run id made by the database for rows inserted from a SELECT: the time (ms, hex) first,
    so the log's newest-first order is creation order, then random."""
    prefix = literal(f"arun_{int(now.timestamp() * 1000):012x}")
    if dialect == "postgresql":
        uuid = func.replace(func.cast(func.gen_random_uuid(), postgresql.TEXT), "-", "")
        return prefix + func.substr(uuid, 1, 20)
    return prefix + func.lower(func.hex(func.randomblob(10)))


RUN_COLUMNS = (
    "id",
    "business_id",
    "automation_id",
    "customer_id",
    "card_id",
    "reminded_voucher_id",
    "period",
    "status",
    "created_at",
)


async def record_batch(
    session: AsyncSession, automation: Automation, period: Period, now: datetime, batch: int
) -> list[Row[Any]]:
    """Up to ``batch`` new runs of the period, inserted in one statement (the constraint drops
    any another worker recorded first); the rows inserted, to act on in this transaction."""
    dialect = session.get_bind().dialect.name
    found = matches(automation, period, now, dialect).limit(batch).subquery("found")
    rows = select(
        _run_id(dialect, now),
        literal(automation.business_id),
        literal(automation.id),
        found.c.customer_id,
        found.c.card_id,
        found.c.reminded_voucher_id,
        found.c.period,
        literal("pending"),
        literal(now, runs.c.created_at.type),
    ).where(true())  # SQLite reads "SELECT ... ON CONFLICT" as a join without a WHERE
    dml = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        dml(runs)
        .from_select(list(RUN_COLUMNS), rows)
        .on_conflict_do_nothing()
        .returning(
            runs.c.id,
            runs.c.customer_id,
            runs.c.card_id,
            runs.c.reminded_voucher_id,
            runs.c.period,
        )
    )
    return list((await session.execute(statement)).all())
