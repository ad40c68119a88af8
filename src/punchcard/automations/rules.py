"""Who an automation matches in a period, as ONE SQL statement per kind, and the set-based
batch that records them.

A scan walks its period's candidates in the order of the index the kind reads (birthdays by
month, day and customer; cards by last activity or issue time; open vouchers by issue time or
expiry), a batch at a time from where the last one stopped, so each batch costs what it
holds. A batch's rows go into the run table with ``INSERT ... SELECT ... ON CONFLICT DO
NOTHING RETURNING``: the unique (automation, customer, period) row, not a prior read, decides
who is acted on, however many workers scan (candidates that have a run are left out already;
one recorded meanwhile by another worker is dropped by the constraint).

A matched customer holds a live card (of the program, when the automation has one) and
passes its audience."""

from collections.abc import Sequence
from dataclasses import dataclass
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
    tuple_,
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
from punchcard.kit.sql import rows_table

runs = table_of(AutomationRun)
# In the words of the partial indexes (automations.models), so a generic plan uses them too.
ACTIVE = literal_column("'active'", String)
ISSUED = literal_column("'issued'", String)
# A card committed a little after a welcome scan passed its issue time is still seen by the
# next scan: each looks this far back (the run rows keep it from being welcomed twice), but
# never to before the automation started.
WELCOME_OVERLAP = timedelta(minutes=10)
Cursor = tuple[Any, ...]  # the order columns' values of the last candidate a batch took


@dataclass(frozen=True)
class Candidates:
    """A kind's candidates: a query over ``customers`` (joined to what the kind reads) with
    the columns of a run, and the columns that order them (an index's)."""

    query: Select[Any]
    period: ColumnElement[Any]
    order: tuple[ColumnElement[Any], ...]


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


def _columns(
    card_id: Any, reminded: Any, period: ColumnElement[Any]
) -> tuple[ColumnElement[Any], ...]:
    return (
        customers.c.id.label("customer_id"),
        card_id.label("card_id"),
        reminded.label("reminded_voucher_id"),
        period.label("period"),
    )


def _welcome(automation: Automation, period: Period, now: datetime) -> Candidates:
    card = cards.alias("card")
    query = (
        select(*_columns(card.c.id, null(), card.c.program_id))
        .select_from(customers)
        .join(card, and_(*_holder(card, automation, now)))
        .where(
            card.c.business_id == automation.business_id,
            card.c.issued_at > max(period.start - WELCOME_OVERLAP, automation.started_at),
            card.c.issued_at <= period.end,
        )
    )
    return Candidates(query, card.c.program_id, (card.c.issued_at, card.c.id))


def _birthday(automation: Automation, period: Period, now: datetime) -> Candidates:
    """Customers born on the day's birthdays, with their newest live card (the message's)."""
    assert period.day is not None
    assert automation.days_before is not None
    _, (year, month, days) = birthday_target(period.day, automation.days_before)
    card, newer = cards.alias("card"), cards.alias("newer")
    newest = ~exists().where(*_holder(newer, automation, now), newer.c.issued_at > card.c.issued_at)
    key = literal(str(year), String)
    query = (
        select(*_columns(card.c.id, null(), key))
        .select_from(customers)
        .join(card, and_(*_holder(card, automation, now)))
        .where(
            customers.c.business_id == automation.business_id,
            extract("month", customers.c.birthday) == month,
            extract("day", customers.c.birthday).in_(days),
            newest,
        )
    )
    return Candidates(query, key, (customers.c.id,))


def _inactivity(automation: Automation, period: Period, now: datetime, dialect: str) -> Candidates:
    """Cards whose last activity fell ``days`` before the period, unless the customer has a
    later one on another card: the customer's spell, keyed by its start."""
    assert automation.days is not None
    card, later = cards.alias("card"), cards.alias("later")
    activity = last_activity(card)
    busier = exists().where(*_holder(later, automation, now), last_activity(later) > activity)
    gap = timedelta(days=automation.days)
    spell = _iso(activity, dialect)
    query = (
        select(*_columns(card.c.id, null(), spell))
        .select_from(customers)
        .join(card, and_(*_holder(card, automation, now)))
        .where(
            card.c.business_id == automation.business_id,
            activity > period.start - gap,
            activity <= period.end - gap,
            ~busier,
        )
    )
    return Candidates(query, spell, (activity, card.c.id))


