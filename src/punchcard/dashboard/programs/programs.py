"""Programs: the list (with the voucher templates), create and edit goals, rewards, what
happens after the last goal, card validity, and archiving."""

from typing import Any

from fastapi.responses import RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.codes import service as pools
from punchcard.dashboard.access import StaffView, posted_form
from punchcard.dashboard.forms import parse
from punchcard.dashboard.listing import page_of
from punchcard.dashboard.programs.form_input import GOAL_ROWS_SPARE, goal_rows, program_values
from punchcard.dashboard.programs.text import TEXT
from punchcard.dashboard.rendering import View
from punchcard.dashboard.routing import dashboard_router
from punchcard.dashboard.saving import saved
from punchcard.kit.http import Session
from punchcard.kit.pagination import PageParams
from punchcard.lotteries import service as lotteries
from punchcard.pages import links
from punchcard.programs import service
from punchcard.programs.models import Program
from punchcard.programs.schemas import ProgramCreate, ProgramUpdate
from punchcard.staff.actor import Permission
from punchcard.vouchers import service as vouchers

router = dashboard_router()
PROGRAMS = "/dashboard/programs"
FIELDS = ("name", "after_last_goal", "card_validity_days", "status", "goals")
EVERY = PageParams(limit=100, cursor=None)  # rewards to pick from: a business has a few


@router.get(PROGRAMS)
async def programs(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    actor = view.signed.actor
    found, more = await service.list_programs(session, actor, page_of(view.request), status=None)
    templates, _ = await vouchers.list_templates(session, actor, EVERY, include_archived=False)
    stock = {
        template.id: await pools.status(session, actor, template.id)
        for template in templates
        if template.code_type == "pool"
    }
    return view.render(
        "programs/list.html",
        TEXT,
        programs=found,
        more=more,
        templates=templates,
        stock=stock,
        may_manage=actor.can(Permission.PROGRAMS_MANAGE) and actor.location_id is None,
    )


async def _rewards(session: AsyncSession, view: View) -> list[tuple[str, str]]:
    """What a goal may issue: a voucher template or a lottery ticket."""
    assert view.signed is not None
    actor = view.signed.actor
    templates, _ = await vouchers.list_templates(session, actor, EVERY, include_archived=False)
    draws, _ = await lotteries.list_lotteries(session, actor, EVERY, include_archived=False)
    lottery_word = TEXT.text(view.language, "lottery")
    return [(f"template:{t.id}", t.title) for t in templates] + [
        (f"lottery:{d.lottery.id}", f"{lottery_word}: {d.lottery.title}") for d in draws
    ]


def _stored_rows(program: Program) -> list[dict[str, str]]:
    return [
        {
            "stamps": str(goal["stamps"]),
            "reward": f"lottery:{goal['lottery_id']}"
            if goal.get("lottery_id")
            else f"template:{goal['template_id']}",
            "title": goal["title"],
        }
        for goal in program.goals
    ]


def _field_of(key: str) -> str:
    """A service names a goal's field as ``body.goals.0.template_id``: shown at the goals."""
    if "goals" in key:
        return "goals"
    return key if key in FIELDS else "form"


async def _form(
    view: View,
    session: AsyncSession,
    *,
    program: Program | None,
    values: dict[str, Any],
    rows: list[dict[str, str]],
    errors: dict[str, str],
) -> Response:
    assert view.signed is not None
    rows = rows + [{"stamps": "", "reward": "", "title": ""}] * GOAL_ROWS_SPARE
    errors = {_field_of(key): message for key, message in errors.items()}
    return view.render(
        "programs/program.html",
        TEXT,
        program=program,
        values=values,
        rows=rows,
        rewards=await _rewards(session, view),
        errors=errors,
        saved=view.request.query_params.get("saved") == "1",
        join_url=await links.join_url(session, view.signed.actor, program.id) if program else None,
    )


@router.get(PROGRAMS + "/new")
async def new_program(view: StaffView, session: Session) -> Response:
    values = {"after_last_goal": "restart"}
    return await _form(view, session, program=None, values=values, rows=[], errors={})


@router.post(PROGRAMS + "/new")
async def create_program(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    form = await posted_form(view)
    values, rows = program_values(form), goal_rows(form)
    data, errors = parse(ProgramCreate, values)
    if data is not None:
        made, errors = await saved(
            session, service.create_program(session, view.signed.actor, data=data)
        )
        if made is not None:
            return RedirectResponse(f"{PROGRAMS}/{made.id}?saved=1", status_code=303)
    return await _form(view, session, program=None, values=values, rows=rows, errors=errors)


@router.get(PROGRAMS + "/{program_id}")
async def edit_program(program_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    program = await service.get_program(session, view.signed.actor, program_id)
    values = {
        "name": program.name,
        "after_last_goal": program.after_last_goal,
        "card_validity_days": program.card_validity_days,
        "status": program.status,
    }
    rows = _stored_rows(program)
    return await _form(view, session, program=program, values=values, rows=rows, errors={})


@router.post(PROGRAMS + "/{program_id}")
async def change_program(program_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    actor = view.signed.actor
    form = await posted_form(view)
    values, rows = program_values(form), goal_rows(form)
    values["status"] = str(form.get("status", "active"))
    program = await service.get_program(session, actor, program_id)
    data, errors = parse(ProgramUpdate, values)
    if data is not None:
        if not values["card_validity_days"]:
            data = data.model_copy(update={"card_validity_days": None})  # blank: never expire
        done, errors = await saved(
            session, service.update_program(session, actor, program_id, data=data)
        )
        if done is not None:
            return RedirectResponse(f"{PROGRAMS}/{program_id}?saved=1", status_code=303)
        await session.refresh(program)
    return await _form(view, session, program=program, values=values, rows=rows, errors=errors)
