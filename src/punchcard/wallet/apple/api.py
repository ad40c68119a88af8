from fastapi import APIRouter, Response

from punchcard.kit.http import AppSettings, Session
from punchcard.kit.openapi import problems
from punchcard.staff.auth import CurrentActor
from punchcard.wallet.apple import signing_service
from punchcard.wallet.apple.passes import MEDIA_TYPE, staff_pkpass
from punchcard.wallet.apple.schemas import AppleSigningIn, AppleSigningOut

router = APIRouter(tags=["Wallet cards"])


@router.get(
    "/cards/{card_id}/wallet/apple.pkpass",
    response_class=Response,
    responses={
        **problems(409, "apple_wallet_not_configured"),
        200: {"content": {MEDIA_TYPE: {}}, "description": "The signed pass."},
    },
    summary="Download the card's Apple Wallet pass (.pkpass)",
)
async def download_pkpass(
    card_id: str, session: Session, actor: CurrentActor, settings: AppSettings
) -> Response:
    """Download the card's Apple Wallet pass (.pkpass). **Who:** Owners and managers. **Emits:**
    none.
    """
    made = await staff_pkpass(session, actor, settings, card_id)
    return Response(
        made.content,
        media_type=MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{card_id}.pkpass"'},
    )


@router.get(
    "/wallet/apple-signing",
    response_model=AppleSigningOut,
    summary="The identity signing your Apple passes (yours, or the server's)",
    responses={**problems(404, "apple_wallet_not_configured")},
)
async def get_apple_signing(session: Session, actor: CurrentActor, settings: AppSettings) -> object:
    """The identity signing your Apple passes (yours, or the server's). **Who:** Owners not bound to
    a location. **Emits:** none.
    """
    return await signing_service.get_signing(session, actor, settings)


@router.put(
    "/wallet/apple-signing",
    response_model=AppleSigningOut,
    summary="Sign your Apple passes with your own pass type certificate (owners)",
    responses={
        **problems(
            422,
            "certificate_not_issued_by_wwdr",
            "certificate_not_valid_now",
            "invalid_certificate",
            "invalid_key",
            "key_certificate_mismatch",
            "pass_type_identifier_mismatch",
            "pass_type_identifier_required",
            "team_identifier_mismatch",
            "team_identifier_required",
            "wwdr_certificate_required",
        ),
        **problems(404, "apple_wallet_not_configured"),
    },
)
async def put_apple_signing(
    body: AppleSigningIn, session: Session, actor: CurrentActor, settings: AppSettings
) -> object:
    """Sign your Apple passes with your own pass type certificate (owners). **Who:** Owners not
    bound to a location. **Emits:** none.
    """
    return await signing_service.put_signing(session, actor, settings, data=body)


@router.delete(
    "/wallet/apple-signing",
    status_code=204,
    summary="Forget your own signing identity (the server's applies again)",
    responses={**problems(404, "apple_signing_not_found")},
)
async def delete_apple_signing(session: Session, actor: CurrentActor) -> Response:
    """Forget your own signing identity (the server's applies again). **Who:** Owners not bound to a
    location. **Emits:** none.
    """
    await signing_service.delete_signing(session, actor)
    return Response(status_code=204)
