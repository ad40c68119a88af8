from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from pydantic import AwareDatetime
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.channels.customers import channels_of, consent_changes, record_consents
from punchcard.channels.schemas import ConsentChangeOut, CustomerPatch, CustomerWithChannels
from punchcard.customers import service
from punchcard.customers.models import Customer
from punchcard.customers.schemas import CustomerOut, CustomerUpsert
from punchcard.kit.http import Session
from punchcard.kit.pagination import Page, PageQuery
from punchcard.staff.auth import CurrentActor

router = APIRouter(tags=["Customers"])
CustomerId = Annotated[str, Path(max_length=64)]


@router.post(
    "/customers",
    response_model=CustomerOut,
    status_code=201,
    responses={200: {"model": CustomerOut, "description": "An existing customer was updated."}},
    summary="Create or update a customer (by source_id, email or phone)",
)
async def upsert_customer(
    body: CustomerUpsert, response: Response, session: Session, actor: CurrentActor
) -> object:
    customer, created = await service.upsert_customer(session, actor, data=body)
    response.status_code = 201 if created else 200
    return customer


@router.get("/customers", response_model=Page[CustomerOut], summary="List customers")
async def list_customers(
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    source_id: Annotated[str | None, Query(max_length=200)] = None,
    email: Annotated[str | None, Query(max_length=320)] = None,
    phone: Annotated[str | None, Query(max_length=32)] = None,
    created_after: AwareDatetime | None = None,
    created_before: AwareDatetime | None = None,
) -> object:
    filters = {
        "source_id": source_id,
        "email": email,
        "phone": phone,
        "created_after": created_after,
        "created_before": created_before,
    }
    data, cursor = await service.list_customers(session, actor, page, filters=filters)
    return {"data": data, "next_cursor": cursor}


async def _with_channels(session: AsyncSession, customer: Customer) -> CustomerWithChannels:
    shown = CustomerOut.model_validate(customer).model_dump()
    return CustomerWithChannels(**shown, channels=await channels_of(session, customer))


@router.get(
    "/customers/{customer_id}",
    response_model=CustomerWithChannels,
    summary="Get a customer, with their channels (addresses, consents, reachability)",
)
async def get_customer(customer_id: CustomerId, session: Session, actor: CurrentActor) -> object:
    return await _with_channels(session, await service.get_customer(session, actor, customer_id))


@router.patch(
    "/customers/{customer_id}",
    response_model=CustomerWithChannels,
    summary="Record a customer's marketing consent per channel",
)
async def patch_customer(
    customer_id: CustomerId, body: CustomerPatch, session: Session, actor: CurrentActor
) -> object:
    customer = await record_consents(session, actor, customer_id, body)
    return await _with_channels(session, customer)


@router.get(
    "/customers/{customer_id}/consent-changes",
    response_model=Page[ConsentChangeOut],
    summary="Every change of the customer's consents, newest first, with its source",
)
async def list_consent_changes(
    customer_id: CustomerId, session: Session, actor: CurrentActor, page: PageQuery
) -> object:
    data, cursor = await consent_changes(session, actor, customer_id, page)
    return {"data": data, "next_cursor": cursor}
