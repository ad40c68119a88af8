"""POS connectors: their settings (managed by owners and managers), and the sales tills report.

Inbound requests have no API key: the connector's signature authenticates them, and the
connector acts as a scanner bound to its location, through the same card and voucher services
as staff do (so goals, vouchers and events all happen).
"""

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Row, and_, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.service import get_location
from punchcard.cards import service as card_service
from punchcard.cards.repository import cards, customers
from punchcard.config import get_settings
from punchcard.db.base import table_of
from punchcard.kit import crypto
from punchcard.kit.clock import utcnow
from punchcard.kit.db import get_owned, owned_page
from punchcard.kit.errors import Conflict, Forbidden, Unprocessable, not_found
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams, newest_first, to_page
from punchcard.kit.sql import insert_ignoring_conflicts
from punchcard.pos import rules, signing
from punchcard.pos.connector import Identifier, Keys, Sale, Skip
from punchcard.pos.models import PosConnector, PosSale, PosSeenRequest
from punchcard.pos.schemas import ConnectorCreate, ConnectorUpdate, PosRedeem
from punchcard.programs import service as program_service
from punchcard.referrals import conversion as referral_conversion
from punchcard.referrals import joining as referral_joining
from punchcard.staff.actor import Actor, Permission, Role
from punchcard.vouchers import service as voucher_service
from punchcard.vouchers.schemas import RedeemByCode
from punchcard.webhooks.targets import check_url

SECRET_OVERLAP = timedelta(hours=24)
# The tills with settings of their own (the body's "poster" or "syrve"): the fields sealed.
SECRET_FIELDS = {"poster": {"application_secret", "access_token"}, "syrve": {"api_login"}}
sales = table_of(PosSale)
seen_requests = table_of(PosSeenRequest)

# --- settings --------------------------------------------------------------------------------


def webhook_url(connector: PosConnector) -> str:
    return f"{get_settings().public_url.rstrip('/')}/v1/pos/{connector.id}/webhook"


async def _check_targets(
    session: AsyncSession, actor: Actor, program_id: str | None, location_id: str | None
) -> None:
    if program_id is not None:
        program = await program_service.get_program(session, actor, program_id)
        if program.status != "active":
            raise Conflict("program_archived", f"Program '{program.id}' is archived.")
    if location_id is not None:
        await get_location(session, actor, location_id)


def _credentials(connector: PosConnector) -> dict[str, str]:
    sealed = connector.credentials_sealed
    return json.loads(crypto.unseal(sealed)) if sealed else {}


def _set_type_settings(connector: PosConnector, given: BaseModel) -> None:
    """The till type's own settings: secrets sealed, a base URL checked (not-given fields keep
    their value)."""
    secrets = SECRET_FIELDS[connector.type]
    values = given.model_dump(mode="json", exclude_none=True)
    plain = {name: value for name, value in values.items() if name not in secrets}
    if "base_url" in plain:
        check_url(plain["base_url"], field=f"{connector.type}.base_url")
        plain["base_url"] = plain["base_url"].rstrip("/")
    connector.settings = {**connector.settings, **plain}
    changed = {name: value for name, value in values.items() if name in secrets}
    if changed:
        credentials = {**_credentials(connector), **changed}
        connector.credentials_sealed = crypto.seal(json.dumps(credentials))


async def create_connector(
    session: AsyncSession, actor: Actor, *, data: ConnectorCreate
) -> tuple[PosConnector, str]:
    """Returns the connector and its signing secret (shown this once)."""
    actor.require(Permission.POS_MANAGE)
    location_id = data.location_id
    if "location_id" not in data.model_fields_set:
        location_id = actor.location_id  # a bound manager's till works where it does
    actor.require_location(location_id)  # a till stamps wherever its connector may
    await _check_targets(session, actor, data.program_id, location_id)
    now = utcnow()
    secret = signing.new_secret()
    connector = PosConnector(
        business_id=actor.business_id,
        id=new_id("pos"),
        type=data.type,
        name=data.name,
        program_id=data.program_id,
        location_id=location_id,
        stamp_rule=data.stamp_rule.model_dump(),
        currency=data.currency,
        enabled=data.enabled,
        settings={},
        credentials_sealed=None,
        signing_secret_sealed=crypto.seal(secret),
        created_at=now,
        updated_at=now,
    )
    typed = getattr(data, data.type, None)  # "poster" / "syrve" settings: required by the schema
    if typed is not None:
        _set_type_settings(connector, typed)
    session.add(connector)
    await session.flush()
    return connector, secret


