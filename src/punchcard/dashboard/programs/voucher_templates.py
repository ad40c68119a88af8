"""Voucher templates: title, description, the redeem code's source (one fixed code, a
pattern, generated codes, or a pool filled by a CSV upload, its stock shown), formats and
validity; archiving."""

from typing import Any

from fastapi.responses import RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import UploadFile

from punchcard.codes import service as pools
from punchcard.codes.api import codes_of_csv
from punchcard.codes.schemas import PoolStatus
from punchcard.dashboard.access import StaffView, posted_form
from punchcard.dashboard.forms import parse
from punchcard.dashboard.programs.form_input import CODE_TYPES, FORMATS, template_values
from punchcard.dashboard.programs.text import TEXT
from punchcard.dashboard.rendering import View
from punchcard.dashboard.routing import dashboard_router
from punchcard.dashboard.saving import at_fields, saved
from punchcard.kit.errors import ProblemError, Unprocessable
from punchcard.kit.http import Session
from punchcard.vouchers import codes
from punchcard.vouchers import service as vouchers
from punchcard.vouchers.models import VoucherTemplate
from punchcard.vouchers.schemas import TemplateCreate, TemplateUpdate

router = dashboard_router()
TEMPLATES = "/dashboard/voucher-templates"
FIELDS = ("title", "description", "redeem_code", "formats", "validity_days", "valid_until")
MAX_UPLOAD = 5 * 1024 * 1024  # a pool's CSV: a few hundred thousand codes


def _stored(template: VoucherTemplate, view: View) -> dict[str, Any]:
    """The form's fields as the template holds them."""
    prefix, length, postfix = (
        codes.split_generated(template.code_pattern)
        if template.code_type == "generated" and template.code_pattern
        else ("", "", "")
    )
    until = (
        template.valid_until.astimezone(view.timezone).date().isoformat()
        if template.valid_until
        else ""
    )
    return {
        "title": template.title,
        "description": template.description or "",
        "code_type": template.code_type,
        "fixed_value": template.fixed_code or "",
        "pattern": template.code_pattern if template.code_type == "pattern" else "",
        "charset": template.code_charset or "",
        "prefix": prefix,
        "length": length,
        "postfix": postfix,
        "low_stock_below": template.code_pool_low_stock if template.code_type == "pool" else "",
        "formats": template.formats,
        "validity_days": template.validity_days or "",
        "valid_until": until,
    }


def _typed(form: Any) -> dict[str, Any]:
    """The form as typed, to show again after a refusal."""
    fields = ("title", "description", "code_type", "fixed_value", "pattern", "charset")
    more = ("prefix", "length", "postfix", "low_stock_below", "validity_days", "valid_until")
    return {name: str(form.get(name, "")) for name in fields + more} | {
        "formats": [str(value) for value in form.getlist("formats")]
    }


async def _form(
    view: View,
    session: AsyncSession,
    *,
    template: VoucherTemplate | None,
    values: dict[str, Any],
    errors: dict[str, str],
    imported: int | None = None,
    status_code: int | None = None,
) -> Response:
    assert view.signed is not None
    stock: PoolStatus | None = None
    if template is not None and template.code_type == "pool":
        stock = await pools.status(session, view.signed.actor, template.id)
    return view.render(
        "programs/template.html",
        TEXT,
        status_code=status_code,
        voucher_template=template,
        values=values,
        errors=at_fields(errors, (*FIELDS, "pool")),
        code_types=CODE_TYPES,
        formats=FORMATS,
        stock=stock,
        notice=view.request.query_params.get("done"),
        imported=imported,
    )


@router.get(TEMPLATES + "/new")
async def new_template(view: StaffView, session: Session) -> Response:
    values = {"code_type": "generated", "formats": ["text", "qr"], "length": "8"}
    return await _form(view, session, template=None, values=values, errors={})


@router.post(TEMPLATES + "/new")
async def create_template(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    form = await posted_form(view)
    data, errors = parse(TemplateCreate, template_values(form, view.timezone))
    if data is not None:
        made, errors = await saved(
            session, vouchers.create_template(session, view.signed.actor, data=data)
        )
        if made is not None:
            return RedirectResponse(f"{TEMPLATES}/{made.id}?done=created", status_code=303)
    return await _form(view, session, template=None, values=_typed(form), errors=errors)


@router.get(TEMPLATES + "/{template_id}")
async def edit_template(template_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    template = await vouchers.get_template(session, view.signed.actor, template_id)
    return await _form(view, session, template=template, values=_stored(template, view), errors={})


@router.post(TEMPLATES + "/{template_id}")
async def change_template(template_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    actor = view.signed.actor
    form = await posted_form(view)
    template = await vouchers.get_template(session, actor, template_id)
    values = template_values(form, view.timezone)
    data, errors = parse(TemplateUpdate, values)
    if data is not None:
        # A blank validity or description clears it, as null does in the API.
        cleared = {
            f: None for f in ("description", "validity_days", "valid_until") if not values[f]
        }
        data = data.model_copy(update=cleared)
        done, errors = await saved(
            session, vouchers.update_template(session, actor, template_id, data=data)
        )
        if done is not None:
            return RedirectResponse(f"{TEMPLATES}/{template_id}?done=saved", status_code=303)
        await session.refresh(template)
    return await _form(view, session, template=template, values=_typed(form), errors=errors)


@router.post(TEMPLATES + "/{template_id}/archive")
async def archive_template(template_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    await posted_form(view)
    await vouchers.archive_template(session, view.signed.actor, template_id)
    return RedirectResponse("/dashboard/programs?archived=1", status_code=303)


async def _uploaded_codes(upload: object) -> list[str]:
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise Unprocessable("validation_error", "Choose a CSV file.", field="pool")
    body = await upload.read(MAX_UPLOAD + 1)
    if len(body) > MAX_UPLOAD:
        raise Unprocessable("validation_error", "The file is larger than 5 MB.", field="pool")
    found = codes_of_csv(body.decode("utf-8-sig", errors="replace"))
    if not found:
        raise Unprocessable("no_codes", "The CSV holds no codes.", field="pool")
    return found


@router.post(TEMPLATES + "/{template_id}/pool")
async def upload_codes(template_id: str, view: StaffView, session: Session) -> Response:
    """The codes of a CSV file into the pool, all or nothing (duplicates refused, unless the
    owner ticks "skip codes already there")."""
    assert view.signed is not None
    actor = view.signed.actor
    form = await posted_form(view)
    template = await vouchers.get_template(session, actor, template_id)
    try:
        raw = await _uploaded_codes(form.get("file"))
        async with session.begin_nested():
            result = await pools.import_codes(
                session, actor, template_id, raw, skip_duplicates=form.get("skip") == "on"
            )
    except ProblemError as error:
        return await _form(
            view,
            session,
            template=template,
            values=_stored(template, view),
            errors={"pool": error.detail},
            status_code=error.status,
        )
    values = _stored(template, view)
    return await _form(
        view, session, template=template, values=values, errors={}, imported=result.imported
    )
