"""Card programs: goals, what each rewards, what follows the last one, card validity."""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.kit.clock import utcnow
from punchcard.kit.db import get_owned, owned_page
from punchcard.kit.errors import Unprocessable
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams
from punchcard.programs.models import Program
from punchcard.programs.schemas import GoalIn, ProgramCreate, ProgramUpdate
from punchcard.staff.actor import Actor, Permission
from punchcard.vouchers.service import templates_by_id


async def _goal_rows(
    session: AsyncSession, actor: Actor, goals: list[GoalIn]
) -> list[dict[str, Any]]:
    ids = {goal.template_id for goal in goals}
    templates = await templates_by_id(session, actor.business_id, ids, archived=False)
    missing = sorted(ids - templates.keys())
    if missing:
        raise Unprocessable(
            "voucher_template_not_found",
            f"Unknown or archived voucher template(s): {', '.join(missing)}.",
            errors=[
                {"field": f"body.goals.{i}.template_id", "message": "unknown or archived template"}
                for i, goal in enumerate(goals)
                if goal.template_id in missing
            ],
        )
    return [
        {
            "stamps": goal.stamps,
            "template_id": goal.template_id,
            "title": goal.title or templates[goal.template_id].title,
        }
        for goal in goals
    ]


async def create_program(session: AsyncSession, actor: Actor, *, data: ProgramCreate) -> Program:
    actor.require(Permission.PROGRAMS_MANAGE)
    now = utcnow()
    program = Program(
        business_id=actor.business_id,
        id=new_id("prg"),
        name=data.name,
        goals=await _goal_rows(session, actor, data.goals),
        after_last_goal=data.after_last_goal,
        card_validity_days=data.card_validity_days,
        status="active",
        created_at=now,
        updated_at=now,
    )
    session.add(program)
    await session.flush()
    return program


async def get_program(session: AsyncSession, actor: Actor, program_id: str) -> Program:
    actor.require(Permission.PROGRAMS_READ)
    return await get_owned(session, Program, actor.business_id, program_id, "program")


async def list_programs(
    session: AsyncSession, actor: Actor, params: PageParams, *, status: str | None = None
) -> tuple[list[Program], str | None]:
    actor.require(Permission.PROGRAMS_READ)
    where = [Program.status == status] if status else []
    return await owned_page(session, Program, actor.business_id, params, *where)


async def update_program(
    session: AsyncSession, actor: Actor, program_id: str, *, data: ProgramUpdate
) -> Program:
    """Issued cards keep their stamps and vouchers; new goals apply from their next stamp."""
    actor.require(Permission.PROGRAMS_MANAGE)
    program = await get_program(session, actor, program_id)
    changes = data.model_dump(exclude_unset=True, exclude={"goals"})
    if data.goals is not None:
        program.goals = await _goal_rows(session, actor, data.goals)
    for field, value in changes.items():
        if value is not None or field == "card_validity_days":
            setattr(program, field, value)
    program.updated_at = utcnow()
    return program
