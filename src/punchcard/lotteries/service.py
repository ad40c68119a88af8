"""Lotteries: a goal's reward drawn at random.

Reaching a lottery goal issues a ticket: a voucher of type ``lottery`` (no code, never
redeemed). Playing it, once, is one transaction: a conditional UPDATE claims the ticket
(issued -> played), a draw from the variants in force picks the result, a prize's stock is
taken with ``stock = stock - 1 WHERE stock > 0``, a win issues the prize voucher through the
normal voucher path, and the draw is recorded with everything needed to audit it."""

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.service import acting_location
from punchcard.cards.repository import load_holder
from punchcard.db.base import table_of
from punchcard.events import service as events
from punchcard.events.payloads import event_row, voucher_part
from punchcard.kit.clock import utcnow
from punchcard.kit.db import get_owned, owned_live, owned_page
from punchcard.kit.errors import Conflict, ProblemError, not_found
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams, newest_first, to_page
from punchcard.lotteries import draw as drawing
from punchcard.lotteries.models import Lottery, LotteryDraw, LotteryVariant
from punchcard.lotteries.schemas import (
    LotteryCreate,
    LotteryOut,
    LotteryUpdate,
    VariantIn,
    variants_out,
)
from punchcard.programs.models import Program
from punchcard.staff.actor import Actor, Permission
from punchcard.vouchers.models import Voucher, VoucherTemplate
from punchcard.vouchers.service import as_voucher, insert_voucher, issue_from_template, vouchers

lotteries_table = table_of(Lottery)
variants_table = table_of(LotteryVariant)
draws_table = table_of(LotteryDraw)
NO_PRIZE = "No prize"

# --- lotteries -------------------------------------------------------------------------------


@dataclass
class LotteryView:
    lottery: Lottery
    entries: list[drawing.Entry]

    def out(self) -> LotteryOut:
        lottery = self.lottery
        return LotteryOut(
            id=lottery.id,
            title=lottery.title,
            description=lottery.description,
            variants=variants_out(self.entries),
            sold_out=drawing.total_weight(self.entries) == 0,
            archived=lottery.archived_at is not None,
            created_at=lottery.created_at,
            updated_at=lottery.updated_at,
        )


async def _entries(
    session: AsyncSession, business_id: str, lottery_ids: list[str]
) -> dict[str, list[drawing.Entry]]:
    """Each lottery's variants, in draw order."""
    rows = await session.scalars(
        select(LotteryVariant)
        .where(
            LotteryVariant.business_id == business_id, LotteryVariant.lottery_id.in_(lottery_ids)
        )
        .order_by(LotteryVariant.lottery_id, LotteryVariant.position)
    )
    found: dict[str, list[drawing.Entry]] = {lottery_id: [] for lottery_id in lottery_ids}
    for row in rows:
        found[row.lottery_id].append(
            drawing.Entry(row.id, row.key, row.title, row.template_id, row.weight, row.stock)
        )
    return found


async def _variant_values(
    session: AsyncSession, actor: Actor, variants: list[VariantIn]
) -> list[dict[str, Any]]:
    """The variants as rows (without ids), their templates checked to be this business's."""
    refs = {f"body.variants.{i}.template_id": v.template_id for i, v in enumerate(variants)}
    templates = await owned_live(
        session,
        VoucherTemplate,
        actor.business_id,
        {field: ref for field, ref in refs.items() if ref is not None},
        "voucher_template",
    )
    return [
        {
            "position": position,
            "key": variant.key,
            "title": variant.title
            or (templates[variant.template_id].title if variant.template_id else NO_PRIZE),
            "template_id": variant.template_id,
            "weight": variant.weight,
            "stock": variant.stock,
        }
        for position, variant in enumerate(variants)
    ]


async def _view(session: AsyncSession, lottery: Lottery) -> LotteryView:
    return LotteryView(
        lottery, (await _entries(session, lottery.business_id, [lottery.id]))[lottery.id]
    )


async def create_lottery(
    session: AsyncSession, actor: Actor, *, data: LotteryCreate
) -> LotteryView:
    actor.require(Permission.PROGRAMS_MANAGE)
    values = await _variant_values(session, actor, data.variants)
    now = utcnow()
    lottery = Lottery(
        business_id=actor.business_id,
        id=new_id("lot"),
        title=data.title,
        description=data.description,
        created_at=now,
        updated_at=now,
    )
    session.add(lottery)
    await session.flush()
    session.add_all(
        LotteryVariant(business_id=actor.business_id, id=new_id("lvr"), lottery_id=lottery.id, **v)
        for v in values
    )
    await session.flush()
    return await _view(session, lottery)


