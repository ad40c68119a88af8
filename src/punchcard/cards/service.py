"""Cards: issue, stamp (the hot path), read, history."""

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import partial
from types import SimpleNamespace
from typing import Any

from sqlalchemy import (
    Integer,
    Row,
    String,
    and_,
    bindparam,
    false,
    func,
    insert,
    literal,
    literal_column,
    null,
    select,
    true,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.service import acting_location
from punchcard.cards import progress, stamp_writes
from punchcard.cards.models import Card, Stamp
from punchcard.cards.repository import (
    cards,
    customers,
    goal_index_sql,
    goal_vars,
    goals_path,
    live,
    programs,
)
from punchcard.cards.schemas import CardIssue, StampRemoval
from punchcard.channels.consent import ConsentSource
from punchcard.customers import service as customer_service
from punchcard.db.base import table_of
from punchcard.events import service as events
from punchcard.events.models import Event
from punchcard.events.payloads import (
    EVENT_ROW_KEYS,
    Part,
    card_part,
    card_part_sql,
    customer_part,
    customer_part_sql,
    event_row,
    voucher_part,
)
from punchcard.kit.clock import utcnow
from punchcard.kit.db import first_and_only_write
from punchcard.kit.errors import Conflict, not_found
from punchcard.kit.ids import new_id, random_code
from punchcard.kit.pagination import PageParams, newest_first, to_page
from punchcard.kit.sql import insert_ignoring_conflicts
from punchcard.lotteries.service import issue_ticket, lotteries_by_id
from punchcard.programs import service as program_service
from punchcard.referrals import conversion as referral_conversion
from punchcard.referrals import joining as referral_joining
from punchcard.referrals.schemas import Via
from punchcard.staff import key_check
from punchcard.staff.actor import Actor, Permission
from punchcard.vouchers import codes
from punchcard.vouchers.models import Voucher, VoucherTemplate
from punchcard.vouchers.service import (
    TEMPLATE_FIELDS,
    as_voucher,
    from_template,
    insert_voucher,
    issue_from_template,
    templates_by_id,
    vouchers,
)

stamps_ledger = table_of(Stamp)
events_table = table_of(Event)
voucher_templates = table_of(VoucherTemplate)
SCAN_CODE_LENGTH = 8
CARD_ID_PREFIX = "card_"


@dataclass
class CardView:
    """A card with its program's goals (and, when read whole, its vouchers)."""

    card: Any  # a cards row or Card
    goals: list[dict[str, Any]]
    vouchers: list[Any] = field(default_factory=list)
    referral: referral_joining.Joined | None = None  # what a referral code given came to

    def state(self) -> dict[str, Any]:
        card = self.card
        where = progress.standing(card.stamps, self.goals)
        next_goal = None
        if where.next_goal is not None:
            next_goal = {**where.next_goal, "stamps_to_go": where.stamps_to_next_goal}
        expired = card.expires_at is not None and card.expires_at <= utcnow()
        return {
            "id": card.id,
            "program_id": card.program_id,
            "customer_id": card.customer_id,
            "scan_code": card.scan_code,
            "status": "expired" if expired else card.status,
            "stamps": card.stamps,
            "lifetime_stamps": card.lifetime_stamps,
            "rounds_completed": card.rounds_completed,
            "goal_index": where.goal_index,
            "next_goal": next_goal,
            "goals": [{"index": i, **goal} for i, goal in enumerate(self.goals)],
            "issued_at": card.issued_at,
            "expires_at": card.expires_at,
            "last_stamp_at": card.last_stamp_at,
        }

    def payload_part(self) -> Part:
        card = self.card
        goal_index = progress.standing(card.stamps, self.goals).goal_index
        return card_part(
            card.id, card.program_id, card.scan_code, card.stamps, card.lifetime_stamps, goal_index
        )


def _by_ref(business_id: str, ref: str) -> Any:
    """A card is named by its id (card_...) or by the scan code printed on it."""
    if ref.startswith(CARD_ID_PREFIX):
        return and_(cards.c.business_id == business_id, cards.c.id == ref)
    return and_(cards.c.business_id == business_id, cards.c.scan_code == normalize_scan_code(ref))


def normalize_scan_code(typed: str) -> str:
    return codes.normalize(typed).replace("-", "").replace(" ", "")


async def _card_row(session: AsyncSession, business_id: str, ref: str) -> Row[Any]:
    row = (await session.execute(select(cards).where(_by_ref(business_id, ref)))).one_or_none()
    if row is None:
        raise not_found("card", ref)
    return row


# --- issuing ---------------------------------------------------------------------------------


async def _active_card(
    session: AsyncSession, business_id: str, customer_id: str, program_id: str
) -> Card | None:
    query = select(Card).where(
        Card.business_id == business_id,
        Card.customer_id == customer_id,
        Card.program_id == program_id,
        Card.status == "active",
    )
    return (await session.scalars(query)).one_or_none()


async def issue_card(
    session: AsyncSession,
    actor: Actor,
    *,
    data: CardIssue,
    consent_source: ConsentSource = "api",
    referral_via: Via = "api",
) -> tuple[CardView, bool]:
    """Returns (card, created). Issuing twice returns the customer's active card.
    ``consent_source``: where a ``marketing_consent`` in ``data.customer`` was given; a
    ``referral_code`` refers the customer (``view.referral`` says how it went) in the same
    transaction: ``referral_code_not_found`` (422) when no referrer of the program has it."""
    view, created, customer, location_id = await _issued(session, actor, data, consent_source)
    if data.referral_code is not None:
        given = data.customer
        view.referral = await referral_joining.join(
            session,
            actor,
            code=data.referral_code,
            card_program_id=view.card.program_id,
            referee=referral_joining.Referee(
                customer.id,
                view.card.id,
                email=given.email if given else None,
                phone=given.phone if given else None,
            ),
            via=referral_via,
            location_id=location_id,
        )
    return view, created


async def _issued(
    session: AsyncSession, actor: Actor, data: CardIssue, consent_source: ConsentSource
) -> tuple[CardView, bool, Any, str | None]:
    """(card, created, customer, location)."""
    actor.require(Permission.CARDS_WRITE)
    program = await program_service.get_program(session, actor, data.program_id)
    if program.status != "active":
        raise Conflict("program_archived", f"Program '{program.id}' is archived: no new cards.")
    location_id = await acting_location(session, actor, data.location_id)
    if data.customer is not None:
        customer, _ = await customer_service.upsert_customer(
            session, actor, data=data.customer, consent_source=consent_source
        )
    else:
        assert data.customer_id is not None
        customer = await customer_service.get_customer(session, actor, data.customer_id)
    now = utcnow()
    existing = await _active_card(session, actor.business_id, customer.id, program.id)
    if existing is not None:
        if existing.expires_at is None or existing.expires_at > now:
            return CardView(existing, program.goals), False, customer, location_id
        existing.status = "expired"  # make room for the new card under the one-active rule
        await session.flush()
    values = new_card(actor.business_id, program, customer.id, now)
    dialect = session.get_bind().dialect.name
    for _ in range(8):
        values["scan_code"] = new_scan_code()
        statement = insert_ignoring_conflicts(cards, dialect, values).returning(cards.c.id)
        if (await session.execute(statement)).first() is not None:
            break
        # Either the scan code was taken (try another) or a concurrent call issued the card.
        raced = await _active_card(session, actor.business_id, customer.id, program.id)
        if raced is not None:
            return CardView(raced, program.goals), False, customer, location_id
    else:
        raise Conflict("scan_code_space_exhausted", "Could not allocate a unique scan code.")
    view = CardView(Card(**values), program.goals)
    customer_ref = customer_part(customer.id, customer.source_id, customer.language)
    issued = card_issued(actor, view, program, customer_ref, location_id, now)
    await events.record(session, [issued])
    return view, True, customer, location_id


def new_card(business_id: str, program: Any, customer_id: str, now: datetime) -> dict[str, Any]:
    """A new active card's row, without its scan code (``new_scan_code``; a unique index
    decides, so callers draw again on a clash)."""
    days = program.card_validity_days
    return {
        "business_id": business_id,
        "id": new_id("card"),
        "program_id": program.id,
        "customer_id": customer_id,
        "status": "active",
        "stamps": 0,
        "lifetime_stamps": 0,
        "rounds_completed": 0,
        "issued_at": now,
        "expires_at": now + timedelta(days=days) if days else None,
        "last_stamp_at": None,
        "last_stamp_location_id": None,
        "web_link_nonce": None,  # the first link; a rotation gives it one (wallet.web_link)
        "referral_id": None,  # set when its customer joined with a referral code
        "in_wallet": False,  # until a wallet holds it (wallet.events.hold)
    }


def new_scan_code() -> str:
    return random_code(codes.DEFAULT_CHARSET, SCAN_CODE_LENGTH)


def card_issued(
    actor: Actor,
    view: CardView,
    program: Any,
    customer: Part,
    location_id: str | None,
    now: datetime,
) -> dict[str, Any]:
    return event_row(
        "card_issued",
        business_id=actor.business_id,
        at=now,
        location_id=location_id,
        staff_id=actor.staff_id,
        customer=customer,
        card=view.payload_part(),
        program={"id": program.id, "name": program.name},
    )


# --- stamping (hot path: few round trips, Core statements) -----------------------------------


@dataclass
class StampResult:
    view: CardView
    count: int
    goals_reached: list[dict[str, Any]]
    vouchers: list[Voucher]


def _the_cards(table: Any) -> Any:
    """SQL: the row of ``table`` (programs or customers) is the card's."""
    foreign = cards.c.program_id if table is programs else cards.c.customer_id
    return and_(table.c.business_id == cards.c.business_id, table.c.id == foreign)


def _of_card(column: Any) -> Any:
    """A column of the card's program or customer, as a scalar subquery: SQLite's RETURNING
    may not name the tables of an UPDATE ... FROM."""
    return select(column).where(_the_cards(column.table)).scalar_subquery().label(column.name)


def _stamp_statement(by_id: bool) -> Any:
    """Bump a live card and read what the payload needs (goals, customer) in one round trip,
    if the caller's key is still valid (``key_check.still_valid``); built once, as statement
    construction costs more than the database work."""
    ref = cards.c.id if by_id else cards.c.scan_code
    count = bindparam("added", type_=cards.c.stamps.type)
    return (
        update(cards)
        .where(
            cards.c.business_id == bindparam("tenant"),
            ref == bindparam("ref"),
            live(bindparam("at", type_=cards.c.last_stamp_at.type)),
            key_check.still_valid(),
        )
        .values(
            stamps=cards.c.stamps + count,
            lifetime_stamps=cards.c.lifetime_stamps + count,
            last_stamp_at=bindparam("at"),
            last_stamp_location_id=bindparam("location", type_=cards.c.last_stamp_location_id.type),
        )
        .returning(
            *cards.c,
            _of_card(programs.c.goals),
            _of_card(programs.c.after_last_goal),
            _of_card(customers.c.source_id),
            _of_card(customers.c.language),
        )
    )


def _at_once_statement(by_id: bool) -> Any:
    """PostgreSQL, the common stamp in one statement: bump a live card whose stamps reach no
    goal, write the ledger row and the stamp_added event (its payload completed from the card,
    program and customer), confirm the caller's key (``key_check.still_valid``), and return the
    card with what the response needs ("written"). When the stamps reach a goal (or end a
    round) or the card's referral is pending, it writes nothing and returns the card as it
    stands, with its goals and the template of the goal the stamps reach, for the stamp's
    second statement (``_reach_goal_at_once``); when the card is not stampable or the key
    changed, nothing: the service then takes the whole way, in a transaction. Built once."""
    ref = cards.c.id if by_id else cards.c.scan_code
    at = bindparam("at", type_=cards.c.last_stamp_at.type)
    count = bindparam("added", type_=Integer)
    stamps = goal_vars(before=cards.c.stamps, after=cards.c.stamps + count)
    crosses_a_goal = func.jsonb_path_exists(
        programs.c.goals, goals_path("$[*] ? (@.stamps > $before && @.stamps <= $after)"), stamps
    )
    # Restart mode: a card at or past the last goal finishes its round with the next stamp.
    ends_a_round = and_(
        programs.c.after_last_goal == "restart",
        func.jsonb_path_match(
            programs.c.goals,
            goals_path("exists($[*]) && !exists($[*] ? (@.stamps > $before))"),
            stamps,
        ),
    )
    location = bindparam("location_id", type_=String)
    bumped = (
        update(cards)
        .where(
            cards.c.business_id == bindparam("tenant"),
            ref == bindparam("ref"),
            live(at),
            _the_cards(programs),
            _the_cards(customers),
            cards.c.referral_id.is_(None),
            ~crosses_a_goal,
            ~func.coalesce(ends_a_round, False),
            key_check.still_valid(),
        )
        .values(
            stamps=cards.c.stamps + count,
            lifetime_stamps=cards.c.lifetime_stamps + count,
            last_stamp_at=at,
            last_stamp_location_id=location,
        )
        .returning(
            *cards.c,
            programs.c.goals,
            customers.c.source_id,
            customers.c.language,
            goal_index_sql(cards.c.stamps).label("goal_index"),
            programs.c.after_last_goal,
        )
        .cte("bumped")
    )
    staff = bindparam("staff_id", type_=String)
    ledger = insert(stamps_ledger).from_select(
        ["business_id", "id", "card_id", "count", "location_id", "staff_id", "note", "created_at"],
        select(
            bumped.c.business_id,
            bindparam("stamp_id", type_=String),
            bumped.c.id,
            count,
            location,
            staff,
            bindparam("note", type_=String),
            at,
        ),
    )
    payload = bindparam("payload", type_=JSONB).op("||", return_type=JSONB)(
        func.jsonb_build_object(
            literal("customer"),
            customer_part_sql(bumped.c.customer_id, bumped.c.source_id, bumped.c.language),
            literal("card"),
            card_part_sql(
                bumped.c.id,
                bumped.c.program_id,
                bumped.c.scan_code,
                bumped.c.stamps,
                bumped.c.lifetime_stamps,
                bumped.c.goal_index,
            ),
        )
    )
    event = insert(events_table).from_select(
        list(EVENT_ROW_KEYS),
        select(
            bumped.c.business_id,
            bindparam("event_id", type_=String),
            literal("stamp_added"),
            at,
            location,
            bumped.c.customer_id,
            bumped.c.id,
            null(),
            payload,
        ),
    )
    reached_template = func.jsonb_path_query_first(
        programs.c.goals, goals_path("$[*] ? (@.stamps > $before && @.stamps <= $after)"), stamps
    ).op("->>", return_type=String)(literal_column("'template_id'"))
    as_read = (
        select(
            *cards.c,
            programs.c.goals,
            customers.c.source_id,
            customers.c.language,
            null().label("goal_index"),
            programs.c.after_last_goal,
            false().label("written"),
            *(voucher_templates.c[name].label(f"template_{name}") for name in TEMPLATE_FIELDS),
        )
        .join_from(cards, programs, _the_cards(programs))
        .join(customers, _the_cards(customers))
        .outerjoin(
            voucher_templates,
            and_(
                voucher_templates.c.business_id == cards.c.business_id,
                voucher_templates.c.id == reached_template,
            ),
        )
        .where(
            cards.c.business_id == bindparam("tenant"),
            ref == bindparam("ref"),
            live(at),
            key_check.still_valid(),
            ~select(bumped.c.id).exists(),
        )
    )
    as_bumped = select(bumped, true(), *(null() for _ in TEMPLATE_FIELDS))
    return union_all(as_read, as_bumped).add_cte(ledger.cte("ledger"), event.cte("event"))


_STAMP_BY_ID, _STAMP_BY_SCAN_CODE = _stamp_statement(True), _stamp_statement(False)
_AT_ONCE_BY_ID, _AT_ONCE_BY_SCAN_CODE = _at_once_statement(True), _at_once_statement(False)
_CARD_COLUMNS = tuple(cards.c.keys())


async def _unstampable(session: AsyncSession, business_id: str, ref: str) -> Conflict:
    row = await _card_row(session, business_id, ref)
    if row.status == "active":
        return Conflict("card_expired", f"Card '{row.id}' expired on {row.expires_at:%Y-%m-%d}.")
    return Conflict("card_expired", f"Card '{row.id}' is {row.status}.")  # active | expired


async def add_stamps(
    session: AsyncSession,
    actor: Actor,
    *,
    card_ref: str,
    count: int,
    location_id: str | None = None,
    note: str | None = None,
) -> StampResult:
    """``actor`` may carry a key to confirm (``key_check``): the first statement does."""
    actor.require(Permission.CARDS_WRITE)
    acting_at = await acting_location(session, actor, location_id)
    business_id = actor.business_id
    now = utcnow()
    by_id = card_ref.startswith(CARD_ID_PREFIX)
    ref = card_ref if by_id else normalize_scan_code(card_ref)
    if session.get_bind().dialect.name == "postgresql":
        done = await _stamp_at_once(session, actor, by_id, ref, count, acting_at, note, now)
        if done is not None:
            return done
    bumped = (
        await session.execute(
            _STAMP_BY_ID if by_id else _STAMP_BY_SCAN_CODE,
            {
                "tenant": business_id,
                "ref": ref,
                "at": now,
                "added": count,
                "location": acting_at,
                **key_check.key_params(actor),
            },
        )
    ).one_or_none()
    if bumped is None:
        if confirmed := await key_check.changed(session, actor):  # act as the login is now
            return await add_stamps(
                session,
                confirmed,
                card_ref=card_ref,
                count=count,
                location_id=location_id,
                note=note,
            )
        raise await _unstampable(session, business_id, card_ref)
    crossing = progress.cross(
        bumped.stamps - count, count, bumped.goals, restart=bumped.after_last_goal == "restart"
    )
    # The row lock taken by the UPDATE above is still ours: a new round's absolute write is safe.
    card = {name: getattr(bumped, name) for name in _CARD_COLUMNS}
    view, writes, common = _stamped(actor, bumped, card, count, crossing, acting_at, note, now)
    reached = [{"index": index, **bumped.goals[index]} for index in crossing.reached]
    issued = await _reward_goals(session, bumped, reached, now, writes, common)
    if bumped.referral_id is not None:  # a pending referee: read with the card, else free
        await referral_conversion.convert(
            session,
            business_id=business_id,
            card_id=bumped.id,
            referral_id=bumped.referral_id,
            trigger=referral_conversion.stamped(writes.ledger["id"], bumped.lifetime_stamps),
            where=referral_conversion.Where(acting_at, actor.staff_id, now),
        )
    return StampResult(view, count, reached, issued)


def _stamped(
    actor: Actor,
    row: Any,
    card: dict[str, Any],
    count: int,
    crossing: progress.Crossing,
    location_id: str | None,
    note: str | None,
    now: datetime,
) -> tuple[CardView, stamp_writes.StampWrites, dict[str, Any]]:
    """The card once stamped (``card``: its columns with the stamps added; ``row`` has its
    program's goals and customer), the stamp's writes short of rewards, and what each of its
    events carries."""
    new_round = None
    if crossing.rounds_completed:
        card["stamps"] = crossing.stamps
        card["rounds_completed"] += crossing.rounds_completed
        new_round = (card["stamps"], card["rounds_completed"])
    view = CardView(SimpleNamespace(**card), row.goals)
    stamp_id = new_id("stp")
    ledger = {
        "business_id": actor.business_id,
        "id": stamp_id,
        "card_id": row.id,
        "count": count,
        "location_id": location_id,
        "staff_id": actor.staff_id,
        "note": note,
        "created_at": now,
    }
    common: dict[str, Any] = {
        "business_id": actor.business_id,
        "at": now,
        "location_id": location_id,
        "staff_id": actor.staff_id,
        "customer": customer_part(row.customer_id, row.source_id, row.language),
        "card": view.payload_part(),
    }
    stamped = event_row(
        "stamp_added", **common, stamp={"id": stamp_id, "count": count, "note": note}
    )
    writes = stamp_writes.StampWrites(actor.business_id, row.id, new_round, ledger, [stamped])
    return view, writes, common


async def _stamp_at_once(
    session: AsyncSession,
    actor: Actor,
    by_id: bool,
    ref: str,
    count: int,
    location_id: str | None,
    note: str | None,
    now: datetime,
) -> StampResult | None:
    """The common stamp in one round trip (``_at_once_statement``), the one reaching a goal in
    two (``_reach_goal_at_once``); None when the stamp takes the whole way."""
    stamp_id = new_id("stp")
    event = event_row(
        "stamp_added",
        business_id=actor.business_id,
        at=now,
        location_id=location_id,
        staff_id=actor.staff_id,
        customer=None,  # completed by the statement
        stamp={"id": stamp_id, "count": count, "note": note},
    )
    params = {
        "tenant": actor.business_id,
        "ref": ref,
        "at": now,
        "added": count,
        "location_id": location_id,
        "note": note,
        "stamp_id": stamp_id,
        "event_id": event["id"],
        "payload": {k: v for k, v in event["payload"].items() if k not in ("customer", "card")},
        **key_check.key_params(actor),
    }
    statement = _AT_ONCE_BY_ID if by_id else _AT_ONCE_BY_SCAN_CODE
    row = await first_and_only_write(session, statement, params)
    if row is None:
        return None
    if not row.written:
        return await _reach_goal_at_once(session, actor, row, count, location_id, note, now)
    return StampResult(CardView(row, row.goals), count, [], [])


async def _reach_goal_at_once(
    session: AsyncSession,
    actor: Actor,
    row: Any,
    count: int,
    location_id: str | None,
    note: str | None,
    now: datetime,
) -> StampResult | None:
    """The stamp reaching one goal whose reward is a template's voucher (codes drawn or fixed,
    not a pool's), from the card as the at-once statement read it: every write, the card's
    bump with them, in one more statement (``stamp_writes.Bump``). None, nothing written,
    when the stamp takes the whole way: other rewards, a pending referral, or the card moved
    on since it was read."""
    crossing = progress.cross(
        row.stamps, count, row.goals, restart=row.after_last_goal == "restart"
    )
    if row.referral_id is not None or len(crossing.reached) != 1:
        return None
    [index] = crossing.reached
    goal = {"index": index, **row.goals[index]}
    if goal.get("lottery_id") is not None or row.template_id is None:
        return None
    if goal["template_id"] != row.template_id or row.template_code_type == "pool":
        return None
    card = {name: getattr(row, name) for name in _CARD_COLUMNS}
    card["stamps"] += count
    card["lifetime_stamps"] += count
    card.update(last_stamp_at=now, last_stamp_location_id=location_id)
    view, writes, common = _stamped(actor, row, card, count, crossing, location_id, note, now)
    template = SimpleNamespace(**{f: getattr(row, f"template_{f}") for f in TEMPLATE_FIELDS})
    read = (row.stamps, row.lifetime_stamps, row.rounds_completed)
    bump = stamp_writes.Bump(count, now, location_id, read, key_check.key_params(actor))
    try:
        issued = await _reward_one(session, row, goal, template, now, writes, common, bump)
    except stamp_writes.NotAtOnce:
        return None
    return StampResult(view, count, [goal], issued)


@dataclass
class RemovalResult:
    view: CardView
    count: int


_REMOVED_CARD = (
    *cards.c,
    _of_card(programs.c.goals),
    _of_card(customers.c.source_id),
    _of_card(customers.c.language),
)


async def remove_stamps(
    session: AsyncSession, actor: Actor, *, card_ref: str, data: StampRemoval
) -> RemovalResult:
    """Take stamps off a card (a stamp given by mistake), never below zero in this round: a
    conditional UPDATE, so two corrections at once cannot both take the last stamp. Vouchers
    already issued stay. The ledger keeps a negative row with the reason."""
    actor.require(Permission.CARDS_CORRECT)
    location_id = await acting_location(session, actor, data.location_id)
    now = utcnow()
    count = data.count
    taken = (
        await session.execute(
            update(cards)
            .where(_by_ref(actor.business_id, card_ref), cards.c.stamps >= count)
            .values(stamps=cards.c.stamps - count, lifetime_stamps=cards.c.lifetime_stamps - count)
            .returning(*_REMOVED_CARD)
        )
    ).one_or_none()
    if taken is None:
        row = await _card_row(session, actor.business_id, card_ref)  # 404 if there is none
        raise Conflict(
            "not_enough_stamps",
            f"Card '{row.id}' has {row.stamps} stamps in this round: {count} cannot be taken.",
            field="count",
            stamps=row.stamps,
        )
    view = CardView(taken, taken.goals)
    removal_id = new_id("stp")
    await session.execute(
        insert(stamps_ledger).values(
            business_id=actor.business_id,
            id=removal_id,
            card_id=taken.id,
            count=-count,
            location_id=location_id,
            staff_id=actor.staff_id,
            note=data.reason,
            created_at=now,
        )
    )
    removal = {"id": removal_id, "count": count, "reason": data.reason}
    event = event_row(
        "stamps_removed",
        business_id=actor.business_id,
        at=now,
        location_id=location_id,
        staff_id=actor.staff_id,
        customer=customer_part(taken.customer_id, taken.source_id, taken.language),
        card=view.payload_part(),
        removal=removal,
    )
    await events.record(session, [event])
    return RemovalResult(view, count)


async def _reward_goals(
    session: AsyncSession,
    card: Row[Any],
    reached: list[dict[str, Any]],
    now: datetime,
    writes: stamp_writes.StampWrites,
    common: dict[str, Any],
) -> list[Voucher]:
    """Issue each reached goal's voucher (a lottery goal: its ticket), in the order reached,
    and make the stamp's writes with their events. The common crossing, one goal with a
    template's voucher, writes its voucher in the same statement (``stamp_writes``)."""
    business_id = writes.business_id
    wanted = {g["template_id"] for g in reached if g["template_id"] is not None}
    templates = await templates_by_id(session, business_id, wanted, archived=True) if wanted else {}
    drawn = {g["lottery_id"] for g in reached if g.get("lottery_id") is not None}
    lotteries = await lotteries_by_id(session, business_id, drawn) if drawn else {}
    if len(reached) == 1 and not drawn:
        [goal] = reached
        template = templates[goal["template_id"]]
        return await _reward_one(session, card, goal, template, now, writes, common)
    holder = {"business_id": business_id, "customer_id": card.customer_id, "card_id": card.id}
    issued = []
    for goal in reached:
        issue = (
            partial(issue_ticket, lottery=lotteries[goal["lottery_id"]])
            if goal.get("lottery_id") is not None
            else partial(issue_from_template, template=templates[goal["template_id"]])
        )
        voucher = await issue(session, goal_index=goal["index"], now=now, **holder)
        writes.events += _goal_events(goal, voucher, common)
        issued.append(voucher)
    await stamp_writes.write(session, writes)
    return issued


async def _reward_one(
    session: AsyncSession,
    card: Any,
    goal: dict[str, Any],
    template: Any,
    now: datetime,
    writes: stamp_writes.StampWrites,
    common: dict[str, Any],
    bump: stamp_writes.Bump | None = None,
) -> list[Voucher]:
    """The common crossing, one goal with a template's voucher: the voucher goes in with the
    stamp's writes, in one statement (with ``bump``: the stamp's own, ``stamp_writes``)."""
    made: list[Voucher] = []

    async def insert(values: dict[str, Any]) -> bool:
        made[:] = [as_voucher(values)]
        events = [*writes.events, *_goal_events(goal, made[0], common)]
        return await stamp_writes.write(session, replace(writes, events=events), values, bump)

    values, next_code = from_template(
        session,
        template=template,
        goal_index=goal["index"],
        now=now,
        business_id=writes.business_id,
        customer_id=card.customer_id,
        card_id=card.id,
    )
    await insert_voucher(session, values, next_code, insert)
    return made


def _goal_events(goal: dict[str, Any], voucher: Voucher, common: dict[str, Any]) -> list[Any]:
    part = voucher_part(voucher)
    return [
        event_row("goal_reached", **common, goal=goal),
        event_row("reward_issued", **common, goal=goal, voucher=part),
        event_row("voucher_issued", **common, voucher=part),
    ]


# --- reading ---------------------------------------------------------------------------------


async def get_card(session: AsyncSession, actor: Actor, card_ref: str) -> CardView:
    actor.require(Permission.CARDS_READ)
    row = await _card_row(session, actor.business_id, card_ref)
    goals = await session.scalar(
        select(programs.c.goals).where(
            programs.c.business_id == actor.business_id, programs.c.id == row.program_id
        )
    )
    card_vouchers = (
        await session.execute(
            select(vouchers)
            .where(vouchers.c.business_id == actor.business_id, vouchers.c.card_id == row.id)
            .order_by(vouchers.c.id.desc())
            .limit(100)
        )
    ).all()
    return CardView(row, goals or [], list(card_vouchers))


async def list_cards(
    session: AsyncSession,
    actor: Actor,
    params: PageParams,
    *,
    customer_id: str | None,
    program_id: str | None,
    status: str | None,
    scan_code: str | None = None,
) -> tuple[list[CardView], str | None]:
    actor.require(Permission.CARDS_READ)
    query = (
        select(cards, programs.c.goals)
        .join(programs, _the_cards(programs))
        .where(cards.c.business_id == actor.business_id)
    )
    if customer_id:
        query = query.where(cards.c.customer_id == customer_id)
    if program_id:
        query = query.where(cards.c.program_id == program_id)
    if scan_code:
        query = query.where(_by_ref(actor.business_id, scan_code))
    if status == "active":
        query = query.where(live(utcnow()))
    elif status == "expired":
        query = query.where(~live(utcnow()))
    rows = list((await session.execute(newest_first(query, cards.c.id, params))).all())
    page, cursor = to_page(rows, params, lambda row: row.id)
    return [CardView(row, row.goals) for row in page], cursor


async def card_history(
    session: AsyncSession, actor: Actor, card_ref: str, params: PageParams
) -> tuple[list[dict[str, Any]], str | None]:
    """Stamps, goals, vouchers and redemptions of a card, newest first, from the event table."""
    actor.require(Permission.CARDS_READ)
    row = await _card_row(session, actor.business_id, card_ref)
    return await events.page_of(session, actor.business_id, params, card_id=row.id)
