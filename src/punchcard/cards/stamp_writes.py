"""A stamp's writes once its card is bumped (and locked): the card's new round when the stamp
completed one, the reward voucher of the goal it reached, its ledger row and its events.

PostgreSQL: one statement, each write a data-modifying CTE, the events one array per column
(any number, one statement text). With a voucher, every other write depends on the voucher
going in: when its code is taken, the statement writes nothing and answers False, and the
caller draws another code (``vouchers.service.insert_voucher``). SQLite has no data-modifying
CTEs: one statement each, the voucher first.
"""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Integer, bindparam, insert, select, true, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.base import Executable

from punchcard.cards.models import Stamp
from punchcard.cards.repository import cards
from punchcard.db.base import table_of
from punchcard.events import service as events
from punchcard.events.models import Event
from punchcard.events.payloads import EVENT_ROW_KEYS
from punchcard.kit.sql import Statements
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


async def write(
    session: AsyncSession, writes: StampWrites, voucher: dict[str, Any] | None = None
) -> bool:
    """Write it all in the caller's transaction, with ``voucher`` (its row) if given; False,
    and nothing written, when the voucher's code was taken."""
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
    statements = await Statements.of(session)
    build = _with_voucher if voucher is not None else _alone
    [written] = await statements.rows(events_table, EVENT_ROW_KEYS, rows, build, **params)
    return bool(written[0])


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


def _statement(given: Any, voucher: bool) -> Executable:
    """PostgreSQL: the writes as CTEs of one statement, which answers whether they were made."""
    ctes: list[Any] = []
    written: Any = true()
    if voucher:
        new_voucher = (
            postgresql.insert(vouchers)
            .from_select(VOUCHER_KEYS, select(*_typed(vouchers, "v_", VOUCHER_KEYS)))
            .on_conflict_do_nothing()
            .returning(vouchers.c.id)
            .cte("voucher")
        )
        ctes.append(new_voucher)
        written = select(new_voucher.c.id).exists()
    new_round = (
        update(cards)
        .where(
            cards.c.business_id == bindparam("tenant"),
            cards.c.id == bindparam("card_id"),
            bindparam("restarted", type_=Boolean),
            written,
        )
        .values(
            stamps=bindparam("stamps", type_=Integer),
            rounds_completed=bindparam("rounds", type_=Integer),
        )
    )
    ledger = insert(stamps_ledger).from_select(
        LEDGER_KEYS, select(*_typed(stamps_ledger, "l_", LEDGER_KEYS)).where(written)
    )
    event = insert(events_table).from_select(
        EVENT_ROW_KEYS, select(*(given.c[name] for name in EVENT_ROW_KEYS)).where(written)
    )
    ctes += [new_round.cte("new_round"), ledger.cte("ledger"), event.cte("event")]
    return select(written.label("written")).add_cte(*ctes)


# Module-level builders: ``Statements.rows`` builds each once (cached by builder).
def _with_voucher(given: Any) -> Executable:
    return _statement(given, voucher=True)


def _alone(given: Any) -> Executable:
    return _statement(given, voucher=False)