async def _lottery(session: AsyncSession, actor: Actor, lottery_id: str) -> Lottery:
    return await get_owned(session, Lottery, actor.business_id, lottery_id, "lottery")


async def get_lottery(session: AsyncSession, actor: Actor, lottery_id: str) -> LotteryView:
    actor.require(Permission.PROGRAMS_READ)
    lottery = await _lottery(session, actor, lottery_id)
    return await _view(session, lottery)


async def list_lotteries(
    session: AsyncSession, actor: Actor, params: PageParams, *, include_archived: bool
) -> tuple[list[LotteryView], str | None]:
    actor.require(Permission.PROGRAMS_READ)
    where = [] if include_archived else [Lottery.archived_at.is_(None)]
    page, cursor = await owned_page(session, Lottery, actor.business_id, params, *where)
    entries = await _entries(session, actor.business_id, [lottery.id for lottery in page])
    return [LotteryView(lottery, entries[lottery.id]) for lottery in page], cursor


async def update_lottery(
    session: AsyncSession, actor: Actor, lottery_id: str, *, data: LotteryUpdate
) -> LotteryView:
    """Tickets not yet played draw from the lottery as it is when they are played."""
    actor.require(Permission.PROGRAMS_MANAGE)
    lottery = await _lottery(session, actor, lottery_id)
    if data.title is not None:
        lottery.title = data.title
    if "description" in data.model_fields_set:
        lottery.description = data.description
    if data.variants is not None:
        await _replace_variants(session, actor, lottery, data.variants)
    lottery.updated_at = utcnow()
    await session.flush()
    return await _view(session, lottery)


async def _replace_variants(
    session: AsyncSession, actor: Actor, lottery: Lottery, variants: list[VariantIn]
) -> None:
    """Variants are matched by key: kept ones are updated in place, the rest removed or added."""
    values = await _variant_values(session, actor, variants)
    current = {
        row.key: row
        for row in await session.scalars(
            select(LotteryVariant).where(
                LotteryVariant.business_id == actor.business_id,
                LotteryVariant.lottery_id == lottery.id,
            )
        )
    }
    kept = {v["key"] for v in values}
    for key, gone in current.items():
        if key not in kept:
            await session.delete(gone)
    for value in values:
        if (row := current.get(value["key"])) is None:
            session.add(
                LotteryVariant(
                    business_id=actor.business_id, id=new_id("lvr"), lottery_id=lottery.id, **value
                )
            )
        else:
            for field, field_value in value.items():
                setattr(row, field, field_value)


async def archive_lottery(session: AsyncSession, actor: Actor, lottery_id: str) -> None:
    """Tickets already issued can still be played; no new goal may name the lottery."""
    actor.require(Permission.PROGRAMS_MANAGE)
    lottery = await _lottery(session, actor, lottery_id)
    programs = await session.scalars(
        select(Program).where(Program.business_id == actor.business_id, Program.status == "active")
    )
    users = [p.id for p in programs if any(g.get("lottery_id") == lottery_id for g in p.goals)]
    if users:
        raise Conflict(
            "lottery_in_use",
            f"Lottery '{lottery_id}' is a goal reward of program(s) {', '.join(users)}.",
            programs=users,
        )
    lottery.archived_at = utcnow()


async def lotteries_by_id(
    session: AsyncSession, business_id: str, lottery_ids: set[str]
) -> dict[str, Lottery]:
    """Lotteries by id, archived ones too: goals already set still issue their tickets."""
    query = select(Lottery).where(Lottery.business_id == business_id, Lottery.id.in_(lottery_ids))
    return {lottery.id: lottery for lottery in await session.scalars(query)}


# --- tickets ---------------------------------------------------------------------------------


async def issue_ticket(
    session: AsyncSession,
    *,
    business_id: str,
    lottery: Lottery,
    customer_id: str,
    card_id: str | None,
    goal_index: int | None,
    now: datetime,
) -> Voucher:
    """A lottery ticket: a voucher of type lottery, without a code, to be played once."""
    values: dict[str, Any] = {
        "business_id": business_id,
        "id": new_id("vch"),
        "type": "lottery",
        "lottery_id": lottery.id,
        "customer_id": customer_id,
        "card_id": card_id,
        "template_id": None,
        "goal_index": goal_index,
        "title": lottery.title,
        "description": lottery.description,
        "redeem_code": "",
        "code_unique": False,
        "formats": [],
        "status": "issued",
        "issued_at": now,
        "expires_at": None,
        "metadata": {},
    }
    return as_voucher(await insert_voucher(session, values, None))


