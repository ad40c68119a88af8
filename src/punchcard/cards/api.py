from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards import service
from punchcard.cards.schemas import (
    CardIssue,
    CardIssued,
    CardOut,
    CardState,
    HistoryOut,
    RemovalOut,
    StampAdd,
    StampOut,
    StampRemoval,
)
from punchcard.code_lookups.http import Guard
from punchcard.hot_routes import Hot, hot_post
from punchcard.idempotency.http import Idempotent
from punchcard.kit.http import Session
from punchcard.kit.openapi import problems
from punchcard.kit.pagination import Page, PageQuery
from punchcard.programs.schemas import GoalOut
from punchcard.staff.actor import Actor
from punchcard.staff.auth import CurrentActor
from punchcard.vouchers.schemas import VoucherOut

router = APIRouter(tags=["Cards"])
CardRef = Annotated[
    str, Path(max_length=64, description="The card id (card_...) or its scan code.")
]


def card_out(view: service.CardView) -> CardOut:
    return CardOut(**view.state(), vouchers=[VoucherOut.model_validate(v) for v in view.vouchers])


@router.post(
    "/cards",
    status_code=201,
    response_model=CardIssued,
    responses={
        **problems(404, "customer_not_found", "location_not_found", "program_not_found"),
        **problems(
            409,
            "code_pool_empty",
            "code_space_exhausted",
            "customer_conflict",
            "program_archived",
            "redeem_code_taken",
            "scan_code_space_exhausted",
        ),
        **{
            200: {
                "model": CardIssued,
                "description": "The customer already had an active card.",
            },
            **problems(
                422,
                "validation_error",
                "referral_code_not_found",
                "duplicate_row",
                why="referral_code_not_found: no referrer of the program has the referral_code "
                "(logged at /v1/code-lookup-failures; too many from one key or location: 429 "
                "too_many_failed_lookups).",
            ),
        },
    },
    summary="Issue a card to a customer (by id, email, phone or source_id), optionally "
    "referred by a referral code",
)
async def issue_card(
    body: CardIssue, session: Session, actor: CurrentActor, idem: Idempotent, guard: Guard
) -> object:
    """Issue a card to a customer (by id, email, phone or source_id), optionally referred by a
    referral code. **Who:** Scanners, managers and owners. **Emits:** card_issued; with a
    referral_code also referral_joined and the referee's voucher_issued, or records a refusal (GET
    /v1/referral-refusals).
    """

    async def issue() -> tuple[int, CardIssued]:
        view, created = await service.issue_card(session, actor, data=body)
        referral = view.referral.out() if view.referral else None
        return (201 if created else 200), CardIssued(
            **card_out(view).model_dump(), referral=referral
        )

    async def produce() -> tuple[int, CardIssued]:
        if body.referral_code is None:
            return await issue()
        async with guard.watch(body.referral_code, body.location_id, "referral"):
            return await issue()

    return await idem.respond(201, produce)


@router.get("/cards", response_model=Page[CardState], summary="List cards")
async def list_cards(
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    customer_id: Annotated[str | None, Query(max_length=64)] = None,
    program_id: Annotated[str | None, Query(max_length=64)] = None,
    status: Literal["active", "expired"] | None = None,
    scan_code: Annotated[str | None, Query(max_length=64)] = None,
) -> object:
    """List cards. **Who:** Any staff key (owner, manager or scanner). **Emits:** none."""
    views, cursor = await service.list_cards(
        session,
        actor,
        page,
        customer_id=customer_id,
        program_id=program_id,
        status=status,
        scan_code=scan_code,
    )
    return {"data": [view.state() for view in views], "next_cursor": cursor}


@router.get(
    "/cards/{card_ref}", response_model=CardOut, summary="A card: stamps, progress, vouchers"
)
async def get_card(card_ref: CardRef, session: Session, actor: CurrentActor) -> object:
    """A card: stamps, progress, vouchers. **Who:** Any staff key (owner, manager or scanner).
    **Emits:** none.
    """
    return card_out(await service.get_card(session, actor, card_ref))


@hot_post(
    router,
    "/cards/{card_ref}/stamps",
    status_code=201,
    response_model=StampOut,
    summary="Add stamps; each goal reached issues its voucher in the same transaction",
    responses={
        **problems(
            409, "card_expired", "code_pool_empty", "code_space_exhausted", "redeem_code_taken"
        )
    },
)
async def add_stamps(card_ref: CardRef, body: StampAdd, hot: Hot) -> object:
    """Add stamps; each goal reached issues its voucher in the same transaction. **Who:** Scanners,
    managers and owners. **Emits:** stamp_added, and per goal reached goal_reached, reward_issued
    and voucher_issued; a pending referee's stamp that converts their referral also emits
    referral_converted (and the referrer's voucher_issued).
    """

    async def produce(session: AsyncSession, actor: Actor) -> StampOut:
        result = await service.add_stamps(
            session,
            actor,
            card_ref=card_ref,
            count=body.count,
            location_id=body.location_id,
            note=body.note,
        )
        return StampOut(
            card=CardState(**result.view.state()),
            stamps_added=result.count,
            goals_reached=[GoalOut(**goal) for goal in result.goals_reached],
            vouchers_issued=[VoucherOut.model_validate(v) for v in result.vouchers],
        )

    return await hot.respond(201, produce)


@router.post(
    "/cards/{card_ref}/stamp-removals",
    status_code=201,
    response_model=RemovalOut,
    summary="Take stamps off a card, with a reason (managers and owners)",
    responses={**problems(409, "not_enough_stamps")},
)
async def remove_stamps(
    card_ref: CardRef, body: StampRemoval, session: Session, actor: CurrentActor, idem: Idempotent
) -> object:
    """Take stamps off a card, with a reason: a correction of stamps given by mistake. Never
    below zero in the current round (409 not_enough_stamps); vouchers already issued stay, and
    the ledger keeps a negative row with the reason. **Who:** Managers (at their location) and
    owners. **Emits:** stamps_removed.
    """

    async def produce() -> RemovalOut:
        result = await service.remove_stamps(session, actor, card_ref=card_ref, data=body)
        return RemovalOut(card=CardState(**result.view.state()), stamps_removed=result.count)

    return await idem.respond(201, produce)


@router.get(
    "/cards/{card_ref}/history",
    response_model=HistoryOut,
    summary="The card's events (stamps, goals, vouchers, redemptions), newest first",
)
async def card_history(
    card_ref: CardRef, session: Session, actor: CurrentActor, page: PageQuery
) -> object:
    """The card's events (stamps, goals, vouchers, redemptions), newest first. **Who:** Any staff
    key (owner, manager or scanner). **Emits:** none.
    """
    data, cursor = await service.card_history(session, actor, card_ref, page)
    return {"data": data, "next_cursor": cursor}
