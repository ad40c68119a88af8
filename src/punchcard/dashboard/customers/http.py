"""Customers: search, a customer's cards, vouchers and history; stamps added or taken off with
a reason, and vouchers given, all through the API's services."""

from datetime import UTC, date, datetime, time
from typing import Annotated, Any

from fastapi import Query
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards import service as cards
from punchcard.cards.schemas import StampAdd, StampRemoval
from punchcard.customers import service as customers
from punchcard.customers.search import search_customers
from punchcard.dashboard.access import StaffView, posted_form
from punchcard.dashboard.customers.text import TEXT
from punchcard.dashboard.forms import parse, refusal
from punchcard.dashboard.listing import page_of
from punchcard.dashboard.locations_of import MOST, reachable_locations
from punchcard.dashboard.rendering import View, form_values
from punchcard.dashboard.routing import dashboard_router
from punchcard.events import service as events
from punchcard.kit.errors import Forbidden, ProblemError
from punchcard.kit.http import Session
from punchcard.kit.pagination import PageParams
from punchcard.programs import service as programs
from punchcard.staff.actor import Actor, Permission
from punchcard.vouchers import service as vouchers
from punchcard.vouchers.schemas import CustomVoucher, VoucherIssue

router = dashboard_router()
RECENT = PageParams(limit=50, cursor=None)


@router.get("/dashboard/customers")
async def customer_search(
    view: StaffView,
    session: Session,
    q: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    assert view.signed is not None
    found = await search_customers(session, view.signed.actor, q)
    return view.render("customers/search.html", TEXT, query=q.strip(), found=found)


def _when(payload: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(payload["timestamp"])


def _end_of(day: date, view: View) -> datetime:
    return datetime.combine(day, time(23, 59, 59), view.timezone).astimezone(UTC)


async def _profile(
    session: AsyncSession, actor: Actor, customer_id: str, history_page: PageParams
) -> dict[str, Any]:
    """Everything the customer page shows, each part read by its area's service; the history
    a page at a time (a regular's runs to thousands of events), older pages by cursor."""
    customer = await customers.get_customer(session, actor, customer_id)
    their_cards, _ = await cards.list_cards(
        session, actor, MOST, customer_id=customer_id, program_id=None, status=None
    )
    names = {
        program.id: program.name
        for program in (await programs.list_programs(session, actor, MOST))[0]
    }
    their_vouchers, _ = await vouchers.list_vouchers(
        session, actor, RECENT, customer_id=customer_id, card_id=None, status=None, code=None
    )
    history: list[dict[str, Any]] = []
    older = None
    if actor.can(Permission.EVENTS_READ):
        history, older = await events.list_events(
            session, actor, history_page, customer_id=customer_id
        )
    templates: list[Any] = []
    if actor.can(Permission.VOUCHERS_ISSUE):
        templates, _ = await vouchers.list_templates(session, actor, MOST, include_archived=False)
    return {
        "customer": customer,
        "cards": [view.state() for view in their_cards],
        "program_names": names,
        "vouchers": their_vouchers,
        "history": [(_when(payload), payload) for payload in history],
        "more": older,
        "templates": templates,
        "locations": await reachable_locations(session, actor),
        "may_correct": actor.can(Permission.CARDS_CORRECT),
        "may_issue": actor.can(Permission.VOUCHERS_ISSUE),
        "now": datetime.now(UTC),
    }


async def _customer_page(
    view: View,
    session: AsyncSession,
    customer_id: str,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
) -> Response:
    assert view.signed is not None
    return view.render(
        "customers/customer.html",
        TEXT,
        errors=errors or {},
        values=values or {},
        done=view.request.query_params.get("done"),
        **await _profile(session, view.signed.actor, customer_id, page_of(view.request)),
    )


@router.get("/dashboard/customers/{customer_id}")
async def customer_page(customer_id: str, view: StaffView, session: Session) -> Response:
    return await _customer_page(view, session, customer_id)


def _done(customer_id: str, what: str) -> RedirectResponse:
    return RedirectResponse(f"/dashboard/customers/{customer_id}?done={what}", status_code=303)


async def _act(view: View, session: AsyncSession, customer_id: str, card_id: str) -> Actor:
    """The actor, once the card is the customer's (a form names both)."""
    assert view.signed is not None
    actor = view.signed.actor
    card = await cards.get_card(session, actor, card_id)
    if card.card.customer_id != customer_id:
        raise Forbidden("card_not_of_customer", "This card belongs to another customer.")
    return actor


@router.post("/dashboard/customers/{customer_id}/stamps")
async def add_stamps(customer_id: str, view: StaffView, session: Session) -> Response:
    values = form_values(await posted_form(view), "card_id", "count", "note", "location_id")
    data, errors = parse(StampAdd, {**values, "card_id": ""})  # blank: not the input's field
    if data is None:
        return await _customer_page(view, session, customer_id, errors, values)
    actor = await _act(view, session, customer_id, values["card_id"])
    await cards.add_stamps(
        session,
        actor,
        card_ref=values["card_id"],
        count=data.count,
        location_id=data.location_id,
        note=data.note,
    )
    return _done(customer_id, "stamped")


@router.post("/dashboard/customers/{customer_id}/stamp-removals")
async def remove_stamps(customer_id: str, view: StaffView, session: Session) -> Response:
    values = form_values(await posted_form(view), "card_id", "count", "reason", "location_id")
    data, errors = parse(StampRemoval, {**values, "card_id": ""})
    if data is None:
        return await _customer_page(view, session, customer_id, errors, values)
    actor = await _act(view, session, customer_id, values["card_id"])
    try:
        async with session.begin_nested():
            await cards.remove_stamps(session, actor, card_ref=values["card_id"], data=data)
    except ProblemError as error:
        if error.status == 403:
            raise
        return await _customer_page(view, session, customer_id, refusal(error), values)
    return _done(customer_id, "removed")


@router.post("/dashboard/customers/{customer_id}/vouchers")
async def issue_voucher(customer_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    names = ("card_id", "template_id", "title", "description", "expires_on", "location_id")
    values = form_values(await posted_form(view), *names)
    custom = None
    errors: dict[str, str] = {}
    if not values["template_id"]:
        expires = None
        if values["expires_on"]:
            try:
                expires = _end_of(date.fromisoformat(values["expires_on"]), view)
            except ValueError:
                errors["expires_on"] = "error_invalid"
        fields = {"title": values["title"], "description": values["description"]}
        custom, custom_errors = parse(CustomVoucher, {**fields, "expires_at": expires})
        errors |= {
            ("title" if name == "title" else name): key for name, key in custom_errors.items()
        }
        if "title" in errors:
            errors["title"] = "title_required"
    target = {"card_id": values["card_id"]} if values["card_id"] else {"customer_id": customer_id}
    data, issue_errors = parse(
        VoucherIssue,
        {
            **target,
            "template_id": values["template_id"],
            "custom": custom,
            "location_id": values["location_id"],
        },
    )
    if errors or data is None:
        return await _customer_page(view, session, customer_id, errors or issue_errors, values)
    if values["card_id"]:
        await _act(view, session, customer_id, values["card_id"])
    await vouchers.issue_voucher(session, view.signed.actor, data=data)
    return _done(customer_id, "issued")