async def get_connector(session: AsyncSession, actor: Actor, connector_id: str) -> PosConnector:
    actor.require(Permission.POS_MANAGE)
    connector = await get_owned(
        session, PosConnector, actor.business_id, connector_id, "pos_connector"
    )
    actor.require_location(connector.location_id)
    return connector


async def list_connectors(
    session: AsyncSession, actor: Actor, params: PageParams
) -> tuple[list[PosConnector], str | None]:
    actor.require(Permission.POS_MANAGE)
    mine = [] if actor.location_id is None else [PosConnector.location_id == actor.location_id]
    return await owned_page(session, PosConnector, actor.business_id, params, *mine)


async def update_connector(
    session: AsyncSession, actor: Actor, connector_id: str, *, data: ConnectorUpdate
) -> PosConnector:
    connector = await get_connector(session, actor, connector_id)
    given = data.model_fields_set
    if "location_id" in given:
        actor.require_location(data.location_id)
    await _check_targets(session, actor, data.program_id, data.location_id)
    for field in ("name", "program_id", "enabled"):
        value = getattr(data, field)
        if value is not None:
            setattr(connector, field, value)
    for field in ("location_id", "currency"):  # null clears these
        if field in given:
            setattr(connector, field, getattr(data, field))
    if data.stamp_rule is not None:
        connector.stamp_rule = data.stamp_rule.model_dump()
    for kind in SECRET_FIELDS:
        typed = getattr(data, kind)
        if typed is None:
            continue
        if connector.type != kind:
            raise Unprocessable(
                "validation_error", f"'{kind}' settings are for type '{kind}' only.", field=kind
            )
        _set_type_settings(connector, typed)
    connector.updated_at = utcnow()
    return connector


async def delete_connector(session: AsyncSession, actor: Actor, connector_id: str) -> None:
    """Its sales log goes with it."""
    connector = await get_connector(session, actor, connector_id)
    await session.delete(connector)


async def rotate_secret(
    session: AsyncSession, actor: Actor, connector_id: str
) -> tuple[PosConnector, str]:
    """A new signing secret; the old one is still accepted for 24 h while the till switches."""
    connector = await get_connector(session, actor, connector_id)
    now = utcnow()
    secret = signing.new_secret()
    connector.previous_signing_secret_sealed = connector.signing_secret_sealed
    connector.previous_signing_secret_expires_at = now + SECRET_OVERLAP
    connector.signing_secret_sealed = crypto.seal(secret)
    connector.updated_at = now
    return connector, secret


async def list_sales(
    session: AsyncSession,
    actor: Actor,
    connector_id: str,
    params: PageParams,
    *,
    outcome: str | None,
) -> tuple[list[Row[Any]], str | None]:
    connector = await get_connector(session, actor, connector_id)
    query = select(sales).where(
        sales.c.business_id == actor.business_id, sales.c.connector_id == connector.id
    )
    if outcome:
        query = query.where(sales.c.outcome == outcome)
    rows = list((await session.execute(newest_first(query, sales.c.id, params))).all())
    return to_page(rows, params, lambda row: row.id)


# --- inbound: what tills send ----------------------------------------------------------------


async def inbound_connector(session: AsyncSession, connector_id: str) -> PosConnector:
    """The connector a public URL names (no API key: the caller proves itself by signature)."""
    connector = (
        await session.scalars(select(PosConnector).where(PosConnector.id == connector_id))
    ).one_or_none()
    if connector is None:
        raise not_found("pos_connector", connector_id)
    return connector


def keys_of(connector: PosConnector) -> Keys:
    secrets = [crypto.unseal(connector.signing_secret_sealed)]
    previous = connector.previous_signing_secret_sealed
    expires = connector.previous_signing_secret_expires_at
    if previous and expires and expires > utcnow():
        secrets.append(crypto.unseal(previous))
    return Keys(secrets, dict(connector.settings), _credentials(connector), connector.currency)


def connector_actor(connector: PosConnector) -> Actor:
    """A connector acts as a scanner at its location: it may stamp and redeem, nothing more."""
    return Actor(
        business_id=connector.business_id,
        role=Role.SCANNER,
        staff_name=connector.name,
        location_id=connector.location_id,
    )