def _reminder(automation: Automation, period: Period, now: datetime) -> Candidates:
    """Open vouchers not redeemed ``days`` after issue, or expiring within ``days``."""
    assert automation.days is not None
    gap = timedelta(days=automation.days)
    voucher, card = vouchers.alias("voucher"), cards.alias("card")
    if automation.reminder == "unredeemed":
        due = [voucher.c.issued_at > period.start - gap, voucher.c.issued_at <= period.end - gap]
        order = (voucher.c.issued_at, voucher.c.id)
    else:
        due = [voucher.c.expires_at <= period.end + gap]
        order = (voucher.c.expires_at, voucher.c.id)
    holds = _holder(card, automation, now)
    if automation.program_id is not None:  # the voucher's own card is of the program
        holds.append(card.c.id == voucher.c.card_id)
    query = (
        select(*_columns(voucher.c.card_id, voucher.c.id, voucher.c.id))
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
    return Candidates(query, voucher.c.id, order)


def _candidates(automation: Automation, period: Period, now: datetime, dialect: str) -> Candidates:
    if automation.kind == "birthday":
        return _birthday(automation, period, now)
    if automation.kind == "inactivity":
        return _inactivity(automation, period, now, dialect)
    if automation.kind == "reward_reminder":
        return _reminder(automation, period, now)
    return _welcome(automation, period, now)


def matches(
    automation: Automation,
    period: Period,
    now: datetime,
    dialect: str,
    after: Cursor | None = None,
) -> Select[Any]:
    """The candidates of ``period`` the automation has not acted on yet and its audience
    admits, in index order from ``after``: (customer_id, card_id, reminded_voucher_id, period,
    then the order columns k0, k1, ...)."""
    found = _candidates(automation, period, now, dialect)
    done = exists().where(
        runs.c.business_id == automation.business_id,
        runs.c.automation_id == automation.id,
        runs.c.customer_id == customers.c.id,
        runs.c.period == found.period,
    )
    query = found.query.add_columns(
        *(column.label(f"k{n}") for n, column in enumerate(found.order))
    ).where(~done)
    if automation.audience:  # over ``customers``, which every kind selects from
        audience = Audience.model_validate(automation.audience)
        query = query.where(*audiences.conditions(automation.business_id, audience, dialect, now))
    if after is not None:  # bound as the columns are (times as the database keeps them)
        bound = [literal(value, c.type) for value, c in zip(after, found.order, strict=True)]
        query = query.where(tuple_(*found.order) > tuple_(*bound))
    return query.order_by(*found.order)


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


CANDIDATE = ("customer_id", "card_id", "reminded_voucher_id", "period")
RUN_COLUMNS = ("id", "business_id", "automation_id", *CANDIDATE, "status", "created_at")


@dataclass(frozen=True)
class Batch:
    recorded: list[Row[Any]]  # the runs inserted: act on these
    cursor: Cursor | None  # where the next batch starts (None: the period has no one left)


async def record_batch(
    session: AsyncSession,
    automation: Automation,
    period: Period,
    now: datetime,
    size: int,
    after: Cursor | None = None,
) -> Batch:
    """The next ``size`` candidates after ``after``, recorded as runs in one statement (the
    constraint drops any another worker recorded first)."""
    dialect = session.get_bind().dialect.name
    page: Sequence[Row[Any]] = (
        await session.execute(matches(automation, period, now, dialect, after).limit(size))
    ).all()
    if not page:
        return Batch([], None)
    taken = rows_table(session, runs, CANDIDATE, [tuple(row[:4]) for row in page])
    rows = select(
        _run_id(dialect, now),
        literal(automation.business_id),
        literal(automation.id),
        *(taken.c[name] for name in CANDIDATE),
        literal("pending"),
        literal(now, runs.c.created_at.type),
    ).where(true())  # SQLite reads "SELECT ... ON CONFLICT" as a join without a WHERE
    dml = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        dml(runs)
        .from_select(list(RUN_COLUMNS), rows)
        .on_conflict_do_nothing()
        .returning(*(runs.c[name] for name in ("id", *CANDIDATE)))
    )
    recorded = list((await session.execute(statement)).all())
    cursor: Cursor | None = tuple(page[-1][4:]) if len(page) == size else None
    return Batch(recorded, cursor)
