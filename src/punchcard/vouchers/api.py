from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.code_lookups.http import CodeGuard
from punchcard.hot_routes import Hot, hot_post
from punchcard.idempotency.http import Idempotent
from punchcard.kit.http import Session
from punchcard.kit.openapi import problems
from punchcard.kit.pagination import Page, PageQuery
from punchcard.staff.actor import Actor
from punchcard.staff.auth import CurrentActor
from punchcard.vouchers import service
from punchcard.vouchers.schemas import (
    SCANNED_CODES,
    RedeemByCode,
    RedeemById,
    TemplateCreate,
    TemplateOut,
    TemplateUpdate,
    VoucherIssue,
    VoucherOut,
)

router = APIRouter()
VoucherId = Annotated[str, Path(max_length=64)]
TemplateId = Annotated[str, Path(max_length=64)]
# A redemption may also convert a referral, whose reward voucher is issued then and there.
REDEEM_CONFLICTS = (
    "voucher_already_redeemed",
    "voucher_expired",
    "voucher_is_lottery_ticket",
    "code_pool_empty",
    "code_space_exhausted",
    "redeem_code_taken",
)


@router.post(
    "/voucher-templates",
    operation_id="create_voucher_template",
    status_code=201,
    response_model=TemplateOut,
    tags=["Voucher templates"],
    summary="Create a voucher template (title, redeem code source, formats, validity)",
)
async def create_template(body: TemplateCreate, session: Session, actor: CurrentActor) -> object:
    """Create a voucher template (title, redeem code source, formats, validity). **Who:** Owners and
    managers not bound to a location. **Emits:** none.
    """
    return TemplateOut.of(await service.create_template(session, actor, data=body))


@router.get(
    "/voucher-templates",
    operation_id="list_voucher_templates",
    response_model=Page[TemplateOut],
    tags=["Voucher templates"],
    summary="List voucher templates",
)
async def list_templates(
    session: Session, actor: CurrentActor, page: PageQuery, include_archived: bool = False
) -> object:
    """List voucher templates. **Who:** Any staff key (owner, manager or scanner).
    **Emits:** none.
    """
    data, cursor = await service.list_templates(
        session, actor, page, include_archived=include_archived
    )
    return {"data": [TemplateOut.of(t) for t in data], "next_cursor": cursor}


@router.get(
    "/voucher-templates/{template_id}",
    operation_id="get_voucher_template",
    response_model=TemplateOut,
    tags=["Voucher templates"],
    summary="Get a voucher template",
)
async def get_template(template_id: TemplateId, session: Session, actor: CurrentActor) -> object:
    """Get a voucher template. **Who:** Any staff key (owner, manager or scanner).
    **Emits:** none.
    """
    return TemplateOut.of(await service.get_template(session, actor, template_id))


@router.patch(
    "/voucher-templates/{template_id}",
    operation_id="update_voucher_template",
    response_model=TemplateOut,
    tags=["Voucher templates"],
    summary="Edit a template (vouchers already issued keep their code and title)",
    responses={409: {"description": "template_archived: an archived template is read-only"}},
)
async def update_template(
    template_id: TemplateId, body: TemplateUpdate, session: Session, actor: CurrentActor
) -> object:
    """Edit a template (vouchers already issued keep their code and title). **Who:** Owners and
    managers not bound to a location. **Emits:** none.
    """
    return TemplateOut.of(await service.update_template(session, actor, template_id, data=body))


@router.delete(
    "/voucher-templates/{template_id}",
    operation_id="archive_voucher_template",
    status_code=204,
    tags=["Voucher templates"],
    summary="Archive a template (refused while a program goal uses it)",
    responses={409: {"description": "template_in_use"}},
)
async def archive_template(
    template_id: TemplateId, session: Session, actor: CurrentActor
) -> Response:
    """Archive a template (refused while a program goal uses it). Archived means retired: the
    template, its vouchers (which redeem as before) and its pool's codes stay readable, but it takes
    no edits, no vouchers issued by API and no new pool codes (`409 template_archived`). Goals set
    before still issue it. **Who:** Owners and managers not bound to a location. **Emits:** none.
    """
    await service.archive_template(session, actor, template_id)
    return Response(status_code=204)


