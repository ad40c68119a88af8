"""CSV exports over HTTP: a streamed response, written as the rows are read."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from punchcard.exports import service
from punchcard.kit.http import Session, database
from punchcard.kit.openapi import problems
from punchcard.kit.schemas import Moment
from punchcard.staff.auth import CurrentActor

router = APIRouter(tags=["Exports"])
Kind = Literal["customers", "cards", "vouchers", "redemptions"]
COLUMNS = {
    "customers": "id, source_id, email, phone, name, birthday, language, marketing_consent, "
    "marketing_consent_at, metadata (JSON), created_at, updated_at",
    "cards": "id, program_id, customer_id, customer_source_id, scan_code, status, stamps, "
    "lifetime_stamps, rounds_completed, issued_at, expires_at, last_stamp_at",
    "vouchers": "id, card_id, customer_id, customer_source_id, template_id, goal_index, title, "
    "redeem_code, status, issued_at, expires_at, redeemed_at, redeemed_location_id, redeemed_via",
    "redemptions": "voucher_id, redeemed_at, location_id, staff_id, redeemed_via, "
    "redeemed_via_detail, redeem_code, title, template_id, card_id, customer_id, "
    "customer_source_id",
}
DESCRIPTION = (
    "Export customers, cards, vouchers or redemptions as CSV, streamed as it is read (any "
    "size, constant memory), in creation order. Columns:\n\n"
    + "\n".join(f"- **{kind}**: {columns}" for kind, columns in COLUMNS.items())
    + "\n\nTimes are UTC ISO 8601 with `Z`. `created_after`/`created_before` apply to the "
    "creation time (cards and vouchers: issued; redemptions: redeemed). `location_id`: "
    "redemptions made there; customers, cards and vouchers with stamps collected there "
    "(vouchers also redeemed there). Erased customers are left out. **Who:** managers and "
    "owners; staff bound to a location export their location's rows only. **Emits:** none."
)


@router.get(
    "/exports/{kind}.csv",
    summary="Export customers, cards, vouchers or redemptions as CSV (streamed)",
    description=DESCRIPTION,
    response_class=StreamingResponse,
    responses={
        **problems(404, "location_not_found"),
        **{
            200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
            403: {"description": "insufficient_role or location_forbidden"},
        },
    },
)
async def export_csv(
    kind: Kind,
    request: Request,
    session: Session,
    actor: CurrentActor,
    created_after: Moment | None = None,
    created_before: Moment | None = None,
    location_id: Annotated[str | None, Query(max_length=64)] = None,
) -> StreamingResponse:
    export = await service.prepare(
        session,
        actor,
        kind,
        created_after=created_after,
        created_before=created_before,
        location_id=location_id,
    )
    return StreamingResponse(
        service.stream(database(request), export),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{kind}.csv"'},
    )
