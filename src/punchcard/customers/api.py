from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import AwareDatetime

from punchcard.customers import service
from punchcard.customers.schemas import CustomerOut, CustomerUpsert
from punchcard.kit.http import Session
from punchcard.kit.pagination import Page, PageQuery
from punchcard.staff.auth import CurrentActor

router = APIRouter(tags=["Customers"])


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


@router.get("/customers/{customer_id}", response_model=CustomerOut, summary="Get a customer")
async def get_customer(customer_id: str, session: Session, actor: CurrentActor) -> object:
    return await service.get_customer(session, actor, customer_id)