# --- playing ---------------------------------------------------------------------------------


@dataclass
class Played:
    draw: LotteryDraw
    prize: Voucher | None


# The variants in force, in draw order, with their lottery's title: one round trip per play.
_IN_FORCE = (
    select(
        lotteries_table.c.title.label("lottery_title"),
        variants_table.c.id,
        variants_table.c.key,
        variants_table.c.title,
        variants_table.c.template_id,
        variants_table.c.weight,
        variants_table.c.stock,
    )
    .join_from(
        variants_table,
        lotteries_table,
        and_(
            lotteries_table.c.business_id == variants_table.c.business_id,
            lotteries_table.c.id == variants_table.c.lottery_id,
        ),
    )
    .where(
        variants_table.c.business_id == bindparam("tenant"),
        variants_table.c.lottery_id == bindparam("lottery_id"),
    )
    .order_by(variants_table.c.position)
)
# The ticket is played here and nowhere else: one conditional UPDATE, however many race.
_CLAIM = (
    update(vouchers)
    .where(
        vouchers.c.business_id == bindparam("tenant"),
        vouchers.c.id == bindparam("ticket_id"),
        vouchers.c.type == "lottery",
        vouchers.c.status == "issued",
    )
    .values(status="played")
    .returning(*vouchers.c)
)
# A prize leaves the stock only while some is left, so concurrent plays never oversell.
_TAKE = (
    update(variants_table)
    .where(
        variants_table.c.business_id == bindparam("tenant"),
        variants_table.c.id == bindparam("variant_id"),
        variants_table.c.stock > 0,
    )
    .values(stock=variants_table.c.stock - 1)
    .returning(variants_table.c.stock)
)


async def _unplayable(
    session: AsyncSession, business_id: str, ticket_id: str, card_id: str | None
) -> ProblemError:
    """Why the claim updated nothing."""
    row = (
        await session.execute(
            select(vouchers.c.type, vouchers.c.card_id).where(
                vouchers.c.business_id == business_id, vouchers.c.id == ticket_id
            )
        )
    ).one_or_none()
    if row is None or (card_id is not None and row.card_id != card_id):
        return not_found("voucher", ticket_id)
    if row.type != "lottery":
        return Conflict(
            "voucher_not_lottery_ticket",
            f"Voucher '{ticket_id}' is not a lottery ticket: it is redeemed, not played.",
        )
    draw_id = await session.scalar(
        select(LotteryDraw.id).where(
            LotteryDraw.business_id == business_id, LotteryDraw.ticket_id == ticket_id
        )
    )
    return Conflict(
        "lottery_ticket_played",
        f"Lottery ticket '{ticket_id}' was already played.",
        draw_id=draw_id,
    )


async def _draw_taking_stock(
    session: AsyncSession, business_id: str, entries: list[drawing.Entry]
) -> tuple[drawing.Draw, list[drawing.Entry], int | None, int]:
    """Draw until the result is unlimited or its stock could be taken. A prize that ran out
    under a concurrent play drops out and the draw is repeated without it (the same odds as
    drawing from what is left), so this ends after at most one draw per variant.

    Returns the draw, the entries it was drawn from, the prize's stock left and the redraws."""
    redraws = 0
    while (result := drawing.draw(entries)) is not None:
        chosen = entries[result.index]
        if chosen.stock is None:
            return result, entries, None, redraws
        left = await session.scalar(_TAKE, {"tenant": business_id, "variant_id": chosen.id})
        if left is not None:
            return result, entries, left, redraws
        entries = [replace(e, stock=0) if e is chosen else e for e in entries]
        redraws += 1
    raise Conflict(
        "lottery_sold_out",
        "Every prize of this lottery is used up and it has no 'no prize' variant: the ticket "
        "stays valid and can be played once the lottery is restocked.",
    )


