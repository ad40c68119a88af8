"""Customers, upserted by source_id (the CRM's id), email or phone: one at a time, in bulk
(the API's batches and CSV imports), and erased on request (GDPR)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.channels import consent
from punchcard.customers import customer_events, erasure, repository
from punchcard.customers.matching import Customer, Upsert, identity_keys, match, plan
from punchcard.customers.schemas import IDENTITY, CustomerUpsert
from punchcard.events import service as events
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import Conflict, ProblemError, Unprocessable, not_found
from punchcard.kit.pagination import PageParams, newest_first, to_page
from punchcard.kit.statistics import MIN_CHANGES, refresh_if_grown
from punchcard.staff.actor import Actor, Permission

customers = repository.customers
# A row a concurrent writer got to first is planned again against what it wrote; a third
# collision in a row means the identity is being fought over: refuse rather than loop.
ROUNDS = 3


@dataclass(frozen=True)
class Outcome:
    status: str  # created | updated | unchanged
    customer: Customer
    changed: frozenset[str] = frozenset()  # the columns the upsert set


Result = Outcome | ProblemError


class Refused(Exception):
    """Rows that cannot be upserted, by index: nothing was written."""

    def __init__(self, rows: list[tuple[int, ProblemError]]) -> None:
        super().__init__(f"{len(rows)} rows refused")
        self.rows = rows


def _raced() -> Conflict:
    return Conflict("customer_conflict", "The customer changed concurrently; retry.")


async def _write(
    session: AsyncSession, actor: Actor, planned: Sequence[Upsert], now: datetime
) -> tuple[dict[str, Customer], set[str]]:
    """Write what was planned; returns the rows written by id, and the ids of rows a
    concurrent writer got to first (written by nobody: plan them again)."""
    new = [{"id": p.customer_id, **p.values} for p in planned if p.current is None]
    written = await repository.insert_new(session, actor.business_id, now, new)
    raced = {row["id"] for row in new} - written.keys()
    changed = [p for p in planned if p.current is not None and p.values]
    if changed:
        rows = [{**_columns(p.current), **p.values, "updated_at": now} for p in changed]
        try:
            async with session.begin_nested():
                updated = await repository.update_changed(session, actor.business_id, rows)
        except IntegrityError:  # a concurrent insert took a value we set: look again
            raced |= {p.customer_id for p in changed}
        else:
            written |= updated
            await events.record(
                session,
                [
                    customer_events.updated(actor, updated[p.customer_id], p.values, now)
                    for p in changed
                ],
            )
    return written, raced


def _columns(customer: Customer) -> dict[str, Any]:
    return dict(customer._mapping)


async def upsert_rows(
    session: AsyncSession, actor: Actor, rows: Sequence[CustomerUpsert], *, partial: bool
) -> list[Result]:
    """What each row did, or why it could not. ``partial``: rows that can be written are,
    whatever the others; otherwise any refused row means nothing is written (``Refused``).

    A few statements per call whatever the number of rows: one read of every customer the
    rows name (locked), one INSERT, one UPDATE, one INSERT of the events."""
    if len(rows) > 1:
        await repository.serialize_batches(session, actor.business_id)
    results: list[Result | None] = [None] * len(rows)
    pending = list(range(len(rows)))
    for _ in range(ROUNDS):
        batch = [rows[i] for i in pending]
        keys = [key for data in batch for key in identity_keys(data)]
        found = await repository.holders(session, actor.business_id, keys, lock=True)
        now = utcnow()
        planned = plan(batch, found, now, positions=pending)
        refused = [
            (i, p) for i, p in zip(pending, planned, strict=True) if not isinstance(p, Upsert)
        ]
        if refused and not partial:
            raise Refused(refused)
        writable = [p for p in planned if isinstance(p, Upsert)]
        written, raced = await _write(session, actor, writable, now)
        retry = []
        for index, planned_row in zip(pending, planned, strict=True):
            if isinstance(planned_row, ProblemError):
                results[index] = planned_row
            elif planned_row.customer_id in raced:
                retry.append(index)
            else:
                customer = written.get(planned_row.customer_id, planned_row.current)
                changed = frozenset(planned_row.values)
                results[index] = Outcome(planned_row.status, customer, changed)
        pending = retry
        if not pending:
            break
    for index in pending:
        results[index] = _raced()
    return [result for result in results if result is not None]


async def _refresh_if_filled(session: AsyncSession, outcomes: Sequence[Outcome]) -> None:
    """A batch that as good as filled the table refreshes its statistics itself: PostgreSQL
    counts the changes only after commit (and within a second or so), and the next batches,
    planned meanwhile as if the table were empty, would scan it for every identity. (The
    import runner refreshes them after each of its batches.)"""
    created = sum(outcome.status == "created" for outcome in outcomes)
    if created >= MIN_CHANGES:
        await refresh_if_grown(session, "customers", written=created)


async def upsert_customer(
    session: AsyncSession,
    actor: Actor,
    *,
    data: CustomerUpsert,
    consent_source: consent.ConsentSource = "api",
) -> tuple[Customer, bool]:
    """Returns (customer, created). Safe to call concurrently with the same identity. A change
    of ``marketing_consent`` is carried to the customer's channels."""
    actor.require(Permission.CUSTOMERS_WRITE)
    try:
        (result,) = await upsert_rows(session, actor, [data], partial=False)
    except Refused as refused:
        raise refused.rows[0][1] from None
    assert isinstance(result, Outcome)
    await follow_consents(session, [result], consent_source)
    return result.customer, result.status == "created"


