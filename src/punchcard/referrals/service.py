"""Referral programs (managed by owners and managers), their code pools, referrers and what
referrals did; the referee's side is ``joining``, the referrer's reward ``conversion``."""

from typing import Any
from urllib.parse import quote

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.customers.models import Customer
from punchcard.db.base import table_of
from punchcard.kit.clock import utcnow
from punchcard.kit.db import get_owned, owned_live, owned_page
from punchcard.kit.errors import Conflict, Unprocessable, not_found
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams, newest_first, to_page
from punchcard.kit.sql import insert_ignoring_conflicts
from punchcard.pages.links import public_url
from punchcard.programs.models import Program
from punchcard.referrals.models import Referral, ReferralCode, ReferralProgram, ReferralRefusal
from punchcard.referrals.schemas import (
    CodeSource,
    CustomerReferralsOut,
    GeneratedCodes,
    PoolCodes,
    PoolOut,
    PoolUploaded,
    RedemptionConversion,
    ReferralOut,
    ReferralProgramCreate,
    ReferralProgramOut,
    ReferralProgramUpdate,
    ReferrerOut,
    RewardLimit,
    SaleConversion,
    StampConversion,
    Tier,
)
from punchcard.staff.actor import Actor, Permission
from punchcard.vouchers import codes
from punchcard.vouchers.models import VoucherTemplate

codes_t = table_of(ReferralCode)
referrals_t = table_of(Referral)
refusals_t = table_of(ReferralRefusal)
CODE_ATTEMPTS = 8  # a billion codes or more: a second draw is already rare
MAX_CUSTOMER_REFERRALS = 100  # listed on a customer's page, newest first


async def _page(
    session: AsyncSession, query: Any, table: Any, params: PageParams
) -> tuple[list[Any], str | None]:
    """One page of ``query``'s rows of ``table``, newest first."""
    rows = list((await session.execute(newest_first(query, table.c.id, params))).all())
    return to_page(rows, params, lambda row: row.id)


# --- programs ----------------------------------------------------------------------------------


async def _check_program(session: AsyncSession, business_id: str, program_id: str) -> None:
    program = await session.get(Program, (business_id, program_id))
    if program is None or program.status != "active":
        raise Unprocessable(
            "program_not_found",
            f"Unknown or archived card program: {program_id}.",
            errors=[{"field": "body.program_id", "message": "unknown or archived card program"}],
        )


async def _check_templates(
    session: AsyncSession, business_id: str, data: ReferralProgramCreate | ReferralProgramUpdate
) -> None:
    refs = {
        "body.referee_template_id": data.referee_template_id,
        "body.referrer_template_id": data.referrer_template_id,
        **{f"body.tiers.{i}.template_id": t.template_id for i, t in enumerate(data.tiers or [])},
    }
    named = {field: ref for field, ref in refs.items() if ref is not None}
    await owned_live(session, VoucherTemplate, business_id, named, "voucher_template")


def _apply(program: ReferralProgram, data: ReferralProgramCreate | ReferralProgramUpdate) -> None:
    given = data.model_fields_set if isinstance(data, ReferralProgramUpdate) else None
    fields = data.model_dump(include=given, exclude={"code", "tiers", "conversion", "limit"})
    for field, value in fields.items():
        setattr(program, field, value)
    if given is None or "code" in given:
        assert data.code is not None
        _apply_code(program, data.code)
    if data.tiers is not None:
        program.tiers = [tier.model_dump() for tier in data.tiers]
    if data.conversion is not None:
        program.conversion = data.conversion.model_dump()
    if given is None or "limit" in given:
        limit = data.limit
        program.reward_limit = limit.rewards if limit else None
        program.reward_limit_period = limit.per if limit else None


def _apply_code(program: ReferralProgram, source: CodeSource) -> None:
    program.code_type = source.type
    if isinstance(source, GeneratedCodes):
        program.code_pattern, program.code_charset = source.code_pattern(), source.charset
    else:
        program.code_pattern = program.code_charset = None


def _check_rules(program: ReferralProgram) -> None:
    """What only holds for the program as a whole (an update may change one side of it)."""
    if not (program.referee_template_id or program.referrer_template_id or program.tiers):
        raise Unprocessable(
            "validation_error",
            "A referral program needs a reward: referee_template_id, referrer_template_id or "
            "tiers.",
            errors=[{"field": "body", "message": "give a reward"}],
        )
    if program.starts_at and program.ends_at and program.ends_at <= program.starts_at:
        raise Unprocessable(
            "validation_error",
            "ends_at must be after starts_at.",
            errors=[{"field": "body.ends_at", "message": "must be after starts_at"}],
        )