def _row(connector: PosConnector, outcome: str, **fields: Any) -> dict[str, Any]:
    return {
        "business_id": connector.business_id,
        "id": new_id("sale"),
        "connector_id": connector.id,
        "transaction_id": None,
        "claimed_transaction_id": None,
        "outcome": outcome,
        "detail": None,
        "amount": None,
        "currency": None,
        "identifiers": [],
        "items": [],
        "customer_id": None,
        "card_id": None,
        "stamps": 0,
        "closed_at": None,
        "received_at": utcnow(),
        **fields,
    }


async def _log(session: AsyncSession, row: dict[str, Any]) -> dict[str, Any]:
    await session.execute(insert(sales).values(**row))
    return row


async def log_skip(
    session: AsyncSession, connector: PosConnector, skip: Skip | None = None, **fields: Any
) -> dict[str, Any]:
    """Log a notice that decides nothing (not a sale, not closed, connector off, POS API down):
    the same transaction may still be processed later."""
    if skip is not None:
        fields = {
            "outcome": skip.outcome,
            "detail": skip.detail,
            "transaction_id": skip.transaction_id,
            **fields,
        }
    return await _log(session, _row(connector, **fields))


async def duplicate_of(
    session: AsyncSession, connector: PosConnector, transaction_id: str
) -> dict[str, Any] | None:
    """A ``duplicate`` log row when the transaction was decided before, else None."""
    decided = await session.scalar(
        select(sales.c.outcome).where(
            sales.c.business_id == connector.business_id,
            sales.c.connector_id == connector.id,
            sales.c.claimed_transaction_id == transaction_id,
        )
    )
    if decided is None:
        return None
    return await _log(
        session,
        _row(
            connector,
            "duplicate",
            transaction_id=transaction_id,
            detail=f"Already processed ({decided}).",
        ),
    )


async def _customer(
    session: AsyncSession, business_id: str, identifiers: tuple[Identifier, ...]
) -> str | None:
    """The first identifier that names a customer of the business wins."""
    for identifier in identifiers:
        if identifier.kind == "scan_code":
            query = select(cards.c.customer_id).where(
                cards.c.business_id == business_id,
                cards.c.scan_code == card_service.normalize_scan_code(identifier.value),
            )
        else:
            column = (
                customers.c.id if identifier.kind == "customer_id" else customers.c[identifier.kind]
            )
            query = select(customers.c.id).where(
                customers.c.business_id == business_id, column == identifier.value
            )
        found = await session.scalar(query)
        if found is not None:
            return str(found)
    return None


async def _live_card(
    session: AsyncSession, business_id: str, program_id: str, customer_id: str
) -> tuple[str | None, str | None]:
    """The customer's live card in the program: its id and pending referral (or Nones)."""
    now = utcnow()
    found = await session.execute(
        select(cards.c.id, cards.c.referral_id).where(
            cards.c.business_id == business_id,
            cards.c.customer_id == customer_id,
            cards.c.program_id == program_id,
            cards.c.status == "active",
            or_(cards.c.expires_at.is_(None), cards.c.expires_at > now),
        )
    )
    card = found.one_or_none()
    return (card.id, card.referral_id) if card else (None, None)


async def _decide(
    session: AsyncSession, connector: PosConnector, sale: Sale
) -> tuple[dict[str, Any], str | None]:
    """The sale's log row with its outcome, before any stamp is written, and the card's
    pending referral."""
    business_id = connector.business_id
    customer_id = await _customer(session, business_id, sale.identifiers)
    card_id, pending = None, None
    if customer_id is not None:
        card_id, pending = await _live_card(session, business_id, connector.program_id, customer_id)
    count = rules.stamps_for(connector.stamp_rule, sale.amount)
    outcome, detail = "stamped", None
    if connector.currency and sale.currency and sale.currency != connector.currency:
        outcome, detail = "currency_mismatch", f"The connector counts {connector.currency}."
    elif count == 0:
        outcome, detail = "below_minimum", "The amount earns no stamps under the stamp rule."
    elif customer_id is None:
        outcome = "no_customer"
        detail = "No customer matches." if sale.identifiers else "The sale names no customer."
    elif card_id is None:
        outcome, detail = "no_card", "The customer has no active card in the program."
    decided = _row(
        connector,
        outcome,
        detail=detail,
        transaction_id=sale.transaction_id,
        claimed_transaction_id=sale.transaction_id,
        amount=sale.amount,
        currency=sale.currency or connector.currency,
        identifiers=[{"kind": i.kind, "value": i.value} for i in sale.identifiers],
        items=list(sale.items),
        customer_id=customer_id,
        card_id=card_id,
        stamps=count if outcome == "stamped" else 0,
        closed_at=sale.closed_at,
    )
    return decided, pending


