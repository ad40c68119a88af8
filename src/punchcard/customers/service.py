"""Customers, upserted by source_id (the CRM's id), email or phone."""

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.channels import consent
from punchcard.customers.models import Customer
from punchcard.customers.schemas import IDENTITY, CustomerUpsert
from punchcard.kit.clock import utcnow
from punchcard.kit.db import get_owned, owned_page
from punchcard.kit.errors import Conflict
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams
from punchcard.staff.actor import Actor, Permission


async def _find(session: AsyncSession, business_id: str, field: str, value: str) -> Customer | None:
    column = getattr(Customer, field)
    query = select(Customer).where(Customer.business_id == business_id, column == value)
    return (await session.scalars(query)).one_or_none()


async def _match(session: AsyncSession, business_id: str, data: CustomerUpsert) -> Customer | None:
    for field in IDENTITY:
        value = getattr(data, field)
        if value is None:
            continue
        customer = await _find(session, business_id, field, value)
        if customer is None:
            continue
        # An email known under another CRM id is a different person, not a merge.
        if data.source_id and customer.source_id not in (None, data.source_id):
            raise Conflict(
                "customer_conflict",
                f"The {field} belongs to customer '{customer.id}' with another source_id.",
                field=field,
                customer_id=customer.id,
            )
        return customer
    return None


def _apply(customer: Customer, data: CustomerUpsert, now: datetime) -> None:
    consent = data.marketing_consent
    if consent is not None and consent != bool(customer.marketing_consent):
        customer.marketing_consent_at = now
    for field, value in data.model_dump(exclude_unset=True, exclude={"metadata"}).items():
        if value is not None:
            setattr(customer, field, value)
    if data.metadata:
        merged: dict[str, Any] = {**(customer.metadata_ or {}), **data.metadata}
        customer.metadata_ = {key: value for key, value in merged.items() if value is not None}
    customer.updated_at = now


async def _clash(
    session: AsyncSession, business_id: str, customer_id: str, data: CustomerUpsert
) -> Conflict:
    for field in IDENTITY:
        value = getattr(data, field)
        other = await _find(session, business_id, field, value) if value else None
        if other is not None and other.id != customer_id:
            return Conflict(
                "customer_conflict",
                f"The {field} '{value}' belongs to another customer ('{other.id}').",
                field=field,
                customer_id=other.id,
            )
    return Conflict("customer_conflict", "The customer changed concurrently; retry.")


async def upsert_customer(
    session: AsyncSession,
    actor: Actor,
    *,
    data: CustomerUpsert,
    consent_source: consent.ConsentSource = "api",
) -> tuple[Customer, bool]:
    """Returns (customer, created). Safe to call concurrently with the same identity.

    A change of ``marketing_consent`` is carried to the customer's channels (see
    ``channels.consent.follow_general_consent``); a box ticked on the join form is the
    customer's own act, so it grants again even if the flag was already set."""
    actor.require(Permission.CUSTOMERS_WRITE)
    now = utcnow()
    for attempt in range(2):
        customer = await _match(session, actor.business_id, data)
        created = customer is None
        if customer is None:
            customer = Customer(business_id=actor.business_id, id=new_id("cus"), created_at=now)
            customer.metadata_ = {}
            customer.marketing_consent = False
        customer_id = customer.id
        wanted = data.marketing_consent
        follow = wanted is not None and (
            wanted != bool(customer.marketing_consent) or (wanted and consent_source == "join_form")
        )
        try:
            # Changes go inside the savepoint: begin_nested() flushes what is pending before it.
            async with session.begin_nested():
                _apply(customer, data, now)
                session.add(customer)
                await session.flush()
        except IntegrityError:
            if created and attempt == 0:
                continue  # a concurrent call created this identity first: match it now
            raise await _clash(session, actor.business_id, customer_id, data) from None
        if follow:
            assert wanted is not None
            await consent.follow_general_consent(session, customer, wanted, consent_source)
        return customer, created
    raise AssertionError("unreachable")


async def find_customer(
    session: AsyncSession, actor: Actor, data: CustomerUpsert
) -> Customer | None:
    """The customer an upsert with ``data`` would update, or None if it would create one."""
    actor.require(Permission.CUSTOMERS_READ)
    return await _match(session, actor.business_id, data)


async def get_customer(session: AsyncSession, actor: Actor, customer_id: str) -> Customer:
    actor.require(Permission.CUSTOMERS_READ)
    return await get_owned(session, Customer, actor.business_id, customer_id, "customer")


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
    where = [
        getattr(Customer, field) == filters[field]
        for field in IDENTITY
        if filters.get(field) is not None
    ]
    if filters.get("created_after") is not None:
        where.append(Customer.created_at >= filters["created_after"])
    if filters.get("created_before") is not None:
        where.append(Customer.created_at < filters["created_before"])
    return await owned_page(session, Customer, actor.business_id, params, *where)
