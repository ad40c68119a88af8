"""Redeem codes: drawn as images, checked without redeeming, redemptions rolled back."""

from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Response
from fastapi.responses import JSONResponse

from punchcard.code_lookups.http import Guard
from punchcard.kit.http import Session
from punchcard.kit.openapi import problems
from punchcard.staff.auth import CurrentActor
from punchcard.vouchers import images, rendering
from punchcard.vouchers.code_schemas import RollbackIn, ValidateCode, ValidationOut
from punchcard.vouchers.rollback import rollback_redemption
from punchcard.vouchers.schemas import VoucherOut
from punchcard.vouchers.validation import validate

router = APIRouter(tags=["Vouchers"])
VoucherId = Annotated[str, Path(max_length=64)]
Scale = Annotated[
    int | None,
    Query(ge=1, le=16, description="Pixels per module (default: 8 for qr, 3 for barcodes)."),
]
Height = Annotated[
    int | None,
    Query(ge=10, le=600, description="Bar height in pixels, code128 and ean13 only (default 80)."),
]
SymbologyQuery = Annotated[
    rendering.Symbology,
    Query(
        alias="format",
        description="qr needs the voucher format `qr`; code128 and ean13 (a code of 12 or 13 "
        "digits) need `barcode`.",
    ),
]
IfNoneMatch = Annotated[str | None, Header(include_in_schema=False)]
CACHE_CONTROL = "private, max-age=86400"  # the code of an issued voucher never changes
_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "voucher_not_found"},
    422: {
        "description": "code_format_not_allowed, code_not_ean13, code_not_encodable, or a bad "
        "scale/height (validation_error)"
    },
}


def _add_image_route(image_type: rendering.ImageType) -> None:
    """GET /vouchers/{voucher_id}/code.png and code.svg: one handler, each media type documented."""
    media_type = rendering.MEDIA_TYPES[image_type]
    binary = {"schema": {"type": "string", "format": "binary"}}

    async def code_image(
        voucher_id: VoucherId,
        session: Session,
        actor: CurrentActor,
        symbology: SymbologyQuery = "qr",
        scale: Scale = None,
        height: Height = None,
        if_none_match: IfNoneMatch = None,
    ) -> Response:
        """The voucher's redeem code drawn as the customer shows it (QR, Code128 or EAN-13), in
        a format the voucher allows; the same code always gives the same image, so an
        `If-None-Match` with its ETag gets `304`. **Who:** any staff key (owner, manager or
        scanner). **Emits:** none."""
        image = await images.code_image(
            session,
            actor,
            voucher_id,
            image_type=image_type,
            symbology=symbology,
            scale=scale,
            height=height,
        )
        headers = {"ETag": image.etag, "Cache-Control": CACHE_CONTROL}
        if if_none_match and image.etag in {tag.strip() for tag in if_none_match.split(",")}:
            return Response(status_code=304, headers=headers)
        return Response(image.body, media_type=image.media_type, headers=headers)

    router.get(
        f"/vouchers/{{voucher_id}}/code.{image_type}",
        name=f"code_{image_type}",
        response_class=Response,
        summary=f"The voucher's redeem code as a {image_type.upper()} QR code or barcode",
        responses={
            200: {
                "description": f"The symbol ({media_type}), with an ETag",
                "content": {media_type: binary},
            },
            304: {"description": "Not modified (If-None-Match)"},
            **_ERRORS,
        },
    )(code_image)


for _image_type in rendering.MEDIA_TYPES:
    _add_image_route(_image_type)


@router.get(
    "/vouchers/{voucher_id}/code.txt",
    response_class=Response,
    summary="The voucher's redeem code as plain text (format `text`)",
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}, **_ERRORS},
)
async def code_txt(voucher_id: VoucherId, session: Session, actor: CurrentActor) -> Response:
    """The voucher's redeem code as plain text (format `text`). **Who:** Any staff key (owner,
    manager or scanner). **Emits:** none.
    """
    code = await images.code_text(session, actor, voucher_id)
    return Response(code, media_type="text/plain", headers={"Cache-Control": CACHE_CONTROL})


@router.post(
    "/vouchers/validate",
    response_model=ValidationOut,
    summary="Check a redeem code without redeeming it (state, customer, expiry, reason)",
    responses={
        **problems(404, "location_not_found", "voucher_not_found"),
        **problems(409, "redeem_code_ambiguous"),
        **{
            429: {"description": "too_many_failed_lookups (with Retry-After)"},
            403: {"description": "location_forbidden"},
        },
    },
)
async def validate_code(
    body: ValidateCode, session: Session, actor: CurrentActor, guard: Guard
) -> object:
    """Check a redeem code without redeeming it (state, customer, expiry, reason). Picks the voucher
    exactly as redeem-by-code would and changes nothing. A code matches case-insensitively, ignoring
    surrounding spaces. Digits a till read from an EAN-13 symbol also name the code it was drawn
    from: a 12-digit code is drawn with its check digit appended, so the 13 digits scanned (or 12 as
    UPC-A, when the EAN-13 starts with 0) name it; a wrong check digit names nothing. A voucher
    whose own code is exactly what was sent comes first. **Who:** Any staff key (owner, manager or
    scanner). **Emits:** none.
    """
    await guard.ensure_allowed(body.location_id)
    result = await validate(session, actor, data=body)
    if result.reason == "voucher_not_found":
        answer = JSONResponse(result.model_dump(mode="json"))
        raise guard.failed(body.code, body.location_id, "validate", answer)
    return result


@router.post(
    "/vouchers/{voucher_id}/redemption/rollback",
    response_model=VoucherOut,
    summary="Roll back a redemption within the rollback window (the voucher is redeemable again)",
    responses={
        409: {"description": "voucher_not_redeemed or rollback_window_passed"},
        403: {"description": "insufficient_role or location_forbidden"},
        404: {"description": "voucher_not_found"},
    },
)
async def rollback(
    voucher_id: VoucherId, session: Session, actor: CurrentActor, body: RollbackIn | None = None
) -> object:
    """Roll back a redemption within the rollback window (the voucher is redeemable again). **Who:**
    Any staff key (owner, manager or scanner). **Emits:** voucher_redemption_rolled_back.
    """
    return await rollback_redemption(session, actor, voucher_id, data=body or RollbackIn())