async def record_sale(session: AsyncSession, connector: PosConnector, sale: Sale) -> dict[str, Any]:
    """Decide a sale exactly once. The claim (a unique key on the transaction id) is written
    before the stamps, in the same transaction: a concurrent duplicate waits for it and then
    finds it taken, a replay finds it at once; either is logged as ``duplicate``."""
    row, pending = await _decide(session, connector, sale)
    dialect = session.get_bind().dialect.name
    claim = insert_ignoring_conflicts(sales, dialect, row).returning(sales.c.id)
    if (await session.execute(claim)).first() is None:
        duplicate = await duplicate_of(session, connector, sale.transaction_id)
        assert duplicate is not None  # the claim that beat us is committed
        return duplicate
    actor = connector_actor(connector)
    if sale.referral_code is not None:
        joined = await referral_joining.at_till(
            session,
            actor,
            code=sale.referral_code,
            card_program_id=connector.program_id,
            customer_id=row["customer_id"],
            card_id=row["card_id"],
            scan_code=next((i.value for i in sale.identifiers if i.kind == "scan_code"), None),
            location_id=connector.location_id,
        )
        pending = joined.referral_id or pending
    if row["outcome"] != "stamped":
        return row
    try:
        await card_service.add_stamps(
            session,
            actor,
            card_ref=row["card_id"],
            count=row["stamps"],
            note=f"{connector.name}: transaction {sale.transaction_id}",
        )
    except Conflict as refused:  # the card expired since we looked
        row |= {"outcome": "card_inactive", "detail": refused.detail, "stamps": 0}
        await session.execute(
            sales.update()
            .where(and_(sales.c.business_id == row["business_id"], sales.c.id == row["id"]))
            .values(outcome=row["outcome"], detail=row["detail"], stamps=0)
        )
        return row
    if pending is not None:  # the referee's sale may be what converts the referral
        await referral_conversion.convert(
            session,
            business_id=connector.business_id,
            card_id=row["card_id"],
            referral_id=pending,
            trigger=referral_conversion.sold(row),
            where=referral_conversion.Where(connector.location_id, None, utcnow()),
        )
    return row


async def remember_request(
    session: AsyncSession, connector: PosConnector, webhook_id: str, signed_at: int
) -> None:
    """Note a verified signed request as acted on; 409 ``pos_request_replayed`` when it was
    before. Kept until its signature is no longer accepted anyway (its timestamp plus the
    tolerance), in the request's transaction: a request that fails may be sent again."""
    tolerance = get_settings().pos_signature_tolerance_seconds
    row = {
        "business_id": connector.business_id,
        "connector_id": connector.id,
        "webhook_id": webhook_id,
        "expires_at": datetime.fromtimestamp(signed_at + tolerance, UTC),
    }
    dialect = session.get_bind().dialect.name
    claim = insert_ignoring_conflicts(seen_requests, dialect, row).returning(
        seen_requests.c.webhook_id
    )
    if (await session.execute(claim)).first() is None:
        raise Conflict(
            "pos_request_replayed",
            f"The request '{webhook_id}' was processed before: sign each request with a new "
            "webhook-id.",
        )


async def redeem(session: AsyncSession, connector: PosConnector, data: PosRedeem) -> Any:
    """A till redeems by code through the voucher service: ``redeemed_via`` is ``pos`` and
    ``redeemed_via_detail`` the connector's name."""
    if not connector.enabled:
        raise Forbidden("pos_connector_disabled", f"POS connector '{connector.id}' is disabled.")
    request = RedeemByCode(
        code=data.code, card_id=data.card_id, customer_id=data.customer_id, via="pos"
    )
    return await voucher_service.redeem(
        session, connector_actor(connector), data=request, via_detail=connector.name
    )
