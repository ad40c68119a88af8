from typing import Annotated

from fastapi import APIRouter, Query

from punchcard.cards.schemas import HistoryOut
from punchcard.events import service
from punchcard.kit.http import Session
from punchcard.kit.pagination import PageQuery
from punchcard.staff.auth import CurrentActor

router = APIRouter(tags=["Events"])
EVENT_TYPES = (
    "card_issued",
    "stamp_added",
    "stamps_removed",
    "goal_reached",
    "reward_issued",
    "voucher_issued",
    "voucher_redeemed",
)


@router.get(
    "/events", response_model=HistoryOut, summary="Loyalty events of the business, newest first"
)
async def list_events(
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    type: Annotated[str | None, Query(max_length=40, description=", ".join(EVENT_TYPES))] = None,
    card_id: Annotated[str | None, Query(max_length=64)] = None,
    customer_id: Annotated[str | None, Query(max_length=64)] = None,
    voucher_id: Annotated[str | None, Query(max_length=64)] = None,
) -> object:
    data, cursor = await service.list_events(
        session,
        actor,
        page,
        event_type=type,
        card_id=card_id,
        customer_id=customer_id,
        voucher_id=voucher_id,
    )
    return {"data": data, "next_cursor": cursor}
