from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Response

from punchcard.kit.http import Session
from punchcard.kit.openapi import problems
from punchcard.kit.pagination import Page, PageQuery
from punchcard.lotteries.schemas import ID_PATTERN
from punchcard.pages import links
from punchcard.referrals import service
from punchcard.referrals.schemas import (
    CustomerReferralsOut,
    PoolUpload,
    PoolUploaded,
    ReferralOut,
    ReferralProgramCreate,
    ReferralProgramOut,
    ReferralProgramUpdate,
    ReferrerEnrol,
    ReferrerOut,
    RefusalOut,
    RefusalReason,
)
from punchcard.staff.auth import CurrentActor

router = APIRouter(tags=["Referrals"])
PathId = Annotated[str, Path(max_length=64, pattern=ID_PATTERN)]
QueryId = Annotated[str | None, Query(max_length=64, pattern=ID_PATTERN)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "referral_program_not_found"}}


@router.post(
    "/referral-programs",
    operation_id="create_referral_program",
    status_code=201,
    response_model=ReferralProgramOut,
    summary="Create a referral program: codes, conversion, rewards for both sides, limits",
    responses={
        422: {
            "description": "validation_error, program_not_found (the card program) or "
            "voucher_template_not_found, naming the field"
        }
    },
)
async def create_program(
    body: ReferralProgramCreate, session: Session, actor: CurrentActor
) -> object:
    """Create a referral program: codes, conversion, rewards for both sides, limits. **Who:**
    Managers and owners (staff of every location). **Emits:** none; referees joining emit
    referral_joined, their conversions referral_converted.
    """
    program = await service.create_program(session, actor, data=body)
    return await service.program_out(session, program)


@router.get(
    "/referral-programs",
    operation_id="list_referral_programs",
    response_model=Page[ReferralProgramOut],
    summary="List referral programs",
)
async def list_programs(
    session: Session, actor: CurrentActor, page: PageQuery, include_archived: bool = False
) -> object:
    """List referral programs. **Who:** Any staff login. **Emits:** none."""
    data, cursor = await service.list_programs(
        session, actor, page, include_archived=include_archived
    )
    return {"data": [await service.program_out(session, p) for p in data], "next_cursor": cursor}


@router.get(
    "/referral-programs/{program_id}",
    operation_id="get_referral_program",
    response_model=ReferralProgramOut,
    summary="Get a referral program (a pool program: with its pool's counts)",
    responses=NOT_FOUND,
)
async def get_program(program_id: PathId, session: Session, actor: CurrentActor) -> object:
    """Get a referral program (a pool program: with its pool's counts). **Who:** Any staff login.
    **Emits:** none.
    """
    return await service.program_out(session, await service.get_program(session, actor, program_id))


@router.patch(
    "/referral-programs/{program_id}",
    operation_id="update_referral_program",
    response_model=ReferralProgramOut,
    summary="Edit a referral program (applies to referrals from now on)",
    responses={
        **problems(422, "voucher_template_not_found"),
        **NOT_FOUND,
        409: {"description": "referral_program_archived"},
    },
)
async def update_program(
    program_id: PathId, body: ReferralProgramUpdate, session: Session, actor: CurrentActor
) -> object:
    """Edit a referral program (applies to referrals from now on). Fields given replace the stored
    ones; null clears an optional one. **Who:** Managers and owners (staff of every location).
    **Emits:** none.
    """
    program = await service.update_program(session, actor, program_id, data=body)
    return await service.program_out(session, program)


@router.delete(
    "/referral-programs/{program_id}",
    operation_id="archive_referral_program",
    status_code=204,
    summary="Archive a referral program: no new referees or referrers; pending referrals "
    "still convert",
    responses=NOT_FOUND,
)
async def archive_program(program_id: PathId, session: Session, actor: CurrentActor) -> Response:
    """Archive a referral program: no new referees or referrers; pending referrals still convert.
    **Who:** Managers and owners (staff of every location). **Emits:** none.
    """
    await service.archive_program(session, actor, program_id)
    return Response(status_code=204)


@router.post(
    "/referral-programs/{program_id}/codes",
    status_code=201,
    response_model=PoolUploaded,
    summary="Upload codes into a pool program's pool (all or nothing)",
    responses={
        **NOT_FOUND,
        409: {
            "description": "duplicate_codes (in the upload or already the business's), "
            "referral_program_not_pool or referral_program_archived"
        },
    },
)
async def upload_codes(
    program_id: PathId, body: PoolUpload, session: Session, actor: CurrentActor
) -> object:
    """Upload codes into a pool program's pool (all or nothing). Each code goes to one referrer, in
    upload order. **Who:** Managers and owners (staff of every location). **Emits:** none.
    """
    return await service.upload_codes(session, actor, program_id, body.codes)


@router.post(
    "/referral-programs/{program_id}/referrers",
    status_code=201,
    response_model=ReferrerOut,
    responses={
        200: {"model": ReferrerOut, "description": "The customer had a code already."},
        **NOT_FOUND,
        **problems(
            409,
            "referral_code_pool_empty",
            "referral_program_archived",
            "referral_code_space_exhausted",
            why="A pool program's pool is empty: upload codes.",
        ),
    },
    summary="Make a customer a referrer: their referral code, link and QR",
)
async def enrol(
    program_id: PathId,
    body: ReferrerEnrol,
    response: Response,
    session: Session,
    actor: CurrentActor,
) -> object:
    """Make a customer a referrer: their referral code, link and QR. The same customer again: the
    same code (200). **Who:** Scanners, managers and owners. **Emits:** none.
    """
    referrer, created = await service.enrol(session, actor, program_id, body.customer_id)
    response.status_code = 201 if created else 200
    return referrer


