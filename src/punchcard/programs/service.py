"""Card programs: goals, what each rewards, what follows the last one, card validity."""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.kit.clock import utcnow
from punchcard.kit.db import get_owned, owned_live, owned_page
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams
from punchcard.lotteries.models import Lottery
from punchcard.programs.models import Program
from punchcard.programs.schemas import GoalIn, ProgramCreate, ProgramUpdate
from punchcard.staff.actor import Actor, Permission
from punchcard.vouchers.models import VoucherTemplate


async def _goal_rows(
    session: AsyncSession, actor: Actor, goals: list[GoalIn]
) -> list[dict[str, Any]]:
    """Goals as stored: a template goal as {stamps, template_id, title}, a lottery goal with
    lottery_id too (and template_id null)."""

    def named(field: str) -> dict[str, str]:
        refs = {f"body.goals.{i}.{field}": getattr(goal, field) for i, goal in enumerate(goals)}
        return {path: ref for path, ref in refs.items() if ref is not None}

    business_id = actor.business_id
    templates = await owned_live(
        session, VoucherTemplate, business_id, named("template_id"), "voucher_template"
    )
    lotteries = await owned_live(session, Lottery, business_id, named("lottery_id"), "lottery")
    rows: list[dict[str, Any]] = []
    for goal in goals:
        if goal.lottery_id is not None:
            title = goal.title or lotteries[goal.lottery_id].title
            rows.append({"stamps": goal.stamps, "template_id": None, "lottery_id": goal.lottery_id})
        else:
            assert goal.template_id is not None
            title = goal.title or templates[goal.template_id].title
            rows.append({"stamps": goal.stamps, "template_id": goal.template_id})
        rows[-1]["title"] = title
    return rows


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
