"""Staff endpoints for printing a program's join QR and sharing its join link."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from punchcard.kit.http import Session
from punchcard.kit.schemas import Output
from punchcard.pages import links
from punchcard.pages.card import link_of, rotate_link
from punchcard.staff.auth import CurrentActor

router = APIRouter(tags=["Programs"])
ProgramId = Annotated[str, Path(max_length=64)]


class JoinLinkOut(Output):
    url: str


class WebLinkOut(Output):
    url: str


CardId = Annotated[str, Path(max_length=64)]
WEB_LINK_ERRORS: dict[int | str, dict[str, str]] = {
    403: {"description": "insufficient_role: scanners may not hand out card links"},
    404: {"description": "card_not_found"},
}


@router.get(
    "/cards/{card_id}/web-link",
    response_model=WebLinkOut,
    tags=["Cards"],
    summary="The card's web-card link, to send to its customer (managers and owners)",
    responses=WEB_LINK_ERRORS,
)
async def web_link(card_id: CardId, session: Session, actor: CurrentActor) -> object:
    """The card's web-card link, to send to its customer (managers and owners). **Who:** Owners and
    managers. **Emits:** none.
    """
    return WebLinkOut(url=links.public_url(await link_of(session, actor, card_id)))


@router.post(
    "/cards/{card_id}/web-link/rotate",
    response_model=WebLinkOut,
    tags=["Cards"],
    summary="A new web-card link: the old one stops working at once (managers and owners)",
    responses=WEB_LINK_ERRORS,
)
async def rotate_web_link(card_id: CardId, session: Session, actor: CurrentActor) -> object:
    """A new web-card link: the old one stops working at once (managers and owners). The card's
    wallet passes get a new version with the new link, and are pushed. Nothing else changes: not the
    card, not the secret key. **Who:** Owners and managers. **Emits:** none.
    """
    return WebLinkOut(url=links.public_url(await rotate_link(session, actor, card_id)))


@router.get(
    "/programs/{program_id}/join-link",
    response_model=JoinLinkOut,
    summary="The program's public join page: share it or print it as a QR code",
    responses={404: {"description": "program_not_found"}},
)
async def join_link(program_id: ProgramId, session: Session, actor: CurrentActor) -> object:
    """The program's public join page: share it or print it as a QR code. **Who:** Any staff key
    (owner, manager or scanner). **Emits:** none.
    """
    return JoinLinkOut(url=await links.join_url(session, actor, program_id))


@router.get(
    "/programs/{program_id}/join-qr.{image_type}",
    response_class=Response,
    summary="The join link as a QR code to print (PNG, SVG or PDF)",
    responses={
        200: links.qr_openapi("The QR code"),
        404: {"description": "program_not_found"},
    },
)
async def join_qr(
    program_id: ProgramId,
    image_type: links.QrType,
    session: Session,
    actor: CurrentActor,
    size: Annotated[
        int, Query(ge=100, le=4000, description="Width in pixels (PDF: points), about.")
    ] = 600,
) -> Response:
    """The join link as a QR code to print (PNG, SVG or PDF). **Who:** Any staff key (owner, manager
    or scanner). **Emits:** none.
    """
    url = await links.join_url(session, actor, program_id)
    return Response(
        links.join_qr(url, image_type, size),
        media_type=links.QR_MEDIA_TYPES[image_type],
        headers={"Content-Disposition": f'inline; filename="join-{program_id}.{image_type}"'},
    )