@router.get(
    "/referral-programs/{program_id}/referrers",
    response_model=Page[ReferrerOut],
    summary="List a program's referrers with their successful referrals and rewards",
    responses=NOT_FOUND,
)
async def list_referrers(
    program_id: PathId, session: Session, actor: CurrentActor, page: PageQuery
) -> object:
    """List a program's referrers with their successful referrals and rewards. **Who:** Any staff
    login. **Emits:** none.
    """
    data, cursor = await service.list_referrers(session, actor, program_id, page)
    return {"data": data, "next_cursor": cursor}


@router.get(
    "/referral-programs/{program_id}/referrers/{customer_id}",
    response_model=ReferrerOut,
    summary="A referrer's code, link and counts",
    responses={404: {"description": "referral_program_not_found or referrer_not_found"}},
)
async def get_referrer(
    program_id: PathId, customer_id: PathId, session: Session, actor: CurrentActor
) -> object:
    """A referrer's code, link and counts. **Who:** Any staff login. **Emits:** none."""
    _, referrer = await service.get_referrer(session, actor, program_id, customer_id)
    return referrer


@router.get(
    "/referral-programs/{program_id}/referrers/{customer_id}/qr.{image_type}",
    response_class=Response,
    summary="A referrer's link as a QR code to print or show (PNG, SVG or PDF)",
    responses={
        200: links.qr_openapi("The QR code of the referral link"),
        404: {"description": "referral_program_not_found or referrer_not_found"},
    },
)
async def referrer_qr(
    program_id: PathId,
    customer_id: PathId,
    image_type: links.QrType,
    session: Session,
    actor: CurrentActor,
    size: Annotated[
        int, Query(ge=100, le=4000, description="Width in pixels (PDF: points), about.")
    ] = 600,
) -> Response:
    """A referrer's link as a QR code to print or show (PNG, SVG or PDF). **Who:** Any staff login.
    **Emits:** none.
    """
    _, referrer = await service.get_referrer(session, actor, program_id, customer_id)
    return Response(
        links.join_qr(referrer.link, image_type, size),
        media_type=links.QR_MEDIA_TYPES[image_type],
        headers={"Content-Disposition": f'inline; filename="referral.{image_type}"'},
    )


@router.get(
    "/referral-programs/{program_id}/referrals",
    response_model=Page[ReferralOut],
    summary="A program's referrals, newest first: who brought whom, the conversion, the reward",
    responses=NOT_FOUND,
)
async def list_referrals(
    program_id: PathId,
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    status: Literal["pending", "converted"] | None = None,
    referrer_customer_id: QueryId = None,
) -> object:
    """A program's referrals, newest first: who brought whom, the conversion, the reward. **Who:**
    Any staff login. **Emits:** none.
    """
    data, cursor = await service.list_referrals(
        session,
        actor,
        program_id,
        page,
        status=status,
        referrer_customer_id=referrer_customer_id,
    )
    return {"data": data, "next_cursor": cursor}


@router.get(
    "/referral-programs/{program_id}/refusals",
    response_model=Page[RefusalOut],
    summary="Referral codes this program refused, newest first, with the reason",
    responses=NOT_FOUND,
)
async def list_program_refusals(
    program_id: PathId,
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    reason: RefusalReason | None = None,
) -> object:
    """Referral codes this program refused, newest first, with the reason. **Who:** Managers and
    owners; staff bound to a location see those made there. **Emits:** none.
    """
    data, cursor = await service.list_refusals(
        session, actor, page, program_id=program_id, reason=reason
    )
    return {"data": data, "next_cursor": cursor}


@router.get(
    "/referral-refusals",
    response_model=Page[RefusalOut],
    summary="Every refused referral code, newest first (codes that matched no program too)",
    responses={**problems(404, "referral_program_not_found")},
)
async def list_refusals(
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    reason: RefusalReason | None = None,
) -> object:
    """Every refused referral code, newest first (codes that matched no program too). A code sent to
    POST /v1/cards that matches no referrer is refused whole (422) and logged at
    /v1/code-lookup-failures instead. **Who:** Managers and owners; staff bound to a location see
    those made there. **Emits:** none.
    """
    data, cursor = await service.list_refusals(session, actor, page, program_id=None, reason=reason)
    return {"data": data, "next_cursor": cursor}


@router.get(
    "/customers/{customer_id}/referrals",
    response_model=CustomerReferralsOut,
    tags=["Customers"],
    summary="A customer's referrals: their codes, whom they referred and what it earned, "
    "who referred them",
    responses={404: {"description": "customer_not_found"}},
)
async def customer_referrals(customer_id: PathId, session: Session, actor: CurrentActor) -> object:
    """A customer's referrals: their codes, whom they referred and what it earned, who referred
    them. **Who:** Any staff login. **Emits:** none.
    """
    return await service.customer_referrals(session, actor, customer_id)
