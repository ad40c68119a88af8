from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.channels.customers import channels_of, consent_changes, record_consents
from punchcard.channels.schemas import ConsentChangeOut, CustomerPatch, CustomerWithChannels
from punchcard.customers import service
from punchcard.customers.schemas import (
    CustomerBulkResult,
    CustomerBulkUpsert,
    CustomerOut,
    CustomerUpsert,
)
from punchcard.idempotency.http import Idempotent
from punchcard.kit.http import Session
from punchcard.kit.openapi import problems
from punchcard.kit.pagination import Page, PageQuery
from punchcard.kit.schemas import Moment
from punchcard.staff.auth import CurrentActor

router = APIRouter(tags=["Customers"])
CustomerId = Annotated[str, Path(max_length=64)]


@router.post(
    "/customers",
    response_model=CustomerOut,
    status_code=201,
    responses={
        **problems(422, "duplicate_row"),
        **problems(409, "customer_conflict"),
        **{200: {"model": CustomerOut, "description": "An existing customer was updated."}},
    },
    summary="Create or update a customer (by source_id, email or phone)",
)
async def upsert_customer(
    body: CustomerUpsert, response: Response, session: Session, actor: CurrentActor
) -> object:
    """Create or update a customer (by source_id, email or phone). **Who:** Any staff key (owner,
    manager or scanner). **Emits:** customer_updated.
    """
    customer, created = await service.upsert_customer(session, actor, data=body)
    response.status_code = 201 if created else 200
    return customer


@router.post(
    "/customers/bulk",
    response_model=CustomerBulkResult,
    summary="Create or update up to 1,000 customers at once (all or nothing)",
    responses={
        **problems(409, "customer_conflict"),
        **problems(
            422, "validation_error", "bulk_rejected", "duplicate_row", why="Per row in `errors`."
        ),
    },
)
async def bulk_upsert(
    body: CustomerBulkUpsert, session: Session, actor: CurrentActor, idem: Idempotent
) -> object:
    """Create or update up to 1,000 customers at once (all or nothing). Each row is matched like
    `POST /v1/customers` (source_id, else email, else phone). Any refused row (a clash with another
    customer, two rows naming one customer) refuses the whole call with `422 bulk_rejected` naming
    every refused row in `errors`, and nothing is written. Sending the same body again changes
    nothing (every row `unchanged`); an `Idempotency-Key` replays the first answer. Changed
    customers emit `customer_updated`. **Who:** Any staff key (owner, manager or scanner).
    **Emits:** customer_updated.
    """

    async def produce() -> CustomerBulkResult:
        outcomes = await service.bulk_upsert(session, actor, rows=body.customers)
        counts = Counter(o.status for o in outcomes)
        # One validation of the whole answer in pydantic-core, not a model built per row.
        return CustomerBulkResult.model_validate(
            {
                "created": counts["created"],
                "updated": counts["updated"],
                "unchanged": counts["unchanged"],
                "results": [
                    {"index": i, "status": o.status, "id": o.customer.id}
                    for i, o in enumerate(outcomes)
                ],
            }
        )

    return await idem.respond(200, produce)


@router.get("/customers", response_model=Page[CustomerOut], summary="List customers")
async def list_customers(
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    source_id: Annotated[str | None, Query(max_length=200)] = None,
    email: Annotated[str | None, Query(max_length=320)] = None,
    phone: Annotated[str | None, Query(max_length=32)] = None,
    created_after: Moment | None = None,
    created_before: Moment | None = None,
) -> object:
    """List customers. **Who:** Any staff key (owner, manager or scanner). **Emits:** none."""
    filters = {
        "source_id": source_id,
        "email": email,
        "phone": phone,
        "created_after": created_after,
        "created_before": created_before,
    }
    data, cursor = await service.list_customers(session, actor, page, filters=filters)
    return {"data": data, "next_cursor": cursor}


async def _with_channels(session: AsyncSession, customer: Any) -> CustomerWithChannels:
    shown = CustomerOut.model_validate(customer).model_dump()
    return CustomerWithChannels(**shown, channels=await channels_of(session, customer))


@router.get(
    "/customers/{customer_id}",
    response_model=CustomerWithChannels,
    summary="Get a customer, with their channels (addresses, consents, reachability)",
)
async def get_customer(customer_id: CustomerId, session: Session, actor: CurrentActor) -> object:
    """Get a customer, with their channels (addresses, consents, reachability). **Who:** Any staff
    key (owner, manager or scanner). **Emits:** none.
    """
    return await _with_channels(session, await service.get_customer(session, actor, customer_id))


@router.patch(
    "/customers/{customer_id}",
    response_model=CustomerWithChannels,
    summary="Record a customer's marketing consent per channel",
)
async def patch_customer(
    customer_id: CustomerId, body: CustomerPatch, session: Session, actor: CurrentActor
) -> object:
    """Record a customer's marketing consent per channel. **Who:** Any staff key (owner, manager or
    scanner). **Emits:** customer_updated when a field changes.
    """
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
    """Every change of the customer's consents, newest first, with its source. **Who:** Any staff
    key (owner, manager or scanner). **Emits:** none.
    """
    data, cursor = await consent_changes(session, actor, customer_id, page)
    return {"data": data, "next_cursor": cursor}


@router.delete(
    "/customers/{customer_id}",
    status_code=204,
    summary="Erase a customer's personal data (GDPR); their cards and ledger stay, anonymous",
    responses={404: {"description": "customer_not_found (also once erased)"}},
)
async def erase_customer(
    customer_id: CustomerId, session: Session, actor: CurrentActor
) -> Response:
    """Erase a customer's personal data (GDPR); their cards and ledger stay, anonymous. Erases
    source_id, email, phone, name, birthday, metadata and marketing consent, also from past events,
    POS sale logs and import reports. Cards, stamps, vouchers and redemptions stay and keep counting
    in totals, linked to nobody. **Who:** Managers and owners. **Emits:** `customer_deleted` (with
    the source_id, so a CRM can find its record).
    """
    await service.erase_customer(session, actor, customer_id)
    return Response(status_code=204)