async def play(
    session: AsyncSession,
    actor: Actor,
    *,
    ticket_id: str,
    location_id: str | None = None,
    via: str = "api",
    card_id: str | None = None,
) -> Played:
    """Play a ticket exactly once (``card_id``: only a ticket of that card, as the web card
    plays). Refusals: 404 voucher_not_found, 409 lottery_ticket_played,
    voucher_not_lottery_ticket or lottery_sold_out (the ticket stays unplayed)."""
    actor.require(Permission.VOUCHERS_REDEEM)
    location_id = await acting_location(session, actor, location_id)
    business_id = actor.business_id
    claim = _CLAIM if card_id is None else _CLAIM.where(vouchers.c.card_id == card_id)
    ticket = (
        await session.execute(claim, {"tenant": business_id, "ticket_id": ticket_id})
    ).one_or_none()
    if ticket is None:
        raise await _unplayable(session, business_id, ticket_id, card_id)
    rows = (
        await session.execute(_IN_FORCE, {"tenant": business_id, "lottery_id": ticket.lottery_id})
    ).all()
    entries = [drawing.Entry(*row[1:]) for row in rows]
    result, drawn_from, stock_left, redraws = await _draw_taking_stock(
        session, business_id, entries
    )
    chosen = drawn_from[result.index]
    now = utcnow()
    prize = None
    if chosen.template_id is not None:
        template = await session.get(VoucherTemplate, (business_id, chosen.template_id))
        assert template is not None
        prize = await issue_from_template(
            session,
            business_id=business_id,
            template=template,
            customer_id=ticket.customer_id,
            card_id=ticket.card_id,
            goal_index=ticket.goal_index,
            now=now,
        )
    record = {
        "business_id": business_id,
        "id": new_id("drw"),
        "lottery_id": ticket.lottery_id,
        "ticket_id": ticket.id,
        "card_id": ticket.card_id,
        "customer_id": ticket.customer_id,
        "variant_key": chosen.key,
        "variant_title": chosen.title,
        "won": prize is not None,
        "voucher_id": prize.id if prize else None,
        "random_number": result.random_number,
        "total_weight": result.total_weight,
        "variants": [
            {
                "key": e.key,
                "title": e.title,
                "template_id": e.template_id,
                "weight": e.weight,
                "stock": e.stock,
                "in_draw": e.in_draw,
            }
            for e in drawn_from
        ],
        "stock_left": stock_left,
        "redraws": redraws,
        "via": via,
        "location_id": location_id,
        "staff_id": actor.staff_id,
        "drawn_at": now,
    }
    await session.execute(insert(draws_table), record)
    lottery_title = rows[0].lottery_title
    await _record_events(session, actor, ticket, lottery_title, record, prize)
    return Played(LotteryDraw(**record), prize)


async def _record_events(
    session: AsyncSession,
    actor: Actor,
    ticket: Any,
    lottery_title: str,
    record: dict[str, Any],
    prize: Voucher | None,
) -> None:
    holder = await load_holder(session, actor.business_id, ticket.customer_id, ticket.card_id)
    common: dict[str, Any] = {
        "business_id": actor.business_id,
        "at": record["drawn_at"],
        "location_id": record["location_id"],
        "staff_id": actor.staff_id,
        "customer": holder.customer,
        "card": holder.card,
    }
    result = {
        "lottery_id": record["lottery_id"],
        "variant": record["variant_key"],
        "won": record["won"],
        "voucher_id": record["voucher_id"],
        "draw_id": record["id"],
        "title": lottery_title,
        "variant_title": record["variant_title"],
    }
    rows = [event_row("lottery_played", **common, voucher=voucher_part(ticket), lottery=result)]
    if prize is not None:
        rows.append(event_row("voucher_issued", **common, voucher=voucher_part(prize)))
    await events.record(session, rows)


# --- draws -----------------------------------------------------------------------------------


async def get_draw(session: AsyncSession, actor: Actor, draw_id: str) -> LotteryDraw:
    actor.require(Permission.VOUCHERS_READ)
    return await get_owned(session, LotteryDraw, actor.business_id, draw_id, "lottery_draw")


async def list_draws(
    session: AsyncSession,
    actor: Actor,
    params: PageParams,
    *,
    lottery_id: str | None,
    card_id: str | None,
    ticket_id: str | None,
) -> tuple[list[LotteryDraw], str | None]:
    actor.require(Permission.VOUCHERS_READ)
    query = select(LotteryDraw).where(LotteryDraw.business_id == actor.business_id)
    filters = {
        LotteryDraw.lottery_id: lottery_id,
        LotteryDraw.card_id: card_id,
        LotteryDraw.ticket_id: ticket_id,
    }
    for column, value in filters.items():
        if value is not None:
            query = query.where(column == value)
    rows = list((await session.scalars(newest_first(query, LotteryDraw.id, params))).all())
    return to_page(rows, params, lambda row: row.id)