async def create_program(
    session: AsyncSession, actor: Actor, *, data: ReferralProgramCreate
) -> ReferralProgram:
    actor.require(Permission.PROGRAMS_MANAGE)
    await _check_program(session, actor.business_id, data.program_id)
    await _check_templates(session, actor.business_id, data)
    now = utcnow()
    program = ReferralProgram(
        business_id=actor.business_id, id=new_id("rfp"), created_at=now, updated_at=now
    )
    _apply(program, data)
    session.add(program)
    await session.flush()
    return program


async def get_program(session: AsyncSession, actor: Actor, program_id: str) -> ReferralProgram:
    actor.require(Permission.PROGRAMS_READ)
    return await get_owned(
        session, ReferralProgram, actor.business_id, program_id, "referral_program"
    )


async def list_programs(
    session: AsyncSession, actor: Actor, params: PageParams, *, include_archived: bool
) -> tuple[list[ReferralProgram], str | None]:
    actor.require(Permission.PROGRAMS_READ)
    where = [] if include_archived else [ReferralProgram.archived_at.is_(None)]
    return await owned_page(session, ReferralProgram, actor.business_id, params, *where)


def _refuse_if_archived(program: ReferralProgram, doing: str) -> None:
    if program.archived_at is not None:
        raise Conflict(
            "referral_program_archived",
            f"Referral program '{program.id}' is archived: {doing} is refused.",
        )


async def update_program(
    session: AsyncSession, actor: Actor, program_id: str, *, data: ReferralProgramUpdate
) -> ReferralProgram:
    """Applies from now on: referrals already joined or converted keep what they got."""
    actor.require(Permission.PROGRAMS_MANAGE)
    program = await get_program(session, actor, program_id)
    _refuse_if_archived(program, "editing it")
    await _check_templates(session, actor.business_id, data)
    _apply(program, data)
    _check_rules(program)
    program.updated_at = utcnow()
    await session.flush()
    return program


async def archive_program(session: AsyncSession, actor: Actor, program_id: str) -> None:
    """No new referees or referrers; pending referrals still convert and reward."""
    actor.require(Permission.PROGRAMS_MANAGE)
    program = await get_program(session, actor, program_id)
    program.archived_at = program.archived_at or utcnow()


async def pool_counts(session: AsyncSession, program: ReferralProgram) -> PoolOut:
    rows = await session.execute(
        select(codes_t.c.customer_id.is_(None), func.count())
        .where(
            codes_t.c.business_id == program.business_id,
            codes_t.c.referral_program_id == program.id,
        )
        .group_by(codes_t.c.customer_id.is_(None))
    )
    found = {bool(free): int(n) for free, n in rows}
    return PoolOut(available=found.get(True, 0), assigned=found.get(False, 0))


async def program_out(session: AsyncSession, program: ReferralProgram) -> ReferralProgramOut:
    code: GeneratedCodes | PoolCodes = PoolCodes()
    if program.code_type == "generated":
        assert program.code_pattern is not None
        assert program.code_charset is not None
        prefix, length, postfix = codes.split_generated(program.code_pattern)
        code = GeneratedCodes.model_construct(
            prefix=prefix, length=length, postfix=postfix, charset=program.code_charset
        )
    rules: dict[str, type[StampConversion | RedemptionConversion | SaleConversion]] = {
        "stamp": StampConversion,
        "redemption": RedemptionConversion,
        "pos_sale": SaleConversion,
    }
    conversion = rules[program.conversion["on"]].model_construct(**program.conversion)
    limit = None
    if program.reward_limit is not None:
        limit = RewardLimit.model_validate(
            {"rewards": program.reward_limit, "per": program.reward_limit_period}
        )
    return ReferralProgramOut(
        id=program.id,
        name=program.name,
        program_id=program.program_id,
        code=code,
        pool=await pool_counts(session, program) if program.code_type == "pool" else None,
        referee_template_id=program.referee_template_id,
        referrer_template_id=program.referrer_template_id,
        tiers=[Tier.model_construct(**tier) for tier in program.tiers],
        conversion=conversion,
        limit=limit,
        starts_at=program.starts_at,
        ends_at=program.ends_at,
        archived=program.archived_at is not None,
        created_at=program.created_at,
        updated_at=program.updated_at,
    )


# --- the code pool -----------------------------------------------------------------------------


