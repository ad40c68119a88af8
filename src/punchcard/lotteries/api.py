from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from punchcard.idempotency.http import Idempotent
from punchcard.kit.http import Session
from punchcard.kit.openapi import problems
from punchcard.kit.pagination import Page, PageQuery
from punchcard.lotteries import service
from punchcard.lotteries.schemas import (
    ID_PATTERN,
    DrawOut,
    LotteryCreate,
    LotteryOut,
    LotteryUpdate,
    PlayIn,
    PlayOut,
)
from punchcard.staff.auth import CurrentActor
from punchcard.vouchers.schemas import VoucherOut

router = APIRouter(tags=["Lotteries"])
PathId = Annotated[str, Path(max_length=64, pattern=ID_PATTERN)]
QueryId = Annotated[str | None, Query(max_length=64, pattern=ID_PATTERN)]


@router.post(
    "/lotteries",
    status_code=201,
    response_model=LotteryOut,
    summary="Create a lottery: variants (prizes and no prize) with weights and optional stock",
    responses={422: {"description": "validation_error or voucher_template_not_found"}},
)
async def create_lottery(body: LotteryCreate, session: Session, actor: CurrentActor) -> object:
    """Create a lottery: variants (prizes and no prize) with weights and optional stock. **Who:**
    Owners and managers not bound to a location. **Emits:** none.
    """
    return (await service.create_lottery(session, actor, data=body)).out()


@router.get("/lotteries", response_model=Page[LotteryOut], summary="List lotteries")
async def list_lotteries(
    session: Session, actor: CurrentActor, page: PageQuery, include_archived: bool = False
) -> object:
    """List lotteries. **Who:** Any staff key (owner, manager or scanner). **Emits:** none."""
    data, cursor = await service.list_lotteries(
        session, actor, page, include_archived=include_archived
    )
    return {"data": [view.out() for view in data], "next_cursor": cursor}


@router.get(
    "/lotteries/{lottery_id}",
    response_model=LotteryOut,
    summary="Get a lottery, with each variant's chance now",
)
async def get_lottery(lottery_id: PathId, session: Session, actor: CurrentActor) -> object:
    """Get a lottery, with each variant's chance now. **Who:** Any staff key (owner, manager or
    scanner). **Emits:** none.
    """
    return (await service.get_lottery(session, actor, lottery_id)).out()


@router.patch(
    "/lotteries/{lottery_id}",
    response_model=LotteryOut,
    summary="Edit a lottery or restock its prizes (tickets not yet played draw from the new one)",
    responses={**problems(422, "voucher_template_not_found")},
)
async def update_lottery(
    lottery_id: PathId, body: LotteryUpdate, session: Session, actor: CurrentActor
) -> object:
    """Edit a lottery or restock its prizes (tickets not yet played draw from the new one). **Who:**
    Owners and managers not bound to a location. **Emits:** none.
    """
    return (await service.update_lottery(session, actor, lottery_id, data=body)).out()


@router.delete(
    "/lotteries/{lottery_id}",
    status_code=204,
    summary="Archive a lottery (refused while a goal uses it; issued tickets stay playable)",
    responses={409: {"description": "lottery_in_use"}},
)
async def archive_lottery(lottery_id: PathId, session: Session, actor: CurrentActor) -> Response:
    """Archive a lottery (refused while a goal uses it; issued tickets stay playable). **Who:**
    Owners and managers not bound to a location. **Emits:** none.
    """
    await service.archive_lottery(session, actor, lottery_id)
    return Response(status_code=204)


@router.post(
    "/vouchers/{voucher_id}/play",
    response_model=PlayOut,
    summary="Play a lottery ticket (exactly once): the result, its audit record, and the prize",
    responses={
        404: {"description": "voucher_not_found"},
        **problems(
            409,
            "lottery_ticket_played",
            "voucher_not_lottery_ticket",
            "lottery_sold_out",
            "code_pool_empty",
            "code_space_exhausted",
            "redeem_code_taken",
            why="lottery_ticket_played names the draw_id; lottery_sold_out (every prize used up, "
            "no 'no prize' variant) leaves the ticket unplayed.",
        ),
    },
)
async def play(
    voucher_id: PathId,
    session: Session,
    actor: CurrentActor,
    idem: Idempotent,
    body: PlayIn | None = None,
) -> object:
    """Play a lottery ticket (exactly once): the result, its audit record, and the prize. **Who:**
    Any staff key (owner, manager or scanner). **Emits:** code_pool_empty, lottery_played,
    voucher_issued.
    """

    async def produce() -> PlayOut:
        data = body or PlayIn()
        played = await service.play(
            session, actor, ticket_id=voucher_id, location_id=data.location_id, via=data.via
        )
        prize = VoucherOut.model_validate(played.prize) if played.prize else None
        return PlayOut(**DrawOut.model_validate(played.draw).model_dump(), voucher=prize)

    return await idem.respond(200, produce)


@router.get(
    "/lottery-draws",
    response_model=Page[DrawOut],
    summary="List draws (the audit log of plays), newest first",
)
async def list_draws(
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    lottery_id: QueryId = None,
    card_id: QueryId = None,
    ticket_id: QueryId = None,
) -> object:
    """List draws (the audit log of plays), newest first. **Who:** Any staff key (owner, manager or
    scanner). **Emits:** none.
    """
    data, cursor = await service.list_draws(
        session, actor, page, lottery_id=lottery_id, card_id=card_id, ticket_id=ticket_id
    )
    return {"data": data, "next_cursor": cursor}


@router.get("/lottery-draws/{draw_id}", response_model=DrawOut, summary="Get a draw")
async def get_draw(draw_id: PathId, session: Session, actor: CurrentActor) -> object:
    """Get a draw. **Who:** Any staff key (owner, manager or scanner). **Emits:** none."""
    return await service.get_draw(session, actor, draw_id)
