"""Card balances from another loyalty product: each row's customer (found or created as an
upsert would) gets an active card in the row's program, holding the row's stamps.

The balance is a value, not an addition: a row applied twice sets the same balance twice,
so a resumed or repeated import changes nothing more. A change is written to the card's
stamp ledger (noted with the import and line) and pushed to wallets holding the card. New
cards emit card_issued; balances do not emit stamp_added: moving house is not a purchase,
and automations listening for stamps should not fire for a whole customer base at once."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards.models import Card
from punchcard.cards.repository import cards, programs
from punchcard.cards.service import CardView, card_issued, new_card, new_scan_code, stamps_ledger
from punchcard.customers import service as customers
from punchcard.customers.schemas import CustomerUpsert
from punchcard.events import service as events
from punchcard.events.payloads import customer_part
from punchcard.imports.results import RowResult, problem_error, row_error
from punchcard.imports.schemas import CardBalance
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import ProblemError
from punchcard.kit.ids import new_id
from punchcard.kit.sql import any_of, insert_rows, keyed, rows_table
from punchcard.staff.actor import Actor
from punchcard.wallet.sync import bump_versions, passes

SCAN_CODE_DRAWS = 8
Pair = tuple[str, str]  # (customer id, program id)


def _program_error(program: Any, row: CardBalance) -> dict[str, Any] | None:
    if program is None:
        return row_error("program_not_found", f"No program '{row.program_id}'.", "program_id")
    if program.status != "active":
        return row_error("program_archived", f"Program '{program.id}' is archived.", "program_id")
    steps = [int(goal["stamps"]) for goal in program.goals]
    if program.after_last_goal == "restart" and steps and row.stamps >= steps[-1]:
        message = f"The program starts a new round at {steps[-1]} stamps: a balance is below that."
        return row_error("stamps_beyond_last_goal", message, "stamps")
    return None


async def _programs(session: AsyncSession, business_id: str, ids: set[str]) -> dict[str, Any]:
    query = select(programs).where(
        programs.c.business_id == business_id, any_of(session, programs.c.id, sorted(ids))
    )
    return {row.id: row for row in await session.execute(query)}


async def _owners(
    session: AsyncSession, actor: Actor, rows: dict[int, CardBalance]
) -> tuple[dict[int, Any], dict[int, RowResult]]:
    """Each row's customer, found or created (rows naming one customer share them), and the
    rows whose customer cannot be upserted."""
    # Not validated again: CardBalance checked these fields by the same types and rule (a
    # phone number's check is most of a row's parsing).
    identities = [
        CustomerUpsert.model_construct(source_id=row.source_id, email=row.email, phone=row.phone)
        for row in rows.values()
    ]
    outcomes = await customers.upsert_rows(session, actor, identities, partial=True)
    owners: dict[int, Any] = {}
    failed: dict[int, RowResult] = {}
    for line, outcome in zip(rows, outcomes, strict=True):
        if isinstance(outcome, ProblemError) and outcome.code == "duplicate_row":
            outcome = outcomes[outcome.extra["duplicate_of"]]
        if isinstance(outcome, ProblemError):
            failed[line] = RowResult.failed(line, problem_error(outcome))
        else:
            owners[line] = outcome.customer
    return owners, failed


async def _active_cards(
    session: AsyncSession, business_id: str, pairs: Sequence[Pair], now: datetime
) -> dict[Pair, Any]:
    """The live card of each pair, locked; a card past its expiry is closed (as issuing does)."""
    given = rows_table(session, cards, ("customer_id", "program_id"), list(pairs))
    query = (
        select(cards)
        .where(
            cards.c.business_id == business_id,
            cards.c.status == "active",
            tuple_(cards.c.customer_id, cards.c.program_id).in_(
                select(given.c.customer_id, given.c.program_id)
            ),
        )
        .order_by(cards.c.id)
        .with_for_update()
    )
    found = list(await session.execute(query))
    expired = [card.id for card in found if card.expires_at is not None and card.expires_at <= now]
    if expired:
        await session.execute(
            update(cards)
            .where(cards.c.business_id == business_id, any_of(session, cards.c.id, expired))
            .values(status="expired")
        )
    return {(c.customer_id, c.program_id): c for c in found if c.id not in expired}


async def _issue(
    session: AsyncSession, wanted: dict[Pair, dict[str, Any]], now: datetime
) -> dict[Pair, dict[str, Any]]:
    """Insert the new cards; a drawn scan code that is taken is drawn again. Returns the
    cards inserted; a pair missing from it got a card from a concurrent writer."""
    names = tuple(cards.c.keys())
    business_id = next(iter(wanted.values()))["business_id"]
    issued: dict[Pair, dict[str, Any]] = {}
    for _ in range(SCAN_CODE_DRAWS):
        pending = {pair: {**card, "scan_code": new_scan_code()} for pair, card in wanted.items()}
        values = [tuple(card[name] for name in names) for card in pending.values()]
        insert = insert_rows(session, cards, names, values).on_conflict_do_nothing()
        inserted = set((await session.scalars(insert.returning(cards.c.id))).all())
        issued |= {pair: card for pair, card in pending.items() if card["id"] in inserted}
        missing = [pair for pair in pending if pair not in issued]
        if not missing:
            return issued
        raced = await _active_cards(session, business_id, missing, now)
        wanted = {pair: wanted[pair] for pair in missing if pair not in raced}
        if not wanted:
            return issued
    raise RuntimeError("could not draw unique scan codes")


async def apply(
    session: AsyncSession, actor: Actor, import_id: str, rows: dict[int, CardBalance]
) -> dict[int, RowResult]:
    now = utcnow()
    found = await _programs(session, actor.business_id, {row.program_id for row in rows.values()})
    results: dict[int, RowResult] = {}
    usable: dict[int, CardBalance] = {}
    for line, row in rows.items():
        error = _program_error(found.get(row.program_id), row)
        if error:
            results[line] = RowResult.failed(line, error)
        else:
            usable[line] = row
    if not usable:
        return results
    owners, failed = await _owners(session, actor, usable)
    results |= failed
    pair_of: dict[int, Pair] = {}
    line_of: dict[Pair, int] = {}
    for line, owner in owners.items():
        pair = (owner.id, usable[line].program_id)
        if pair in line_of:
            message = f"Names the same card as line {line_of[pair]} of the file."
            results[line] = RowResult.failed(line, row_error("duplicate_in_file", message))
        else:
            pair_of[line], line_of[pair] = pair, line
    if not pair_of:
        return results
    active = await _active_cards(session, actor.business_id, list(pair_of.values()), now)
    wanted = {
        pair: {
            **new_card(actor.business_id, found[pair[1]], pair[0], now),
            "stamps": usable[line].stamps,
            "lifetime_stamps": usable[line].stamps,
        }
        for line, pair in pair_of.items()
        if pair not in active
    }
    issued = await _issue(session, wanted, now) if wanted else {}
    if len(issued) < len(wanted):  # a concurrent writer issued some: set their balances
        active = await _active_cards(session, actor.business_id, list(pair_of.values()), now)
    ledger: list[dict[str, Any]] = []
    balances: list[tuple[str, int, int]] = []  # existing cards: (id, stamps, lifetime_stamps)
    issued_events = []
    for line, pair in pair_of.items():
        stamps = usable[line].stamps
        note = f"Balance imported ({import_id}, line {line})"
        if pair in issued:
            card = issued[pair]
            results[line] = RowResult.applied(line, "created", card["id"])
            owner, program = owners[line], found[pair[1]]
            ref = customer_part(owner.id, owner.source_id, owner.language)
            view = CardView(Card(**card), program.goals)
            issued_events.append(card_issued(actor, view, program, ref, None, now))
            if stamps:
                ledger.append(_stamp_row(actor, card["id"], stamps, note, now))
            continue
        card = active[pair]
        if card.stamps == stamps:
            results[line] = RowResult.applied(line, "unchanged", card.id)
            continue
        results[line] = RowResult.applied(line, "updated", card.id)
        balances.append((card.id, stamps, card.lifetime_stamps + max(stamps - card.stamps, 0)))
        ledger.append(_stamp_row(actor, card.id, stamps - card.stamps, note, now))
    await _set_balances(session, actor.business_id, balances)
    if ledger:
        await session.execute(insert(stamps_ledger), ledger)
    await events.record(session, issued_events)
    return results


def _stamp_row(actor: Actor, card_id: str, count: int, note: str, now: datetime) -> dict[str, Any]:
    return {
        "business_id": actor.business_id,
        "id": new_id("stp"),
        "card_id": card_id,
        "count": count,
        "location_id": None,
        "staff_id": actor.staff_id,
        "note": note,
        "created_at": now,
    }


async def _set_balances(
    session: AsyncSession, business_id: str, balances: list[tuple[str, int, int]]
) -> None:
    """New balances of existing cards (locked), and a push to wallets holding them."""
    if not balances:
        return
    given = rows_table(session, cards, ("id", "stamps", "lifetime_stamps"), balances)
    await session.execute(
        update(cards)
        .where(cards.c.business_id == business_id, cards.c.id == given.c.id)
        .values(stamps=given.c.stamps, lifetime_stamps=given.c.lifetime_stamps)
    )
    held = {(business_id, card_id) for card_id, _, _ in balances}
    await bump_versions(session, keyed(session, passes, held))
