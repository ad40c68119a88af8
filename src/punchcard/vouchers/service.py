"""Voucher templates, issuing vouchers, and redeeming them exactly once."""

import itertools
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from sqlalchemy import (
    Row,
    String,
    and_,
    bindparam,
    case,
    exists,
    func,
    insert,
    literal,
    null,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.service import acting_location
from punchcard.cards.models import Card
from punchcard.cards.repository import cards, customers, goal_index_sql, load_holder, programs
from punchcard.code_lookups.models import CodeLookupLimit
from punchcard.code_lookups.service import ensure_allowed
from punchcard.codes import space as code_space
from punchcard.codes.pool import pool_code_source
from punchcard.customers.models import Customer
from punchcard.db.base import table_of
from punchcard.events import service as events
from punchcard.events.models import Event
from punchcard.events.payloads import (
    EVENT_ROW_KEYS,
    card_part_sql,
    customer_part_sql,
    event_row,
    voucher_part,
    voucher_part_sql,
)
from punchcard.kit.clock import isoformat_z, utcnow
from punchcard.kit.db import first_and_only_write, get_owned, owned_page
from punchcard.kit.errors import Conflict, not_found
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams, newest_first, to_page
from punchcard.kit.sql import insert_ignoring_conflicts
from punchcard.programs.models import Program
from punchcard.staff import key_check
from punchcard.staff.actor import Actor, Permission
from punchcard.vouchers import codes
from punchcard.vouchers.models import Voucher, VoucherTemplate
from punchcard.vouchers.schemas import (
    CodeConfig,
    FixedCode,
    PatternCode,
    PoolCode,
    RedeemByCode,
    RedeemById,
    TemplateCreate,
    TemplateUpdate,
    VoucherIssue,
)

vouchers = table_of(Voucher)
CODE_ATTEMPTS = 8  # misses in a row before a random code source looks at how full its space is
MAX_CODE_ATTEMPTS = 64
FULL = 0.8  # of a pattern's space in use: issuing refuses from here on (below, 64 misses in a
# row have a chance under 0.8**64 = 6e-7)

# --- templates -------------------------------------------------------------------------------


def _apply_template_fields(
    template: VoucherTemplate, data: TemplateCreate | TemplateUpdate
) -> None:
    editing = isinstance(data, TemplateUpdate)
    fields = data.model_dump(exclude_unset=editing, exclude={"redeem_code"})
    for field, value in fields.items():
        if value is not None or field in {"validity_days", "valid_until", "description"}:
            setattr(template, field, value)
    if data.redeem_code is not None:
        source = data.redeem_code
        config = source.generate if isinstance(source, PoolCode) else source
        template.code_type = source.type
        template.fixed_code = source.value if isinstance(source, FixedCode) else None
        template.code_pattern, template.code_charset = (
            (config.code_pattern(), config.charset)
            if isinstance(config, PatternCode | CodeConfig)
            else (None, None)
        )
        template.code_pool_low_stock = (
            source.low_stock_below if isinstance(source, PoolCode) else None
        )


async def create_template(
    session: AsyncSession, actor: Actor, *, data: TemplateCreate
) -> VoucherTemplate:
    actor.require(Permission.PROGRAMS_MANAGE)
    now = utcnow()
    template = VoucherTemplate(
        business_id=actor.business_id, id=new_id("vtp"), created_at=now, updated_at=now
    )
    _apply_template_fields(template, data)
    session.add(template)
    await session.flush()
    return template


async def get_template(session: AsyncSession, actor: Actor, template_id: str) -> VoucherTemplate:
    actor.require(Permission.PROGRAMS_READ)
    return await get_owned(
        session, VoucherTemplate, actor.business_id, template_id, "voucher_template"
    )


def refuse_if_archived(template: VoucherTemplate, doing: str) -> None:
    """Archived means retired: nothing new comes from the template (no edits, vouchers issued
    by API, codes uploaded or generated), while what exists stays readable: the template, its
    vouchers, which redeem as before, and its pool's codes, to reconcile them with the POS.
    Goals set before it was archived still issue it (``templates_by_id``)."""
    if template.archived_at is not None:
        raise Conflict(
            "template_archived",
            f"Template '{template.id}' is archived: {doing} is refused. It stays readable, with "
            "its vouchers and pool codes; create a new template instead.",
        )


async def list_templates(
    session: AsyncSession, actor: Actor, params: PageParams, *, include_archived: bool
) -> tuple[list[VoucherTemplate], str | None]:
    actor.require(Permission.PROGRAMS_READ)
    where = [] if include_archived else [VoucherTemplate.archived_at.is_(None)]
    return await owned_page(session, VoucherTemplate, actor.business_id, params, *where)


async def update_template(
    session: AsyncSession, actor: Actor, template_id: str, *, data: TemplateUpdate
) -> VoucherTemplate:
    """Edits apply to vouchers issued from now on; issued vouchers keep their snapshot."""
    actor.require(Permission.PROGRAMS_MANAGE)
    template = await get_template(session, actor, template_id)
    refuse_if_archived(template, "editing it")
    _apply_template_fields(template, data)
    template.updated_at = utcnow()
    return template


async def archive_template(session: AsyncSession, actor: Actor, template_id: str) -> None:
    actor.require(Permission.PROGRAMS_MANAGE)
    template = await get_template(session, actor, template_id)
    programs = await session.scalars(
        select(Program).where(Program.business_id == actor.business_id, Program.status == "active")
    )
    users = [p.id for p in programs if any(g["template_id"] == template_id for g in p.goals)]
    if users:
        raise Conflict(
            "template_in_use",
            f"Template '{template_id}' is a goal reward of program(s) {', '.join(users)}.",
            programs=users,
        )
    template.archived_at = utcnow()


async def templates_by_id(
    session: AsyncSession, business_id: str, template_ids: set[str], *, archived: bool
) -> dict[str, VoucherTemplate]:
    """Templates by id: new goals may not use archived ones, goals already set still issue them."""
    query = select(VoucherTemplate).where(
        VoucherTemplate.business_id == business_id, VoucherTemplate.id.in_(template_ids)
    )
    if not archived:
        query = query.where(VoucherTemplate.archived_at.is_(None))
    return {template.id: template for template in await session.scalars(query)}


# --- issuing ---------------------------------------------------------------------------------


def _expiry(template: VoucherTemplate, now: datetime) -> datetime | None:
    if template.validity_days is not None:
        return now + timedelta(days=template.validity_days)
    return template.valid_until


NextCode = Callable[[int], Awaitable[str]]  # a code for attempt n (0, 1, ...), or a refusal
# Inserts the voucher unless its code is taken (ON CONFLICT DO NOTHING): True if it went in.
InsertVoucher = Callable[[dict[str, Any]], Awaitable[bool]]


async def insert_voucher(
    session: AsyncSession,
    values: dict[str, Any],
    next_code: NextCode | None,
    insert: InsertVoucher | None = None,
) -> dict[str, Any]:
    """Insert with a fresh code until the unique index accepts it (unique codes only):
    ``next_code`` says when to give up, by raising. ``insert``: a statement that writes more
    with the voucher (``cards.stamp_writes``); by default the voucher alone."""
    insert = insert or partial(insert_alone, session)
    for attempt in itertools.count():
        if next_code:
            values["redeem_code"] = await next_code(attempt)
        if await insert(values):
            return values
        if not next_code:
            raise Conflict(
                "redeem_code_taken", f"Another voucher already has code '{values['redeem_code']}'."
            )
    raise AssertionError("unreachable")


async def insert_alone(session: AsyncSession, values: dict[str, Any]) -> bool:
    """The voucher alone, unless its code is taken: True if it went in."""
    dialect = session.get_bind().dialect.name
    statement = insert_ignoring_conflicts(vouchers, dialect, values).returning(vouchers.c.id)
    return (await session.execute(statement)).first() is not None


def random_code_source(
    session: AsyncSession, business_id: str, pattern: str, charset: str
) -> NextCode:
    """Random codes of the pattern until one is free (on no voucher: the unique index decides).
    After a few misses in a row it counts the pattern's codes on vouchers: from ``FULL`` of the
    space on, issuing is refused with the numbers; below, drawing goes on (each draw is then
    free with a chance of at least 1 - FULL)."""

    async def next_code(attempt: int) -> str:
        if attempt in (CODE_ATTEMPTS, MAX_CODE_ATTEMPTS):
            used = await code_space.used(session, business_id, pattern, charset, in_pools=False)
            space = codes.space_size(pattern, charset)
            if used >= FULL * space or attempt == MAX_CODE_ATTEMPTS:
                raise Conflict(
                    "code_space_exhausted",
                    f"{used:,} of the {space:,} possible codes of pattern '{pattern}' are on "
                    f"vouchers of the business, and {attempt} random draws found none free: "
                    "make the codes longer or the charset larger.",
                    space=space,
                    in_use=used,
                )
        return codes.from_pattern(pattern, charset)

    return next_code


async def issue_from_template(session: AsyncSession, **voucher: Any) -> Voucher:
    """Issue a voucher of a template: ``from_template``'s arguments."""
    return as_voucher(await insert_voucher(session, *from_template(session, **voucher)))


# What ``from_template`` reads of a template (a row read with others may carry just these).
TEMPLATE_FIELDS = (
    "id",
    "title",
    "description",
    "code_type",
    "fixed_code",
    "code_pattern",
    "code_charset",
    "formats",
    "validity_days",
    "valid_until",
)


def from_template(
    session: AsyncSession,
    *,
    business_id: str,
    template: VoucherTemplate,
    customer_id: str,
    card_id: str | None,
    goal_index: int | None,
    now: datetime,
    metadata: dict[str, Any] | None = None,
    validity_days: int | None = None,
) -> tuple[dict[str, Any], NextCode | None]:
    """A voucher of ``template``, to insert (``insert_voucher``), and where its codes come from.
    ``validity_days``: valid that long from ``now`` instead of the template's validity."""
    expires_at = now + timedelta(days=validity_days) if validity_days else _expiry(template, now)
    values: dict[str, Any] = {
        "business_id": business_id,
        "id": new_id("vch"),
        "type": "voucher",
        "customer_id": customer_id,
        "card_id": card_id,
        "template_id": template.id,
        "goal_index": goal_index,
        "title": template.title,
        "description": template.description,
        "redeem_code": template.fixed_code or "",
        "code_unique": template.code_type != "fixed",
        "formats": list(template.formats),
        "status": "issued",
        "issued_at": now,
        "expires_at": expires_at,
        "metadata": metadata or {},
    }
    next_code = None
    if template.code_type == "pool":
        next_code = pool_code_source(session, template, values["id"], now)
    elif template.code_type != "fixed":
        next_code = random_code_source(
            session,
            business_id,
            template.code_pattern or codes.DEFAULT_PATTERN,
            template.code_charset or codes.DEFAULT_CHARSET,
        )
    return values, next_code


def as_voucher(values: dict[str, Any]) -> Voucher:
    """A transient Voucher for output and payloads (the row was written with Core)."""
    fields = {"type": "voucher", "lottery_id": None, **values}
    fields["metadata_"] = fields.pop("metadata")
    for name in (
        "redeemed_at",
        "redeemed_location_id",
        "redeemed_staff_id",
        "redeemed_via",
        "redeemed_via_detail",
    ):
        fields.setdefault(name, None)
    return Voucher(**fields)


async def _target(
    session: AsyncSession, actor: Actor, data: VoucherIssue
) -> tuple[str, str | None]:
    """(customer_id, card_id) of a voucher issue, checked to exist in this business."""
    if data.card_id is not None:
        card = await session.get(Card, (actor.business_id, data.card_id))
        if card is None:
            raise not_found("card", data.card_id)
        return card.customer_id, card.id
    assert data.customer_id is not None
    if await session.get(Customer, (actor.business_id, data.customer_id)) is None:
        raise not_found("customer", data.customer_id)
    return data.customer_id, None


async def issue_voucher(session: AsyncSession, actor: Actor, *, data: VoucherIssue) -> Voucher:
    actor.require(Permission.VOUCHERS_ISSUE)
    location_id = await acting_location(session, actor, data.location_id)
    customer_id, card_id = await _target(session, actor, data)
    now = utcnow()
    if data.template_id is not None:
        template = await get_template(session, actor, data.template_id)
        refuse_if_archived(template, "issuing vouchers from it")
        voucher = await issue_from_template(
            session,
            business_id=actor.business_id,
            template=template,
            customer_id=customer_id,
            card_id=card_id,
            goal_index=None,
            now=now,
            metadata=data.metadata,
        )
    else:
        custom = data.custom
        assert custom is not None
        values = {
            "business_id": actor.business_id,
            "id": new_id("vch"),
            "customer_id": customer_id,
            "card_id": card_id,
            "template_id": None,
            "goal_index": None,
            "title": custom.title,
            "description": custom.description,
            "redeem_code": custom.redeem_code or "",
            "code_unique": custom.redeem_code is None or custom.unique_code,
            "formats": list(custom.formats),
            "status": "issued",
            "issued_at": now,
            "expires_at": custom.expires_at,
            "metadata": data.metadata,
        }
        generated = (
            random_code_source(
                session, actor.business_id, codes.DEFAULT_PATTERN, codes.DEFAULT_CHARSET
            )
            if not custom.redeem_code
            else None
        )
        voucher = as_voucher(await insert_voucher(session, values, generated))
    holder = await load_holder(session, actor.business_id, customer_id, card_id)
    await events.record(
        session,
        [
            event_row(
                "voucher_issued",
                business_id=actor.business_id,
                at=now,
                location_id=location_id,
                staff_id=actor.staff_id,
                customer=holder.customer,
                card=holder.card,
                voucher=voucher_part(voucher),
            )
        ],
    )
    return voucher


# --- reading ---------------------------------------------------------------------------------


async def get_voucher(
    session: AsyncSession, actor: Actor, voucher_id: str, *, lock: bool = False
) -> Row[Any]:
    """``lock``: no other transaction changes it until this one ends."""
    actor.require(Permission.VOUCHERS_READ)
    query = select(vouchers).where(
        vouchers.c.business_id == actor.business_id, vouchers.c.id == voucher_id
    )
    row = (await session.execute(query.with_for_update() if lock else query)).one_or_none()
    if row is None:
        raise not_found("voucher", voucher_id)
    return row


async def list_vouchers(
    session: AsyncSession,
    actor: Actor,
    params: PageParams,
    *,
    customer_id: str | None,
    card_id: str | None,
    status: str | None,
    code: str | None,
    voucher_type: str | None = None,
) -> tuple[list[Row[Any]], str | None]:
    actor.require(Permission.VOUCHERS_READ)
    query = select(vouchers).where(vouchers.c.business_id == actor.business_id)
    if voucher_type:
        query = query.where(vouchers.c.type == voucher_type)
    if customer_id:
        query = query.where(vouchers.c.customer_id == customer_id)
    if card_id:
        query = query.where(vouchers.c.card_id == card_id)
    if code:
        query = query.where(vouchers.c.redeem_code.in_(codes.meanings(codes.normalize(code))))
    if status:
        query = query.where(_status_is(status, utcnow()))
    rows = list((await session.execute(newest_first(query, vouchers.c.id, params))).all())
    return to_page(rows, params, lambda row: row.id)


def _redeemable(now: datetime) -> Any:
    return and_(
        vouchers.c.status == "issued",
        or_(vouchers.c.expires_at.is_(None), vouchers.c.expires_at > now),
    )


def _status_is(status: str, now: datetime) -> Any:
    """Status as users see it: an issued voucher past its expiry counts as expired."""
    if status == "issued":
        return _redeemable(now)
    if status == "expired":
        return or_(
            vouchers.c.status == "expired",
            and_(vouchers.c.status == "issued", vouchers.c.expires_at <= now),
        )
    return vouchers.c.status == status


# --- redeeming -------------------------------------------------------------------------------


def _most_literal_first(table: Any, code: Any) -> tuple[Any, ...]:
    """Order vouchers matching ``codes.meanings(code)``: the code as sent, then the code an
    EAN-13 reading of it was drawn from (13 digits before 12)."""
    return (table.c.redeem_code == code).desc(), func.length(table.c.redeem_code).desc()


async def voucher_for_code(
    session: AsyncSession,
    business_id: str,
    code: str,
    *,
    card_id: str | None = None,
    customer_id: str | None = None,
) -> str:
    """Pick the voucher a scanned code means; a shared POS code needs the card or customer."""
    meanings = codes.meanings(code)
    query = select(vouchers.c.id, vouchers.c.code_unique, vouchers.c.card_id).where(
        vouchers.c.business_id == business_id, vouchers.c.redeem_code.in_(meanings)
    )
    if card_id:
        query = query.where(vouchers.c.card_id == card_id)
    if customer_id:
        query = query.where(vouchers.c.customer_id == customer_id)
    # Redeemable first, soonest expiry first: two free coffees, use the one that expires first.
    now = utcnow()
    query = query.order_by(
        *(_most_literal_first(vouchers, code) if len(meanings) > 1 else ()),
        _redeemable(now).desc(),
        vouchers.c.expires_at.is_(None),
        vouchers.c.expires_at,
        vouchers.c.id,
    ).limit(2)
    rows = (await session.execute(query)).all()
    if not rows:
        raise not_found("voucher", code)
    shared = not rows[0].code_unique
    if shared and card_id is None and customer_id is None:
        raise Conflict(
            "redeem_code_ambiguous",
            f"'{code}' is a shared POS code: also send the card_id or customer_id.",
        )
    return str(rows[0].id)


def _refusal(row: Row[Any], now: datetime) -> Conflict | None:
    """Why ``row`` cannot be redeemed at ``now``; None if it can."""
    if row.type == "lottery":
        return Conflict(
            "voucher_is_lottery_ticket",
            f"'{row.id}' is a lottery ticket: it is played (POST /v1/vouchers/{row.id}/play),"
            " and a prize it wins is a voucher of its own.",
        )
    if row.status == "redeemed":
        return Conflict(
            "voucher_already_redeemed",
            f"Voucher '{row.id}' was already redeemed.",
            redeemed_at=isoformat_z(row.redeemed_at),
            redeemed_via=row.redeemed_via,
        )
    if row.status == "expired" or (row.expires_at is not None and row.expires_at <= now):
        return Conflict(
            "voucher_expired", f"Voucher '{row.id}' has expired and cannot be redeemed."
        )
    return None


async def _redeem_refused(session: AsyncSession, actor: Actor, by_id: dict[str, Any]) -> Row[Any]:
    """The conditional redeem matched nothing: say why from the voucher as it is now, locked so
    that it stays so. It may be redeemable again by then (a redemption rolled back since the
    UPDATE saw it): then it is redeemed after all, which the lock makes certain."""
    voucher = await get_voucher(session, actor, by_id["voucher_id"], lock=True)
    refusal = _refusal(voucher, by_id["now"])
    if refusal is not None:
        raise refusal
    return (await session.execute(_REDEEM_BY_ID, by_id)).one()


def _redeem_statement(match: Any) -> Any:
    """Redeem the voucher ``match`` names if it is still redeemable: the conditional UPDATE
    that makes redemption happen exactly once. Built once, as it runs on every redemption."""
    now = bindparam("now", type_=vouchers.c.redeemed_at.type)
    return (
        update(vouchers)
        .where(
            vouchers.c.business_id == bindparam("tenant"),
            vouchers.c.status == "issued",
            vouchers.c.type == "voucher",  # lottery tickets are played, not redeemed
            or_(vouchers.c.expires_at.is_(None), vouchers.c.expires_at > now),
            match,
        )
        .values(
            status="redeemed",
            redeemed_at=now,
            redeemed_location_id=bindparam("location_id", type_=String),
            redeemed_staff_id=bindparam("staff_id", type_=String),
            redeemed_via=bindparam("via", type_=String),
            redeemed_via_detail=bindparam("via_detail", type_=String),
        )
        .returning(*vouchers.c)
    )


_REDEEM_BY_ID = _redeem_statement(vouchers.c.id == bindparam("voucher_id"))
_REDEEM_BY_UNIQUE_CODE = _redeem_statement(
    and_(vouchers.c.redeem_code == bindparam("code"), vouchers.c.code_unique)
)


def _first_unique_meaning() -> Any:
    """The unique-code voucher a scanned code names first (see ``codes.meanings``), as a
    subquery: a code with several meanings still redeems in one statement, and one voucher."""
    named = vouchers.alias("named")
    return (
        select(named.c.id)
        .where(
            named.c.business_id == bindparam("tenant"),
            named.c.code_unique,
            named.c.redeem_code.in_(bindparam("meanings", expanding=True)),
        )
        .order_by(*_most_literal_first(named, bindparam("code")))
        .limit(1)
        .scalar_subquery()
    )


_REDEEM_BY_SCANNED_CODE = _redeem_statement(vouchers.c.id == _first_unique_meaning())
_events = table_of(Event)
_limits = table_of(CodeLookupLimit)


def _at_once_statement(match: Any) -> Any:
    """PostgreSQL, the common redemption in one statement: the conditional UPDATE, the
    voucher_redeemed event (its payload completed from the holder's customer and card), the
    caller's key confirmed (``key_check.still_valid``) and the guessing guard's blocks
    (bound ``scopes``) checked. It matches nothing, and writes nothing, when the voucher is not
    redeemable, its card's referral is pending, the key changed or a scope is blocked: the
    service then takes the whole way, in a transaction. Built once."""
    at = bindparam("now", type_=vouchers.c.redeemed_at.type)
    blocked = exists().where(
        _limits.c.business_id == bindparam("tenant"),
        _limits.c.id == func.any(bindparam("scopes", type_=ARRAY(String))),
        _limits.c.blocked_until > at,
    )
    referral_pending = exists().where(
        cards.c.business_id == vouchers.c.business_id,
        cards.c.id == vouchers.c.card_id,
        cards.c.referral_id.is_not(None),
    )
    redeemed = (
        _redeem_statement(match)
        .where(~blocked, ~referral_pending, key_check.still_valid())
        .cte("redeemed")
    )
    holder = (
        redeemed.join(
            customers,
            and_(
                customers.c.business_id == redeemed.c.business_id,
                customers.c.id == redeemed.c.customer_id,
            ),
        )
        .outerjoin(
            cards,
            and_(
                cards.c.business_id == redeemed.c.business_id,
                cards.c.customer_id == redeemed.c.customer_id,
                cards.c.id == redeemed.c.card_id,
            ),
        )
        .outerjoin(
            programs,
            and_(
                programs.c.business_id == cards.c.business_id,
                programs.c.id == cards.c.program_id,
            ),
        )
    )
    card = card_part_sql(
        cards.c.id,
        cards.c.program_id,
        cards.c.scan_code,
        cards.c.stamps,
        cards.c.lifetime_stamps,
        goal_index_sql(cards.c.stamps),
    )
    completed = {
        "customer": customer_part_sql(customers.c.id, customers.c.source_id, customers.c.language),
        "card": case((cards.c.id.is_(None), null()), else_=card),
        "voucher": voucher_part_sql(redeemed, bindparam("redeemed_at_text", type_=String)),
    }
    payload = bindparam("payload", type_=JSONB).op("||", return_type=JSONB)(
        func.jsonb_build_object(*(item for k, v in completed.items() for item in (literal(k), v)))
    )
    event = insert(_events).from_select(
        list(EVENT_ROW_KEYS),
        select(
            redeemed.c.business_id,
            bindparam("event_id", type_=String),
            literal("voucher_redeemed"),
            at,
            bindparam("location_id", type_=String),
            redeemed.c.customer_id,
            redeemed.c.card_id,
            redeemed.c.id,
            payload,
        ).select_from(holder),
    )
    return select(redeemed).add_cte(event.cte("event"))


_AT_ONCE_BY_ID = _at_once_statement(vouchers.c.id == bindparam("voucher_id"))
_AT_ONCE_BY_UNIQUE_CODE = _at_once_statement(
    and_(vouchers.c.redeem_code == bindparam("code"), vouchers.c.code_unique)
)


async def _redeem_at_once(
    session: AsyncSession,
    actor: Actor,
    params: dict[str, Any],
    voucher_id: str | None,
    data: RedeemById | RedeemByCode,
    lookup_limits: Sequence[str],
) -> Any:
    """The common redemption in one round trip (``_at_once_statement``): by id, or by a code
    that names one voucher as sent. None when it matched nothing (or does not apply)."""
    if isinstance(data, RedeemByCode):
        if data.card_id or data.customer_id or len(codes.meanings(data.code)) > 1:
            return None
        statement, match = _AT_ONCE_BY_UNIQUE_CODE, {"code": data.code}
    elif voucher_id is not None:
        statement, match = _AT_ONCE_BY_ID, {"voucher_id": voucher_id}
    else:
        return None
    now = params["now"]
    event = event_row(
        "voucher_redeemed",
        business_id=actor.business_id,
        at=now,
        location_id=params["location_id"],
        staff_id=actor.staff_id,
        customer=None,  # these three are completed by the statement
    )
    completed = ("customer", "card", "voucher")
    values = {
        **params,
        **match,
        **key_check.key_params(actor),
        "scopes": list(lookup_limits),
        "event_id": event["id"],
        "redeemed_at_text": isoformat_z(now),
        "payload": {k: v for k, v in event["payload"].items() if k not in completed},
    }
    return await first_and_only_write(session, statement, values)


async def redeem(
    session: AsyncSession,
    actor: Actor,
    *,
    voucher_id: str | None = None,
    data: RedeemById | RedeemByCode,
    via_detail: str | None = None,
    lookup_limits: Sequence[str] = (),
) -> Any:
    """Exactly once: one conditional UPDATE decides, however many requests race for it. The
    redeemed voucher's row (its columns as attributes).
    ``via_detail`` says more about ``via`` (the POS connector's name). ``actor`` may carry a
    key to confirm (``key_check``): the first statement does. ``lookup_limits``: the guessing
    guard's scopes (code_lookups) whose block refuses the redemption (429)."""
    actor.require(Permission.VOUCHERS_REDEEM)
    location_id = await acting_location(session, actor, data.location_id)
    now = utcnow()
    params = {
        "tenant": actor.business_id,
        "now": now,
        "location_id": location_id,
        "staff_id": actor.staff_id,
        "via": data.via,
        "via_detail": via_detail,
    }
    if session.get_bind().dialect.name == "postgresql":
        done = await _redeem_at_once(session, actor, params, voucher_id, data, lookup_limits)
        if done is not None:
            return done
    if confirmed := await key_check.changed(session, actor):  # act as the login is now
        return await redeem(
            session,
            confirmed,
            voucher_id=voucher_id,
            data=data,
            via_detail=via_detail,
            lookup_limits=lookup_limits,
        )
    await ensure_allowed(session, actor.business_id, list(lookup_limits), now)
    row = None
    if isinstance(data, RedeemByCode):
        # Fast path: a unique code identifies the voucher, no look-up needed.
        meanings = codes.meanings(data.code)
        statement, by_code = _REDEEM_BY_UNIQUE_CODE, {**params, "code": data.code}
        if len(meanings) > 1:  # digits a till may have read from an EAN-13 symbol
            statement, by_code["meanings"] = _REDEEM_BY_SCANNED_CODE, list(meanings)
        if data.card_id:
            statement = statement.where(vouchers.c.card_id == data.card_id)
        if data.customer_id:
            statement = statement.where(vouchers.c.customer_id == data.customer_id)
        row = (await session.execute(statement, by_code)).one_or_none()
        if row is None:
            voucher_id = await voucher_for_code(
                session,
                actor.business_id,
                data.code,
                card_id=data.card_id,
                customer_id=data.customer_id,
            )
    if row is None:
        assert voucher_id is not None
        by_id = {**params, "voucher_id": voucher_id}
        row = (await session.execute(_REDEEM_BY_ID, by_id)).one_or_none()
        if row is None:
            row = await _redeem_refused(session, actor, by_id)
    holder = await load_holder(session, actor.business_id, row.customer_id, row.card_id)
    await events.record(
        session,
        [
            event_row(
                "voucher_redeemed",
                business_id=actor.business_id,
                at=now,
                location_id=location_id,
                staff_id=actor.staff_id,
                customer=holder.customer,
                card=holder.card,
                voucher=voucher_part(row),
            )
        ],
    )
    if holder.referral_id is not None:  # a pending referee's card: read with the holder
        # Imported here: referrals issue their rewards through this module.
        from punchcard.referrals import conversion

        await conversion.convert(
            session,
            business_id=actor.business_id,
            card_id=row.card_id,
            referral_id=holder.referral_id,
            trigger=conversion.redeemed(row.id),
            where=conversion.Where(location_id, actor.staff_id, now),
        )
    return row