@router.post(
    "/vouchers",
    status_code=201,
    response_model=VoucherOut,
    tags=["Vouchers"],
    summary="Issue a voucher to a card or customer (from a template, or custom)",
    responses={
        **problems(
            404,
            "card_not_found",
            "customer_not_found",
            "location_not_found",
            "voucher_template_not_found",
        ),
        **problems(
            409, "code_pool_empty", "code_space_exhausted", "redeem_code_taken", "template_archived"
        ),
    },
)
async def issue_voucher(
    body: VoucherIssue, session: Session, actor: CurrentActor, idem: Idempotent
) -> object:
    """Issue a voucher to a card or customer (from a template, or custom). **Who:** Owners and
    managers. **Emits:** code_pool_empty, voucher_issued.
    """

    async def produce() -> VoucherOut:
        return VoucherOut.model_validate(await service.issue_voucher(session, actor, data=body))

    return await idem.respond(201, produce)


@router.get(
    "/vouchers", response_model=Page[VoucherOut], tags=["Vouchers"], summary="List vouchers"
)
async def list_vouchers(
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    customer_id: Annotated[str | None, Query(max_length=64)] = None,
    card_id: Annotated[str | None, Query(max_length=64)] = None,
    status: Literal["issued", "redeemed", "expired", "played"] | None = None,
    code: Annotated[
        str | None,
        Query(max_length=64, description="Vouchers this code names. " + SCANNED_CODES),
    ] = None,
    voucher_type: Annotated[
        Literal["voucher", "lottery"] | None,
        Query(alias="type", description="voucher: redeemable rewards; lottery: lottery tickets."),
    ] = None,
) -> object:
    """List vouchers. **Who:** Any staff key (owner, manager or scanner). **Emits:** none."""
    rows, cursor = await service.list_vouchers(
        session,
        actor,
        page,
        customer_id=customer_id,
        card_id=card_id,
        status=status,
        code=code,
        voucher_type=voucher_type,
    )
    return {"data": rows, "next_cursor": cursor}


@hot_post(
    router,
    "/vouchers/redeem",
    response_model=VoucherOut,
    tags=["Vouchers"],
    summary="Redeem a voucher by its redeem code (exactly once)",
    responses={
        **problems(404, "location_not_found", "voucher_not_found"),
        **problems(409, *REDEEM_CONFLICTS, "redeem_code_ambiguous"),
        **problems(429, "too_many_failed_lookups"),
    },
)
async def redeem_by_code(body: RedeemByCode, hot: Hot) -> object:
    """Redeem a voucher by its redeem code (exactly once). One conditional update redeems the
    voucher, however many requests race for it; a shared POS code also needs `card_id` or
    `customer_id`. A code matches case-insensitively, ignoring surrounding spaces. Digits a till
    read from an EAN-13 symbol also name the code it was drawn from: a 12-digit code is drawn with
    its check digit appended, so the 13 digits scanned (or 12 as UPC-A, when the EAN-13 starts with
    0) name it; a wrong check digit names nothing. A voucher whose own code is exactly what was sent
    comes first. **Who:** Any staff key (owner, manager or scanner). **Emits:** code_pool_empty,
    referral_converted, voucher_issued, voucher_redeemed.
    """

    async def produce(session: AsyncSession, actor: Actor) -> VoucherOut:
        guard = CodeGuard(session, actor)
        # The redeem statement itself refuses a blocked key or location.
        async with guard.watch(body.code, body.location_id, "redeem", up_front=False):
            limits = guard.scope_ids(body.location_id)
            redeemed = await service.redeem(session, actor, data=body, lookup_limits=limits)
            return VoucherOut.model_validate(redeemed)

    return await hot.respond(200, produce)


@router.get(
    "/vouchers/{voucher_id}", response_model=VoucherOut, tags=["Vouchers"], summary="Get a voucher"
)
async def get_voucher(voucher_id: VoucherId, session: Session, actor: CurrentActor) -> object:
    """Get a voucher. **Who:** Any staff key (owner, manager or scanner). **Emits:** none."""
    return await service.get_voucher(session, actor, voucher_id)


@router.post(
    "/vouchers/{voucher_id}/redeem",
    response_model=VoucherOut,
    tags=["Vouchers"],
    summary="Redeem a voucher by id (exactly once)",
    responses=problems(409, *REDEEM_CONFLICTS, "redeem_code_ambiguous"),
)
async def redeem_by_id(
    voucher_id: VoucherId,
    session: Session,
    actor: CurrentActor,
    idem: Idempotent,
    body: RedeemById | None = None,
) -> object:
    """Redeem a voucher by id (exactly once). **Who:** Any staff key (owner, manager or scanner).
    **Emits:** code_pool_empty, referral_converted, voucher_issued, voucher_redeemed.
    """

    async def produce() -> VoucherOut:
        data = body or RedeemById()
        return VoucherOut.model_validate(
            await service.redeem(session, actor, voucher_id=voucher_id, data=data)
        )

    return await idem.respond(200, produce)
