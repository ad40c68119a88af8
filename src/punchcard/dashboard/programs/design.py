"""A program's wallet card design with a live preview, its join link and the QR poster."""

import base64
from typing import Any

from fastapi import Query
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from punchcard.businesses import service as businesses
from punchcard.dashboard.access import StaffView, posted_form
from punchcard.dashboard.forms import parse
from punchcard.dashboard.programs.text import TEXT
from punchcard.dashboard.rendering import NO_STORE, View
from punchcard.dashboard.routing import dashboard_router
from punchcard.dashboard.saving import at_fields, saved
from punchcard.kit.http import Session
from punchcard.kit.png import MAX_IMAGE_BYTES
from punchcard.pages import links
from punchcard.programs import service as programs
from punchcard.programs.models import Program
from punchcard.wallet import design_service
from punchcard.wallet.schemas import WalletDesignIn

router = dashboard_router()
PROGRAM = "/dashboard/programs/{program_id}"
COLORS = ("background_color", "foreground_color", "label_color", "stamp_color")
TEXTS = ("organization_name", "barcode_format", "terms", "website_url", "opening_hours")
IMAGES = ("logo_png", "icon_png")


def _grid(program: Program) -> int:
    return max(int(goal["stamps"]) for goal in program.goals)


async def _page(
    view: View,
    program: Program,
    design: dict[str, Any],
    values: dict[str, Any],
    errors: dict[str, str],
) -> Response:
    known = (*COLORS, *TEXTS, *IMAGES)
    return view.render(
        "programs/design.html",
        TEXT,
        program=program,
        design=design,
        values=values,
        errors=at_fields(errors, known),
        colors=COLORS,
        business_name=view.signed.business_name if view.signed else "",
        saved=view.request.query_params.get("saved") == "1",
    )


@router.get(PROGRAM + "/design")
async def design_page(program_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    actor = view.signed.actor
    program = await programs.get_program(session, actor, program_id)
    design = await design_service.get_design(session, actor, program_id)
    values = {name: design[name] or "" for name in (*COLORS, *TEXTS)}
    return await _page(view, program, design, values, {})


async def _image(form: FormData, name: str, kept: bytes | None) -> str | None:
    """A new upload (as base64, the schema checks it), or the image kept, or none if removed."""
    upload = form.get(name)
    if isinstance(upload, UploadFile) and upload.filename:
        return base64.b64encode(await upload.read(MAX_IMAGE_BYTES + 1)).decode()
    if form.get(f"remove_{name}") == "on" or kept is None:
        return None
    return base64.b64encode(kept).decode()


@router.post(PROGRAM + "/design")
async def save_design(program_id: str, view: StaffView, session: Session) -> Response:
    """The whole design is replaced, as the API's PUT does; images not uploaded again stay."""
    assert view.signed is not None
    actor = view.signed.actor
    form = await posted_form(view)
    program = await programs.get_program(session, actor, program_id)
    design = await design_service.get_design(session, actor, program_id)
    values: dict[str, Any] = {name: str(form.get(name, "")).strip() for name in (*COLORS, *TEXTS)}
    given = dict(values)
    for name in IMAGES:
        given[name] = await _image(form, name, design[name])
    data, errors = parse(WalletDesignIn, given)
    if data is not None:
        done, errors = await saved(
            session, design_service.put_design(session, actor, program_id, data=data)
        )
        if done is not None:
            return RedirectResponse(f"/dashboard/programs/{program_id}/design?saved=1", 303)
    return await _page(view, program, design, values, errors)


@router.get(PROGRAM + "/design/preview.png")
async def preview(
    program_id: str,
    view: StaffView,
    session: Session,
    organization_name: str = Query("", max_length=200),
    background_color: str = Query("", max_length=7),
    foreground_color: str = Query("", max_length=7),
    label_color: str = Query("", max_length=7),
    stamp_color: str = Query("", max_length=7),
) -> Response:
    """The card in the colours given (the saved design's for those left out or not valid
    yet, while the owner is still typing one)."""
    assert view.signed is not None
    actor = view.signed.actor
    program = await programs.get_program(session, actor, program_id)
    design = await design_service.get_design(session, actor, program_id)
    typed = {
        "background_color": background_color,
        "foreground_color": foreground_color,
        "label_color": label_color,
        "stamp_color": stamp_color,
    }
    colors = {}
    for name, value in typed.items():
        checked, _ = parse(WalletDesignIn, {name: value})
        colors[name] = getattr(checked, name) if checked and value else design[name]
    # Here: the preview draws with Pillow and python-barcode, which no other request needs
    from punchcard.dashboard.programs.preview import CardLook, card_png

    grid = _grid(program)
    look = CardLook(
        organization_name=organization_name
        or design["organization_name"]
        or view.signed.business_name,
        program_name=program.name,
        grid=grid,
        filled=max(1, grid * 2 // 5),
        # As the wallets show it: the business's logo where the design has none.
        logo_png=design["logo_png"] or (await businesses.get_business(session, actor)).logo_png,
        **colors,
    )
    return Response(card_png(look), media_type="image/png", headers=NO_STORE)


@router.get(PROGRAM + "/join-qr.{image_type}")
async def join_qr(program_id: str, image_type: str, view: StaffView, session: Session) -> Response:
    """The printable poster (PDF) and the picture on the page (PNG), as the API draws them."""
    assert view.signed is not None
    if image_type not in ("pdf", "png"):
        return Response(status_code=404)
    url = await links.join_url(session, view.signed.actor, program_id)
    kind: links.QrType = "pdf" if image_type == "pdf" else "png"
    return Response(
        links.join_qr(url, kind, 600),
        media_type=links.QR_MEDIA_TYPES[kind],
        headers={"Content-Disposition": f'inline; filename="join-{program_id}.{kind}"', **NO_STORE},
    )