async def upload_codes(
    session: AsyncSession, actor: Actor, program_id: str, raw: list[str]
) -> PoolUploaded:
    """All or nothing: a code repeated in the upload or already a referral code of the
    business refuses the upload, with the first few (the unique index decides)."""
    actor.require(Permission.PROGRAMS_MANAGE)
    program = await get_program(session, actor, program_id)
    _refuse_if_archived(program, "uploading codes")
    if program.code_type != "pool":
        raise Conflict(
            "referral_program_not_pool",
            f"Referral program '{program.id}' generates its codes: set its code to "
            '{"type": "pool"} first.',
        )
    given = list(dict.fromkeys(raw))
    repeated = len(raw) - len(given)
    batch_id, now = new_id("rcb"), utcnow()
    rows = [
        {
            "business_id": actor.business_id,
            "id": f"{batch_id}{n:05d}",
            "referral_program_id": program.id,
            "code": code,
            "batch_id": batch_id,
            "conversions": 0,
            "rewards": 0,
            "created_at": now,
        }
        for n, code in enumerate(given)
    ]
    taken = list(
        await session.scalars(
            select(codes_t.c.code).where(
                codes_t.c.business_id == actor.business_id, codes_t.c.code.in_(given)
            )
        )
    )
    if repeated or taken:
        raise _duplicates(repeated, taken)
    try:
        async with session.begin_nested():
            await session.execute(insert(codes_t), rows)
    except IntegrityError:  # a concurrent upload took some of them after we looked
        raise _duplicates(0, []) from None
    return PoolUploaded(
        batch_id=batch_id, added=len(rows), pool=await pool_counts(session, program)
    )


def _duplicates(repeated: int, taken: list[str]) -> Conflict:
    return Conflict(
        "duplicate_codes",
        f"{repeated} code(s) repeat within the upload and {len(taken)} are already referral "
        "codes of the business; nothing was uploaded.",
        repeated=repeated,
        already_in_business={"count": len(taken), "sample": taken[:10]},
    )


# --- referrers ---------------------------------------------------------------------------------


def referral_link(business_id: str, card_program_id: str, code: str) -> str:
    """The program's join page with the code filled in."""
    return public_url(f"/join/{business_id}/{card_program_id}?ref={quote(code, safe='')}")


def referrer_out(program: ReferralProgram, row: Any) -> ReferrerOut:
    return ReferrerOut(
        referral_program_id=program.id,
        customer_id=row.customer_id,
        code=row.code,
        link=referral_link(program.business_id, program.program_id, row.code),
        qr=f"/v1/referral-programs/{program.id}/referrers/{row.customer_id}/qr.png",
        successful_referrals=row.conversions,
        rewards=row.rewards,
        created_at=row.assigned_at or row.created_at,
    )


def _mine(program: ReferralProgram, customer_id: str) -> Any:
    return select(codes_t).where(
        codes_t.c.business_id == program.business_id,
        codes_t.c.referral_program_id == program.id,
        codes_t.c.customer_id == customer_id,
    )


async def _generated(session: AsyncSession, program: ReferralProgram, customer_id: str) -> bool:
    """Insert a random code for the customer: False when they got one concurrently."""
    assert program.code_pattern is not None
    assert program.code_charset is not None
    dialect = session.get_bind().dialect.name
    now = utcnow()
    for _ in range(CODE_ATTEMPTS):
        values = {
            "business_id": program.business_id,
            "id": new_id("rfc"),
            "referral_program_id": program.id,
            "code": codes.from_pattern(program.code_pattern, program.code_charset),
            "customer_id": customer_id,
            "conversions": 0,
            "rewards": 0,
            "created_at": now,
            "assigned_at": now,
        }
        statement = insert_ignoring_conflicts(codes_t, dialect, values).returning(codes_t.c.id)
        if (await session.execute(statement)).first() is not None:
            return True
        if (await session.execute(_mine(program, customer_id))).first() is not None:
            return False  # the conflict was the customer's own code, made meanwhile
    raise Conflict("referral_code_space_exhausted", "Could not draw a free referral code.")


