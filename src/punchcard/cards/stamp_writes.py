"""A stamp's writes once its card is bumped (and locked): the card's new round when the stamp
completed one, the reward voucher of the goal it reached, its ledger row and its events.

PostgreSQL: one statement, each write a data-modifying CTE, the events one array per column
(any number, one statement text). With a voucher, every other write depends on the voucher
going in: when its code is taken, the statement writes nothing and answers False, and the
caller draws another code (``vouchers.service.insert_voucher``). SQLite has no data-modifying
CTEs: one statement each, the voucher first.

With a ``Bump`` the statement makes the stamp itself too, outside any transaction: the card
read by an earlier statement is bumped only if it still stands as read and the caller's key
still holds, and every other write depends on the bump. A taken code then fails the whole
statement (nothing to roll back: it was the transaction), which answers False as well.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Integer, String, bindparam, insert, select, true, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.base import Executable

from punchcard.cards.models import Stamp
from punchcard.cards.repository import cards, live
from punchcard.db.base import table_of
from punchcard.events import service as events
from punchcard.events.models import Event
from punchcard.events.payloads import EVENT_ROW_KEYS
from punchcard.kit.db import first_and_only_write
from punchcard.kit.sql import Statements, array_rows
from punchcard.staff import key_check
from punchcard.vouchers.service import insert_alone, vouchers

stamps_ledger = table_of(Stamp)
events_table = table_of(Event)
LEDGER_KEYS = tuple(stamps_ledger.c.keys())
# What ``vouchers.service.from_template`` fills; the rest are the table's defaults.
VOUCHER_KEYS = (
    "business_id",
    "id",
    "type",
    "customer_id",
    "card_id",
    "template_id",
    "goal_index",
    "title",
    "description",
    "redeem_code",
    "code_unique",
    "formats",
    "status",
    "issued_at",
    "expires_at",
    "metadata",
)


@dataclass
class StampWrites:
    business_id: str
    card_id: str
    new_round: tuple[int, int] | None  # (stamps, rounds completed) when the stamp ended rounds
    ledger: dict[str, Any]  # the ledger row
    events: list[dict[str, Any]]  # event rows (``events.payloads.event_row``)


@dataclass(frozen=True)
class Bump:
    """The stamp, for writes that make it too (PostgreSQL, outside a transaction)."""

    added: int
    at: datetime
    location_id: str | None
    read: tuple[int, int, int]  # the card's stamps, lifetime stamps and rounds, as read
    key: dict[str, Any]  # the caller's key to confirm (``key_check.key_params``)


class NotAtOnce(Exception):
    """Nothing was written with the ``Bump``: the card no longer stands as read (a concurrent
    stamp or correction), the key changed, or the session is in a transaction already (a
    failed statement would abort it). The stamp takes the whole way, in a transaction."""


async def write(
    session: AsyncSession,
    writes: StampWrites,
    voucher: dict[str, Any] | None = None,
    bump: Bump | None = None,
) -> bool:
    """Write it all in the caller's transaction (with ``bump``: as a transaction of its own),
    with ``voucher`` (its row) if given; False, and nothing written, when the voucher's code
    was taken."""
    if session.get_bind().dialect.name != "postgresql":
        return await _one_by_one(session, writes, voucher)
    stamps, rounds = writes.new_round or (None, None)
    params: dict[str, Any] = {
        "tenant": writes.business_id,
        "card_id": writes.card_id,
        "restarted": writes.new_round is not None,
        "stamps": stamps,
        "rounds": rounds,
        **{f"l_{name}": writes.ledger[name] for name in LEDGER_KEYS},
    }
    if voucher is not None:
        params.update({f"v_{name}": voucher[name] for name in VOUCHER_KEYS})
    rows = [tuple(row[name] for name in EVENT_ROW_KEYS) for row in writes.events]
    if bump is not None:
        return await _with_bump(session, bump, rows, params)
    statements = await Statements.of(session)
    build = _with_voucher if voucher is not None else _alone
    [written] = await statements.rows(events_table, EVENT_ROW_KEYS, rows, build, **params)
    return bool(written[0])


async def _with_bump(
    session: AsyncSession, bump: Bump, rows: list[tuple[Any, ...]], params: dict[str, Any]
) -> bool:
    if session.in_transaction():
        raise NotAtOnce
    read_stamps, read_lifetime, read_rounds = bump.read
    if params["stamps"] is None:  # no round ended: the stamps add up
        params.update(stamps=read_stamps + bump.added, rounds=read_rounds)
    params.update(
        read_stamps=read_stamps,
        read_lifetime=read_lifetime,
        read_rounds=read_rounds,
        added=bump.added,
        at=bump.at,
        location=bump.location_id,
        **bump.key,
    )
    statement, columns = array_rows(events_table, EVENT_ROW_KEYS, rows, _bumping)
    try:
        row = await first_and_only_write(session, statement, {**columns, **params})
    except IntegrityError as error:
        if _constraint(error) == "uq_vouchers_unique_code":
            return False
        raise
    if not row.written:
        raise NotAtOnce
    return True


def _constraint(error: IntegrityError) -> str | None:
    """The constraint asyncpg names (the DB-API error SQLAlchemy wraps is caused by its own)."""
    return getattr(getattr(error.orig, "__cause__", None), "constraint_name", None)


async def _one_by_one(
    session: AsyncSession, writes: StampWrites, voucher: dict[str, Any] | None
) -> bool:
    if voucher is not None and not await insert_alone(session, voucher):
        return False
    if writes.new_round is not None:
        stamps, rounds = writes.new_round
        await session.execute(
            update(cards)
            .where(cards.c.business_id == writes.business_id, cards.c.id == writes.card_id)
            .values(stamps=stamps, rounds_completed=rounds)
        )
    await session.execute(insert(stamps_ledger), writes.ledger)
    await events.record(session, writes.events)
    return True


def _typed(table: Any, prefix: str, names: tuple[str, ...]) -> list[Any]:
    return [bindparam(f"{prefix}{name}", type_=table.c[name].type) for name in names]


def _statement(given: Any, voucher: bool, bump: bool = False) -> Executable:
    """PostgreSQL: the writes as CTEs of one statement, which answers whether they were made."""
    ctes: list[Any] = []
    written: Any = true()
    new_stamps = bindparam("stamps", type_=Integer)
    new_rounds = bindparam("rounds", type_=Integer)
    if bump:
        bumped = _bumped(new_stamps, new_rounds).cte("bumped")
        ctes.append(bumped)
        written = select(bumped.c.id).exists()
    if voucher:
        new_voucher = postgresql.insert(vouchers).from_select(
            VOUCHER_KEYS, select(*_typed(vouchers, "v_", VOUCHER_KEYS)).where(written)
        )
        if not bump:  # with the bump, a taken code fails the statement: nothing is written
            new_voucher = new_voucher.on_conflict_do_nothing()
        new_voucher_cte = new_voucher.returning(vouchers.c.id).cte("voucher")
        ctes.append(new_voucher_cte)
        if not bump:
            written = select(new_voucher_cte.c.id).exists()
    if not bump:
        new_round = (
            update(cards)
            .where(
                cards.c.business_id == bindparam("tenant"),
                cards.c.id == bindparam("card_id"),
                bindparam("restarted", type_=Boolean),
                written,
            )
            .values(stamps=new_stamps, rounds_completed=new_rounds)
        )
        ctes.append(new_round.cte("new_round"))
    ledger = insert(stamps_ledger).from_select(
        LEDGER_KEYS, select(*_typed(stamps_ledger, "l_", LEDGER_KEYS)).where(written)
    )
    event = insert(events_table).from_select(
        EVENT_ROW_KEYS, select(*(given.c[name] for name in EVENT_ROW_KEYS)).where(written)
    )
    ctes += [ledger.cte("ledger"), event.cte("event")]
    return select(written.label("written")).add_cte(*ctes)


def _bumped(new_stamps: Any, new_rounds: Any) -> Any:
    """The card's stamp (``Bump``), if the card stands as read and the key still holds."""
    at = bindparam("at", type_=cards.c.last_stamp_at.type)
    return (
        update(cards)
        .where(
            cards.c.business_id == bindparam("tenant"),
            cards.c.id == bindparam("card_id"),
            cards.c.stamps == bindparam("read_stamps", type_=Integer),
            cards.c.lifetime_stamps == bindparam("read_lifetime", type_=Integer),
            cards.c.rounds_completed == bindparam("read_rounds", type_=Integer),
            live(at),
            key_check.still_valid(),
        )
        .values(
            stamps=new_stamps,
            rounds_completed=new_rounds,
            lifetime_stamps=cards.c.lifetime_stamps + bindparam("added", type_=Integer),
            last_stamp_at=at,
            last_stamp_location_id=bindparam("location", type_=String),
        )
        .returning(cards.c.id)
    )


# Module-level builders: ``Statements.rows`` and ``array_rows`` build each once (by builder).
def _with_voucher(given: Any) -> Executable:
    return _statement(given, voucher=True)


def _alone(given: Any) -> Executable:
    return _statement(given, voucher=False)


def _bumping(given: Any) -> Executable:
    return _statement(given, voucher=True, bump=True)
