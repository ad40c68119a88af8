"""Customer statements that work on many rows at once: a batch of upserts reads its customers
in one query and writes them in one INSERT and one UPDATE, whatever the number of rows."""

import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, bindparam, column, func, or_, select, text, true, union, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.customers.matching import PLAIN_FIELDS, Customer, Key
from punchcard.customers.models import Customer as CustomerModel
from punchcard.customers.schemas import IDENTITY
from punchcard.db.base import table_of
from punchcard.kit.sql import insert_rows, rows_table

customers = table_of(CustomerModel)
# A customer without identity or profile: new (then filled in), or erased.
BLANK: dict[str, Any] = {
    "source_id": None,
    "email": None,
    "phone": None,
    "name": None,
    "birthday": None,
    "metadata": {},
    "marketing_consent": False,
    "marketing_consent_at": None,
    "erased_at": None,
}
NEW: dict[str, Any] = {**BLANK, "language": None}  # a new customer before a row fills it in
# Written by an update: everything an upsert may change.
CHANGEABLE = (*PLAIN_FIELDS, "marketing_consent", "marketing_consent_at", "metadata", "updated_at")


async def serialize_batches(session: AsyncSession, business_id: str) -> None:
    """Batches of upserts of one business take turns (PostgreSQL; SQLite writers always do).

    Two batches inserting overlapping identities in different orders would otherwise wait for
    each other's unique index entries: a deadlock. Taken for the transaction, released at
    commit."""
    if session.get_bind().dialect.name == "postgresql":
        digest = hashlib.blake2b(f"customers:{business_id}".encode(), digest_size=8).digest()
        key = int.from_bytes(digest, "big", signed=True)
        await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def _probe(name: str) -> Select[Any]:
    """PostgreSQL: the ids holding the values of the column (bound as ``{name}_values``), one
    unique-index probe each."""
    held = customers.alias(f"{name}_holder")
    values = bindparam(f"{name}_values", type_=ARRAY(held.c[name].type))
    keys = (
        func.unnest(values)
        .table_valued(column("v", held.c[name].type))
        .render_derived(name=f"{name}_keys")
    )
    # LIMIT keeps the planner from flattening the probes into a join, which it would plan by
    # statistics: a table filled since it was last analyzed looks tiny, and every look-up
    # would scan all the business's customers.
    hit = (
        select(held.c.id)
        .where(held.c.business_id == bindparam("business_id"), held.c[name] == keys.c.v)
        .limit(1)
        .lateral(f"{name}_hit")
    )
    return select(hit.c.id).select_from(keys.join(hit, true()))


@lru_cache(maxsize=64)
def _holders_query(names: tuple[str, ...], *, lock: bool, postgres: bool) -> Any:
    """The customers holding the values of columns ``names`` (bound as ``{name}_values``) in
    business ``business_id``: built once per shape, as building costs more than the query
    (and leaves hundreds of objects to the garbage collector)."""
    business_id = bindparam("business_id", type_=customers.c.business_id.type)
    if not postgres:  # SQLite plans IN lists by index; its writers take turns, no locks
        named = [customers.c[n].in_(bindparam(f"{n}_values", expanding=True)) for n in names]
        return select(customers).where(customers.c.business_id == business_id, or_(*named))
    probes = [_probe(name) for name in names]
    ids = (union(*probes) if len(probes) > 1 else probes[0]).subquery("found")
    ordered = select(ids.c.id).order_by(ids.c.id).subquery("ordered")
    row = customers.alias("held")
    by_id = select(row).where(row.c.business_id == business_id, row.c.id == ordered.c.id)
    if lock:
        by_id = by_id.with_for_update()
    customer = by_id.limit(1).lateral("customer")
    return select(customer).select_from(ordered.join(customer, true()))


async def holders(
    session: AsyncSession, business_id: str, keys: Iterable[Key], *, lock: bool
) -> dict[Key, Customer]:
    """The customers holding any of ``keys``, by key; ``lock`` holds them (in id order, so
    concurrent writers never wait for each other in a circle) until the transaction ends."""
    wanted: dict[str, list[str]] = {}
    for name, value in keys:
        wanted.setdefault(name, []).append(value)
    if not wanted:
        return {}
    postgres = session.get_bind().dialect.name == "postgresql"
    query = _holders_query(tuple(wanted), lock=lock, postgres=postgres)
    params = {"business_id": business_id, **{f"{n}_values": v for n, v in wanted.items()}}
    found: dict[Key, Customer] = {}
    for row in await session.execute(query, params):
        for name in IDENTITY:
            if (value := getattr(row, name)) is not None:
                found[(name, value)] = row
    return found


async def insert_new(
    session: AsyncSession, business_id: str, now: datetime, rows: Sequence[dict[str, Any]]
) -> dict[str, Customer]:
    """Insert customers: each of ``rows`` gives a new customer's id and the columns it sets,
    the others are a blank customer's, and all are created ``now``. A row whose identity a
    concurrent writer took first is left out (a unique index decides, never a prior read).
    Returns the inserted rows by id.

    Only the columns some row sets go as one array each; the rest go once, as one value for
    every row (a batch of CRM records sets three or four of the table's fifteen columns).

    The rows were read as new under the batch's locks, so a plain INSERT nearly always goes
    in whole, at about two thirds of the cost of ON CONFLICT DO NOTHING (which probes every
    unique index before each row, and again as it inserts it). Only when a concurrent writer
    took one of their identities meanwhile does it fail; then, from a savepoint, the INSERT
    that leaves conflicting rows out tells which went in."""
    if not rows:
        return {}
    given = set().union(*rows)
    names = [column.name for column in customers.c if column.name in given]
    values = [tuple([row.get(name, NEW.get(name)) for name in names]) for row in rows]
    same = {
        "business_id": business_id,
        **{name: value for name, value in NEW.items() if name not in given},
        "created_at": now,
        "updated_at": now,
    }
    try:
        async with session.begin_nested():
            plain = insert_rows(session, customers, names, values, same).returning(customers)
            return {row.id: row for row in await session.execute(plain)}
    except IntegrityError:
        insert = insert_rows(session, customers, names, values, same).on_conflict_do_nothing()
        return {row.id: row for row in await session.execute(insert.returning(customers))}


async def update_changed(
    session: AsyncSession, business_id: str, rows: Sequence[dict[str, Any]]
) -> dict[str, Customer]:
    """Write the changeable columns of ``rows`` (whole rows, by id) in one statement."""
    if not rows:
        return {}
    names = ("id", *CHANGEABLE)
    given = rows_table(session, customers, names, [tuple(row[c] for c in names) for row in rows])
    statement = (
        update(customers)
        .where(customers.c.business_id == business_id, customers.c.id == given.c.id)
        .values({c: given.c[c] for c in CHANGEABLE})
        .returning(customers)
    )
    return {row.id: row for row in await session.execute(statement)}