async def _claimed(session: AsyncSession, program: ReferralProgram, customer_id: str) -> None:
    """Hand the customer the pool's oldest free code (skipping codes others are taking)."""
    oldest_free = (
        select(codes_t.c.id)
        .where(
            codes_t.c.business_id == program.business_id,
            codes_t.c.referral_program_id == program.id,
            codes_t.c.customer_id.is_(None),
        )
        .order_by(codes_t.c.id)
        .limit(1)
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    try:
        async with session.begin_nested():
            claimed = await session.execute(
                update(codes_t)
                .where(codes_t.c.business_id == program.business_id, codes_t.c.id == oldest_free)
                .values(customer_id=customer_id, assigned_at=utcnow())
                .returning(codes_t.c.id)
            )
            if claimed.first() is None:
                raise Conflict(
                    "referral_code_pool_empty",
                    f"The code pool of referral program '{program.id}' is empty: upload codes "
                    f"(POST /v1/referral-programs/{program.id}/codes).",
                )
    except IntegrityError:
        pass  # the customer got a code concurrently: theirs is read next


async def enrol(
    session: AsyncSession, actor: Actor, program_id: str, customer_id: str
) -> tuple[ReferrerOut, bool]:
    """The customer's referral code in the program: (referrer, created). Enrolling again
    returns the same code."""
    actor.require(Permission.CUSTOMERS_WRITE)
    program = await get_program(session, actor, program_id)
    await get_owned(session, Customer, actor.business_id, customer_id, "customer")
    created = False
    row = (await session.execute(_mine(program, customer_id))).first()
    if row is None:
        _refuse_if_archived(program, "enrolling referrers")
        if program.code_type == "pool":
            await _claimed(session, program, customer_id)
            created = True
        else:
            created = await _generated(session, program, customer_id)
        row = (await session.execute(_mine(program, customer_id))).one()
    return referrer_out(program, row), created


async def get_referrer(
    session: AsyncSession, actor: Actor, program_id: str, customer_id: str
) -> tuple[ReferralProgram, ReferrerOut]:
    actor.require(Permission.CUSTOMERS_READ)
    program = await get_program(session, actor, program_id)
    row = (await session.execute(_mine(program, customer_id))).first()
    if row is None:
        raise not_found("referrer", customer_id)
    return program, referrer_out(program, row)


async def list_referrers(
    session: AsyncSession, actor: Actor, program_id: str, params: PageParams
) -> tuple[list[ReferrerOut], str | None]:
    actor.require(Permission.CUSTOMERS_READ)
    program = await get_program(session, actor, program_id)
    query = select(codes_t).where(
        codes_t.c.business_id == actor.business_id,
        codes_t.c.referral_program_id == program.id,
        codes_t.c.customer_id.is_not(None),
    )
    page, cursor = await _page(session, query, codes_t, params)
    return [referrer_out(program, row) for row in page], cursor


# --- what happened -----------------------------------------------------------------------------


async def list_referrals(
    session: AsyncSession,
    actor: Actor,
    program_id: str,
    params: PageParams,
    *,
    status: str | None,
    referrer_customer_id: str | None,
) -> tuple[list[Any], str | None]:
    actor.require(Permission.CUSTOMERS_READ)
    program = await get_program(session, actor, program_id)
    query = select(referrals_t).where(
        referrals_t.c.business_id == actor.business_id,
        referrals_t.c.referral_program_id == program.id,
    )
    if status:
        query = query.where(referrals_t.c.status == status)
    if referrer_customer_id:
        query = query.where(referrals_t.c.referrer_customer_id == referrer_customer_id)
    return await _page(session, query, referrals_t, params)


async def list_refusals(
    session: AsyncSession,
    actor: Actor,
    params: PageParams,
    *,
    program_id: str | None,
    reason: str | None,
) -> tuple[list[Any], str | None]:
    """Managers and owners; staff bound to a location see the refusals made there."""
    actor.require(Permission.EVENTS_READ)
    if program_id is not None:
        await get_program(session, actor, program_id)
    query = select(refusals_t).where(refusals_t.c.business_id == actor.business_id)
    if program_id is not None:
        query = query.where(refusals_t.c.referral_program_id == program_id)
    if reason:
        query = query.where(refusals_t.c.reason == reason)
    if actor.location_id:
        query = query.where(refusals_t.c.location_id == actor.location_id)
    return await _page(session, query, refusals_t, params)


async def customer_referrals(
    session: AsyncSession, actor: Actor, customer_id: str
) -> CustomerReferralsOut:
    """Whom the customer referred and what each earned, their codes, who referred them."""
    actor.require(Permission.CUSTOMERS_READ)
    await get_owned(session, Customer, actor.business_id, customer_id, "customer")
    business_id = actor.business_id
    held = (
        await session.execute(
            select(codes_t)
            .where(codes_t.c.business_id == business_id, codes_t.c.customer_id == customer_id)
            .order_by(codes_t.c.id)
        )
    ).all()
    programs = {
        program.id: program
        for program in await session.scalars(
            select(ReferralProgram).where(
                ReferralProgram.business_id == business_id,
                ReferralProgram.id.in_({row.referral_program_id for row in held}),
            )
        )
    }
    mine = [referrer_out(programs[row.referral_program_id], row) for row in held]
    referred = (
        await session.execute(
            select(referrals_t)
            .where(
                referrals_t.c.business_id == business_id,
                referrals_t.c.referrer_customer_id == customer_id,
            )
            .order_by(referrals_t.c.id.desc())
            .limit(MAX_CUSTOMER_REFERRALS)
        )
    ).all()
    by = (
        await session.execute(
            select(referrals_t).where(
                referrals_t.c.business_id == business_id,
                referrals_t.c.referee_customer_id == customer_id,
            )
        )
    ).first()
    return CustomerReferralsOut(
        codes=mine,
        referred=[ReferralOut.model_validate(row) for row in referred],
        referred_by=ReferralOut.model_validate(by) if by else None,
    )
