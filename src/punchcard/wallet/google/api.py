"""Google Wallet over HTTP: staff get a card's save link; Google fetches program logos."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from pydantic import BaseModel

from punchcard.config import get_settings
from punchcard.kit.http import Session, database
from punchcard.staff.auth import CurrentActor
from punchcard.wallet.google import service
from punchcard.wallet.google.objects import CALLBACK_PATH

router = APIRouter(tags=["Wallet"])
public_router = APIRouter(include_in_schema=False)
Id = Annotated[str, Path(max_length=64)]


class SaveLink(BaseModel):
    save_url: str


@router.post(
    "/cards/{card_id}/wallet/google",
    response_model=SaveLink,
    summary="A 'Save to Google Wallet' link for the card (its object created or updated)",
    responses={
        404: {"description": "card_not_found"},
        409: {"description": "google_wallet_not_configured, google_wallet_misconfigured"},
        502: {"description": "google_wallet_failed: Google refused or did not answer"},
    },
)
async def google_save_link(
    card_id: Id, request: Request, session: Session, actor: CurrentActor
) -> object:
    # The API key lookup's transaction ends here: no lock is held while Google answers.
    """A 'Save to Google Wallet' link for the card (its object created or updated). **Who:** Owners
    and managers. **Emits:** none.
    """
    await session.commit()
    url = await service.staff_save_url(database(request), get_settings(), actor, card_id)
    return SaveLink(save_url=url)


@public_router.get("/wallet/google/programs/{business_id}/{program_id}/logo.png")
async def program_logo(business_id: Id, program_id: Id, session: Session) -> Response:
    png = await service.program_logo(session, business_id, program_id)
    return Response(png, media_type="image/png", headers={"Cache-Control": "public, max-age=3600"})


@public_router.post(CALLBACK_PATH)
async def google_callback(request: Request) -> dict[str, str]:
    """Google Wallet's save/delete callback (the class's callbackOptions.url); its body is
    bounded before it is read (app.PUBLIC_BODY_LIMITS)."""
    body = await request.body()
    outcome = await service.note_callback(database(request), get_settings(), body)
    return {"status": outcome}
