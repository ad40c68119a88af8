from typing import Annotated

from fastapi import APIRouter, Query

from punchcard.code_lookups import service
from punchcard.code_lookups.schemas import CodeLookupFailureOut
from punchcard.kit.http import Session
from punchcard.kit.pagination import Page, PageQuery
from punchcard.staff.auth import CurrentActor

router = APIRouter()


@router.get(
    "/code-lookup-failures",
    response_model=Page[CodeLookupFailureOut],
    tags=["Vouchers"],
    summary="Redeem codes that matched no voucher (typos and guesses), newest first",
)
async def list_failures(
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    location_id: Annotated[str | None, Query(max_length=64)] = None,
    staff_id: Annotated[str | None, Query(max_length=64)] = None,
) -> object:
    """Redeem codes that matched no voucher (typos and guesses), newest first. **Who:** Owners and
    managers. **Emits:** none.
    """
    rows, cursor = await service.list_failures(
        session, actor, page, location_id=location_id, staff_id=staff_id
    )
    return {"data": rows, "next_cursor": cursor}
