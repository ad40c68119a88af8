from typing import Literal

from fastapi import APIRouter

from punchcard.kit.http import Session
from punchcard.kit.openapi import problems
from punchcard.kit.pagination import Page, PageQuery
from punchcard.programs import service
from punchcard.programs.schemas import ProgramCreate, ProgramOut, ProgramUpdate
from punchcard.staff.auth import CurrentActor

router = APIRouter(tags=["Programs"])


@router.post(
    "/programs",
    status_code=201,
    response_model=ProgramOut,
    summary="Create a card program",
    responses={**problems(422, "lottery_not_found", "voucher_template_not_found")},
)
async def create_program(body: ProgramCreate, session: Session, actor: CurrentActor) -> object:
    """Create a card program. **Who:** Owners and managers not bound to a location.
    **Emits:** none.
    """
    return await service.create_program(session, actor, data=body)


@router.get("/programs", response_model=Page[ProgramOut], summary="List programs")
async def list_programs(
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    status: Literal["active", "archived"] | None = None,
) -> object:
    """List programs. **Who:** Any staff key (owner, manager or scanner). **Emits:** none."""
    data, cursor = await service.list_programs(session, actor, page, status=status)
    return {"data": data, "next_cursor": cursor}


@router.get("/programs/{program_id}", response_model=ProgramOut, summary="Get a program")
async def get_program(program_id: str, session: Session, actor: CurrentActor) -> object:
    """Get a program. **Who:** Any staff key (owner, manager or scanner). **Emits:** none."""
    return await service.get_program(session, actor, program_id)


@router.patch(
    "/programs/{program_id}",
    response_model=ProgramOut,
    summary="Edit a program (issued cards keep their stamps and vouchers)",
    responses={**problems(422, "lottery_not_found", "voucher_template_not_found")},
)
async def update_program(
    program_id: str, body: ProgramUpdate, session: Session, actor: CurrentActor
) -> object:
    """Edit a program (issued cards keep their stamps and vouchers). **Who:** Owners and managers
    not bound to a location. **Emits:** none.
    """
    return await service.update_program(session, actor, program_id, data=body)