async def follow_consents(
    session: AsyncSession, outcomes: Sequence[Result], source: consent.ConsentSource
) -> None:
    """Carry each changed ``marketing_consent`` to the customer's channels (see
    ``channels.consent.follow_general_consent``)."""
    for outcome in outcomes:
        if isinstance(outcome, Outcome) and "marketing_consent" in outcome.changed:
            customer = outcome.customer
            await consent.follow_general_consent(
                session, customer, bool(customer.marketing_consent), source
            )


async def bulk_upsert(
    session: AsyncSession, actor: Actor, *, rows: Sequence[CustomerUpsert]
) -> list[Outcome]:
    """All or nothing: one refused row refuses the batch, naming every refused row."""
    actor.require(Permission.CUSTOMERS_WRITE)
    # Other writers may have grown the table (an import runner refreshes it between its
    # batches, outside their transactions, by its own count: not here).
    await refresh_if_grown(session, "customers")
    try:
        results = await upsert_rows(session, actor, rows, partial=False)
    except Refused as refused:
        raise Unprocessable(
            "bulk_rejected",
            f"{len(refused.rows)} of {len(rows)} rows cannot be upserted; nothing was written.",
            errors=[row_error(f"body.customers.{i}", problem) for i, problem in refused.rows],
        ) from None
    await follow_consents(session, results, "api")
    outcomes = [r for r in results if isinstance(r, Outcome)]
    await _refresh_if_filled(session, outcomes)
    return outcomes


def row_error(prefix: str, problem: ProblemError) -> dict[str, Any]:
    """A refused row as the ``errors`` of a problem: where, code, message and any details."""
    name = problem.extra.get("field")
    details = {k: v for k, v in problem.extra.items() if k != "field"}
    field = f"{prefix}.{name}" if name else prefix
    return {"field": field, "code": problem.code, "message": problem.detail, **details}


async def find_customer(
    session: AsyncSession, actor: Actor, data: CustomerUpsert
) -> Customer | None:
    """The customer an upsert with ``data`` would update, or None if it would create one."""
    actor.require(Permission.CUSTOMERS_READ)
    keys = identity_keys(data)
    found = await repository.holders(session, actor.business_id, keys, lock=False)
    return match(data, keys, found)


async def get_customer(session: AsyncSession, actor: Actor, customer_id: str) -> Customer:
    actor.require(Permission.CUSTOMERS_READ)
    query = select(customers).where(
        customers.c.business_id == actor.business_id,
        customers.c.id == customer_id,
        customers.c.erased_at.is_(None),
    )
    customer = (await session.execute(query)).one_or_none()
    if customer is None:
        raise not_found("customer", customer_id)
    return customer


async def erase_customer(session: AsyncSession, actor: Actor, customer_id: str) -> None:
    """GDPR erasure: the customer's personal data goes, their ledger stays (anonymous)."""
    actor.require(Permission.CUSTOMERS_ERASE)
    customer = await erasure.erase(session, actor.business_id, customer_id, utcnow())
    if customer is None:
        raise not_found("customer", customer_id)
    await events.record(session, [customer_events.deleted(actor, customer, utcnow())])


async def list_customers(
    session: AsyncSession,
    actor: Actor,
    params: PageParams,
    *,
    filters: dict[str, Any],
) -> tuple[list[Customer], str | None]:
    actor.require(Permission.CUSTOMERS_READ)
    if filters.get("email"):
        filters = {**filters, "email": filters["email"].strip().lower()}
    query = select(customers).where(
        customers.c.business_id == actor.business_id, customers.c.erased_at.is_(None)
    )
    for field in IDENTITY:
        if filters.get(field) is not None:
            query = query.where(customers.c[field] == filters[field])
    if filters.get("created_after") is not None:
        query = query.where(customers.c.created_at >= filters["created_after"])
    if filters.get("created_before") is not None:
        query = query.where(customers.c.created_at < filters["created_before"])
    rows = list((await session.execute(newest_first(query, customers.c.id, params))).all())
    return to_page(rows, params, lambda row: row.id)
