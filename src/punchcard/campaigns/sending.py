"""The delivery queue: due campaigns start, their audiences become delivery rows in batches,
deliveries are claimed under a lease, prepared (reach, voucher, rendered message) and, after
their outcome, recorded; a campaign with nothing left to send finishes with ``campaign_sent``.

Each function is one step inside the caller's transaction (``tasks.CampaignSender`` commits).

Exactly one message per recipient:
- one delivery row per campaign and customer (a unique constraint; ``INSERT ... SELECT ... ON
  CONFLICT DO NOTHING`` from the audience query, so two materialising workers add nothing twice);
- a delivery is claimed by one worker at a time (``FOR UPDATE SKIP LOCKED``), marked
  ``sending`` with a lease and committed before the provider is called;
- its voucher is issued in that same transaction and its id kept on the row, so a retry reuses
  it;
- a ``sending`` row whose lease ran out belonged to a worker that died mid-send: the provider
  may or may not have the message. Email and wallet recognise a resend (Message-ID and wallet
  message key come from the delivery id), so the row is sent again; Telegram, WhatsApp and Viber
  cannot, so their sends are marked (``hand_over``) and recorded one by one, and a row that had
  been handed over fails with ``outcome_unknown`` rather than risk a second message (one never
  handed over is simply sent).
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Row,
    and_,
    bindparam,
    case,
    exists,
    func,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from punchcard.automations.models import Automation
from punchcard.businesses.models import Business
from punchcard.campaigns import audiences, card_link_template, recipients, templates
from punchcard.campaigns.models import Campaign, Delivery, MessageTemplate
from punchcard.campaigns.schemas import Audience
from punchcard.campaigns.service import STATUSES, quiet_now
from punchcard.channels import consent
from punchcard.channels.adapter import (
    MESSENGERS,
    ChannelType,
    GiveUp,
    Keys,
    Message,
    MessageKind,
    Recipient,
    RetryLater,
    SendResult,
    Sent,
)
from punchcard.channels.reach import Skip, decide
from punchcard.channels.unsubscribe import unsubscribe_url
from punchcard.codes.pool import CodePoolEmpty, record_pool_empty
from punchcard.db.base import table_of
from punchcard.events import service as events
from punchcard.events.payloads import customer_part, event_row, voucher_part
from punchcard.kit.clock import isoformat_z
from punchcard.kit.sql import Statements
from punchcard.vouchers.models import Voucher, VoucherTemplate
from punchcard.vouchers.service import issue_from_template

campaigns_t = table_of(Campaign)
deliveries = table_of(Delivery)
businesses = table_of(Business)
customers = audiences.customers
vouchers_t = table_of(Voucher)
# A resend of these is recognisable as the same message (see the module's docstring).
RESENDABLE: tuple[ChannelType, ...] = ("email", "wallet")
MAX_ATTEMPTS = 8
RETRY_BASE_SECONDS = 30.0
RETRY_MAX_SECONDS = 3600.0
CATALOGUE_CHANNEL = {"wallet": "wallet_push"}  # the event payload's name for the channel


# --- campaigns -------------------------------------------------------------------------------


_NOW = bindparam("now", type_=campaigns_t.c.send_at.type)
# Whether a step has anything to do: a campaign due to start or sending, a delivery due, or one
# a dead worker left sending. Built once; each part is an index look-up (ix_campaigns_status,
# ix_message_deliveries_due), and OR stops at the first that holds.
_ANYTHING_DUE = select(
    or_(
        exists().where(campaigns_t.c.status == "sending"),
        exists().where(campaigns_t.c.status == "scheduled", campaigns_t.c.send_at <= _NOW),
        exists().where(deliveries.c.status == "queued", deliveries.c.next_attempt_at <= _NOW),
        exists().where(deliveries.c.status == "sending", deliveries.c.lease_until < _NOW),
    )
)


async def anything_due(connection: AsyncConnection, now: datetime) -> bool:
    """One statement where a step takes three transactions: an idle worker asks only this."""
    return bool(await connection.scalar(_ANYTHING_DUE, {"now": now}))


async def start_due(session: AsyncSession, now: datetime) -> int:
    """Scheduled campaigns whose time came start sending (one conditional UPDATE)."""
    started = await session.execute(
        update(campaigns_t)
        .where(campaigns_t.c.status == "scheduled", campaigns_t.c.send_at <= now)
        .values(status="sending", started_at=now, updated_at=now)
        .returning(campaigns_t.c.id)
    )
    return len(started.all())


def _delivery_id(dialect: str) -> Any:
    """A random delivery id made by the database, for rows inserted from a SELECT."""
    if dialect == "postgresql":
        return literal("dlv_") + func.replace(
            func.cast(func.gen_random_uuid(), postgresql.TEXT), "-", ""
        )
    return literal("dlv_") + func.lower(func.hex(func.randomblob(16)))


async def materialise(session: AsyncSession, now: datetime, batch: int) -> int:
    """Add the next ``batch`` recipients of one sending campaign (in customer id order, from
    its cursor) as queued deliveries. Returns how many were looked at (0: nothing to do)."""
    dialect = session.get_bind().dialect.name
    campaign = (
        await session.execute(
            select(campaigns_t)
            .where(campaigns_t.c.status == "sending", campaigns_t.c.materialized_at.is_(None))
            .order_by(campaigns_t.c.started_at)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
    ).first()
    if campaign is None:
        return 0
    audience = Audience.model_validate(campaign.audience)
    where = audiences.conditions(campaign.business_id, audience, dialect, now)
    if campaign.materialize_cursor is not None:
        where.append(customers.c.id > campaign.materialize_cursor)
    page = select(customers.c.id).where(*where).order_by(customers.c.id).limit(batch).subquery()
    found, last = (await session.execute(select(func.count(), func.max(page.c.id)))).one()
    if not found:
        await session.execute(
            update(campaigns_t)
            .where(campaigns_t.c.business_id == campaign.business_id)
            .where(campaigns_t.c.id == campaign.id)
            .values(materialized_at=now)
        )
        return 1
    rows = select(
        _delivery_id(dialect),
        literal(campaign.business_id),
        literal(campaign.id),
        literal("campaign"),
        customers.c.id,
        literal(campaign.channel),
        literal(audience.program_id),
        literal("queued"),
        literal(0),
        literal(now, deliveries.c.next_attempt_at.type),
        literal(now, deliveries.c.created_at.type),
    ).where(*where, customers.c.id <= last)
    columns = [
        "id",
        "business_id",
        "campaign_id",
        "purpose",
        "customer_id",
        "channel",
        "program_id",
        "status",
        "attempts",
        "next_attempt_at",
        "created_at",
    ]
    dml = postgresql.insert if dialect == "postgresql" else sqlite.insert
    await session.execute(dml(deliveries).from_select(columns, rows).on_conflict_do_nothing())
    await session.execute(
        update(campaigns_t)
        .where(campaigns_t.c.business_id == campaign.business_id)
        .where(campaigns_t.c.id == campaign.id)
        .values(materialize_cursor=last)
    )
    return int(found)


async def open_campaigns(session: AsyncSession, now: datetime) -> list[str]:
    """Sending campaigns outside their quiet hours: the ones whose deliveries may go now."""
    rows = await session.execute(
        select(campaigns_t.c.id, campaigns_t.c.quiet_hours, businesses.c.timezone)
        .join(businesses, businesses.c.id == campaigns_t.c.business_id)
        .where(campaigns_t.c.status == "sending")
    )
    return [
        row.id
        for row in rows
        if not quiet_now(row.quiet_hours, ZoneInfo(row.timezone or "UTC"), now)
    ]


async def finish(session: AsyncSession, now: datetime) -> list[str]:
    """Campaigns with every recipient added and nothing queued or sending are sent; each
    emits ``campaign_sent`` with its counts, in the same transaction."""
    pending = exists().where(
        deliveries.c.business_id == campaigns_t.c.business_id,
        deliveries.c.campaign_id == campaigns_t.c.id,
        deliveries.c.status.in_(("queued", "sending")),
    )
    done = (
        await session.execute(
            update(campaigns_t)
            .where(
                campaigns_t.c.status == "sending",
                campaigns_t.c.materialized_at.is_not(None),
                ~pending,
            )
            .values(status="sent", finished_at=now, updated_at=now)
            .returning(*campaigns_t.c)
        )
    ).all()
    rows = []
    for campaign in done:
        counted = await session.execute(
            select(deliveries.c.status, deliveries.c.reason, func.count())
            .where(
                deliveries.c.business_id == campaign.business_id,
                deliveries.c.campaign_id == campaign.id,
            )
            .group_by(deliveries.c.status, deliveries.c.reason)
        )
        by_status = dict.fromkeys(STATUSES, 0)
        by_reason: dict[str, int] = defaultdict(int)
        for status, reason, n in counted:
            by_status[status] += int(n)
            if reason:
                by_reason[reason] += int(n)
        rows.append(
            event_row(
                "campaign_sent",
                business_id=campaign.business_id,
                at=now,
                location_id=None,
                staff_id=None,
                customer=None,
                campaign={
                    "id": campaign.id,
                    "name": campaign.name,
                    "channel": CATALOGUE_CHANNEL.get(campaign.channel, campaign.channel),
                    "recipients": sum(by_status.values()),
                    "sent": by_status["sent"],
                    "failed": by_status["failed"],
                    "skipped": by_status["skipped"],
                    "reasons": dict(by_reason),
                    "started_at": isoformat_z(campaign.started_at),
                    "finished_at": isoformat_z(now),
                },
            )
        )
    await events.record(session, rows)
    return [campaign.id for campaign in done]


# --- deliveries ------------------------------------------------------------------------------


async def recover(session: AsyncSession, now: datetime) -> int:
    """Rows left ``sending`` by a worker that died: sent again where a resend is recognisable
    or the message never reached the provider, else failed (``outcome_unknown``)."""
    again = or_(deliveries.c.channel.in_(RESENDABLE), deliveries.c.handed_at.is_(None))
    recovered = await session.execute(
        update(deliveries)
        .where(deliveries.c.status == "sending", deliveries.c.lease_until < now)
        .values(
            status=case((again, "queued"), else_="failed"),
            reason=case((again, None), else_="outcome_unknown"),
            last_error=case(
                (again, deliveries.c.last_error),
                else_="The worker sending it stopped; the provider may or may not have it.",
            ),
            lease_until=None,
        )
        .returning(deliveries.c.id)
    )
    return len(recovered.all())


# ``status = 'sending'`` written as an expression, for statements that name their rows by key:
# a plain comparison lets PostgreSQL read them through ix_message_deliveries_due instead of the
# primary key, and that index holds every queued and sending row of the running campaigns (and
# dead entries until vacuum): each statement read the whole campaign, 100,000 rows and more.
_SENDING_BY_KEY = (deliveries.c.status + "") == "sending"


def _still_claimed(given: Any) -> ColumnElement[bool]:
    """The rows ``given`` (business_id, id, attempts as claimed), still sending under that claim
    (``attempts`` moves on with each claim)."""
    return and_(
        deliveries.c.business_id == given.c.business_id,
        deliveries.c.id == given.c.id,
        deliveries.c.attempts == given.c.attempts,
        _SENDING_BY_KEY,
    )


async def hand_over(
    session: AsyncSession,
    claims: Sequence[tuple[str, str, int]],
    now: datetime,
    lease: timedelta,
) -> set[tuple[str, str]]:
    """These messages go to a provider that cannot recognise a resend: from now on, a crash
    makes their outcome unknown (``recover``); each gets a fresh lease for its send.
    ``claims``: (business_id, id, attempts) as claimed. Returns the keys handed over: a claim
    whose lease ran out (it may be recovered any moment) or that was claimed again since
    (``attempts`` moved on) is not ours to send any more."""
    if not claims:
        return set()
    statements = await Statements.of(session)
    handed = await statements.rows(
        deliveries, _CLAIM_KEY, list(claims), _hand_over, now=now, until=now + lease
    )
    return {(row.business_id, row.id) for row in handed}


_CLAIM_KEY = ("business_id", "id", "attempts")
# Given with the rows: a statement built once (``Statements.rows``) holds no values of its own.
_NOW = bindparam("now", type_=deliveries.c.handed_at.type)
_UNTIL = bindparam("until", type_=deliveries.c.lease_until.type)


def _hand_over(given: Any) -> Any:
    return (
        update(deliveries)
        .where(
            _still_claimed(given),
            deliveries.c.lease_until > _NOW,
            deliveries.c.handed_at.is_(None),
        )
        .values(handed_at=_NOW, lease_until=_UNTIL)
        .returning(deliveries.c.business_id, deliveries.c.id)
    )


async def claim(
    session: AsyncSession, now: datetime, limit: int, lease: timedelta, open_ids: list[str]
) -> list[Row[Any]]:
    """Up to ``limit`` due deliveries (transactional ones, and those of ``open_ids``), marked
    ``sending`` under a lease; rows another worker holds are skipped, not waited for."""
    allowed: ColumnElement[bool] = deliveries.c.campaign_id.is_(None)
    if open_ids:
        allowed = or_(allowed, deliveries.c.campaign_id.in_(open_ids))
    due = (
        select(deliveries.c.business_id, deliveries.c.id)
        .where(deliveries.c.status == "queued", deliveries.c.next_attempt_at <= now, allowed)
        .order_by(deliveries.c.next_attempt_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    if session.get_bind().dialect.name == "postgresql":
        due_rows = due.cte("due")
        match = and_(
            deliveries.c.business_id == due_rows.c.business_id, deliveries.c.id == due_rows.c.id
        )
        statement = update(deliveries).where(match)
    else:  # one writer at a time: no locks to skip
        keys = due.subquery()
        statement = update(deliveries).where(
            deliveries.c.id.in_(select(keys.c.id)),
            deliveries.c.business_id.in_(select(keys.c.business_id)),
        )
    claimed = await session.execute(
        statement.values(
            status="sending",
            lease_until=now + lease,
            attempts=deliveries.c.attempts + 1,
            handed_at=None,
        ).returning(*deliveries.c)
    )
    return list(claimed.all())


@dataclass(frozen=True)
class Job:
    """A claimed delivery, ready to go: where, what, through which business channel."""

    business_id: str
    delivery_id: str
    attempts: int
    channel: ChannelType
    keys: Keys
    recipient: Recipient
    message: Message


@dataclass(frozen=True)
class Skipped:
    """A skip of the sender's own (``channels.reach`` gives the channel's): ``no_card``."""

    reason: str
    detail: str
    status: str = "skipped"


@dataclass(frozen=True)
class Verdict:
    """What a claimed delivery came to without a send (skipped), or its send's result."""

    business_id: str
    delivery_id: str
    attempts: int
    result: SendResult | Skip | Skipped
    channel: ChannelType
    address: str | None = None


@dataclass
class Prepared:
    claimed: int
    jobs: list[Job]
    skipped: list[Verdict]
    released: list[tuple[str, str, int]]  # claimed but put back (their campaign paused)


async def prepare(session: AsyncSession, claimed: list[Row[Any]], now: datetime) -> Prepared:
    """Turn claimed rows into jobs: reach (skip with its reason), the campaign's voucher
    (issued once, its id kept on the row), the rendered message."""
    prepared = Prepared(len(claimed), [], [], [])
    groups: dict[tuple[str, str | None, str | None, str], list[Row[Any]]] = defaultdict(list)
    for row in claimed:
        groups[(row.business_id, row.campaign_id, row.automation_id, row.channel)].append(row)
    for (business_id, campaign_id, _, channel), rows in groups.items():
        await _prepare_group(session, business_id, campaign_id, channel, rows, now, prepared)  # type: ignore[arg-type]
    return prepared


@dataclass(frozen=True)
class _Source:
    """What a group's messages are made of."""

    kind: MessageKind
    campaign: Row[Any] | None
    template: MessageTemplate | None
    voucher_template: VoucherTemplate | None
    business_name: str


async def _source(
    session: AsyncSession, business_id: str, campaign_id: str | None, automation_id: str | None
) -> _Source | None:
    """None: the automation that queued the messages was deleted."""
    business = await session.get(Business, business_id)
    name = business.name if business is not None else ""
    if automation_id is not None:
        automation = await session.get(Automation, (business_id, automation_id))
        if automation is None or automation.message_template_id is None:
            return None
        template = await session.get(MessageTemplate, (business_id, automation.message_template_id))
        kind: MessageKind = "transactional" if automation.message_transactional else "marketing"
        return _Source(kind, None, template, None, name)
    if campaign_id is None:
        return _Source("transactional", None, None, None, name)
    campaign = (
        await session.execute(
            select(campaigns_t).where(
                campaigns_t.c.business_id == business_id, campaigns_t.c.id == campaign_id
            )
        )
    ).one()  # campaigns are never deleted, their templates not while they are used
    template = await session.get(MessageTemplate, (business_id, campaign.template_id))
    voucher_template = None
    if campaign.voucher_template_id is not None:
        voucher_template = await session.get(
            VoucherTemplate, (business_id, campaign.voucher_template_id)
        )
    return _Source("marketing", campaign, template, voucher_template, name)


async def _prepare_group(
    session: AsyncSession,
    business_id: str,
    campaign_id: str | None,
    channel: ChannelType,
    rows: list[Row[Any]],
    now: datetime,
    prepared: Prepared,
) -> None:
    source = await _source(session, business_id, campaign_id, rows[0].automation_id)
    if source is None:
        gone = Skipped("automation_deleted", "The automation that queued it was deleted.")
        prepared.skipped += [
            Verdict(business_id, row.id, row.attempts, gone, channel) for row in rows
        ]
        return
    program_id = rows[0].program_id
    found = await recipients.holders(
        session, business_id, [row.customer_id for row in rows], channel, program_id
    )
    has_template = source.template is not None and source.template.provider_template is not None
    existing = await _vouchers(session, business_id, [row.voucher_id for row in rows])
    for position, row in enumerate(rows):
        holder = found.get(row.customer_id)
        if holder is None:
            verdict: Skip | Skipped = Skip("customer_not_found", "The customer was deleted.")
        else:
            reach = decide(
                holder.standing, channel, source.kind, has_template=has_template, now=now
            )
            if isinstance(reach, Skip):
                verdict = reach
            elif source.campaign is None and holder.card is None:
                verdict = Skipped("no_card", "The customer holds no active card to link to.")
            else:
                voucher: Any = existing.get(row.voucher_id) if row.voucher_id else None
                if voucher is None and source.voucher_template is not None:
                    try:
                        voucher = await _issue(session, source, row, holder, now)
                    except CodePoolEmpty as empty:
                        await _pause(session, source, empty, now)
                        prepared.released += [
                            (row.business_id, row.id, row.attempts) for row in rows[position:]
                        ]
                        return
                prepared.jobs.append(_job(source, row, holder, reach, voucher))
                continue
        prepared.skipped.append(Verdict(business_id, row.id, row.attempts, verdict, channel))


async def _vouchers(
    session: AsyncSession, business_id: str, ids: list[str | None]
) -> dict[str, Row[Any]]:
    wanted = [voucher_id for voucher_id in ids if voucher_id]
    if not wanted:
        return {}
    rows = await session.execute(
        select(vouchers_t).where(
            vouchers_t.c.business_id == business_id, vouchers_t.c.id.in_(wanted)
        )
    )
    return {row.id: row for row in rows}


async def _issue(
    session: AsyncSession, source: _Source, row: Row[Any], holder: Any, now: datetime
) -> Voucher:
    """The campaign's voucher for this delivery, its id on the row and ``voucher_issued``
    written in this transaction (a savepoint: an empty pool undoes only this one)."""
    assert source.voucher_template is not None
    assert source.campaign is not None
    async with session.begin_nested():
        card = holder.card
        voucher = await issue_from_template(
            session,
            business_id=row.business_id,
            template=source.voucher_template,
            customer_id=row.customer_id,
            card_id=card.id if card is not None else None,
            goal_index=None,
            now=now,
            metadata={"campaign_id": source.campaign.id},
        )
        await session.execute(
            update(deliveries)
            .where(deliveries.c.business_id == row.business_id, deliveries.c.id == row.id)
            .values(voucher_id=voucher.id)
        )
        customer = holder.customer
        await events.record(
            session,
            [
                event_row(
                    "voucher_issued",
                    business_id=row.business_id,
                    at=now,
                    location_id=None,
                    staff_id=None,
                    customer=customer_part(customer.id, customer.source_id, customer.language),
                    voucher=voucher_part(voucher),
                    campaign={
                        "id": source.campaign.id,
                        "name": source.campaign.name,
                        "channel": CATALOGUE_CHANNEL.get(
                            source.campaign.channel, source.campaign.channel
                        ),
                    },
                )
            ],
        )
    return voucher


async def _pause(
    session: AsyncSession, source: _Source, empty: CodePoolEmpty, now: datetime
) -> None:
    """The code pool ran dry: the campaign waits (``paused``, ``voucher_pool_empty``) until
    codes are added and it is resumed; ``code_pool_empty`` tells the business."""
    assert source.campaign is not None
    await session.execute(
        update(campaigns_t)
        .where(
            campaigns_t.c.business_id == source.campaign.business_id,
            campaigns_t.c.id == source.campaign.id,
            campaigns_t.c.status == "sending",
        )
        .values(status="paused", paused_reason="voucher_pool_empty", updated_at=now)
    )
    await record_pool_empty(session, empty, now)


def _job(source: _Source, row: Row[Any], holder: Any, reach: Any, voucher: Any) -> Job:
    channel: ChannelType = row.channel
    unsubscribe = None
    if source.kind == "marketing":  # email's reach made it already
        unsubscribe = reach.recipient.unsubscribe_url or unsubscribe_url(
            row.business_id, row.customer_id, channel
        )
    variables = recipients.variables(
        source.business_name, holder, voucher=voucher, unsubscribe_link=unsubscribe
    )
    language = row.language or holder.customer.language
    if source.template is not None:
        rendered = templates.render_template(
            source.template, variables, language=language, key=row.id
        )
    else:
        rendered = card_link_template.render(channel, variables, language=language, key=row.id)
    recipient = reach.recipient
    if source.kind != "marketing":  # no unsubscribe header on a message the customer asked for
        recipient = Recipient(
            address=recipient.address,
            name=recipient.name,
            language=recipient.language,
            window_open=recipient.window_open,
        )
    return Job(
        row.business_id, row.id, row.attempts, channel, reach.keys, recipient, rendered.message
    )


async def release(session: AsyncSession, claims: Sequence[tuple[str, str, int]]) -> None:
    """Claimed deliveries put back as they were (their campaign paused before they were sent,
    or the worker stopped before sending them): (business_id, id, attempts) as claimed."""
    if not claims:
        return
    rows = [(business_id, key, attempts - 1) for business_id, key, attempts in claims]
    await (await Statements.of(session)).rows(deliveries, _CLAIM_KEY, rows, _release)


def _release(given: Any) -> Any:
    return (
        update(deliveries)
        .where(
            deliveries.c.business_id == given.c.business_id,
            deliveries.c.id == given.c.id,
            _SENDING_BY_KEY,
        )
        .values(status="queued", lease_until=None, attempts=given.c.attempts)
    )


def _retry_delay(attempts: int, retry_after: float | None) -> float:
    """The provider's word when it gave one (Telegram's retry_after), else exponential."""
    if retry_after is not None:
        return float(retry_after)
    return min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2.0 ** max(0, attempts - 1))


_RECORDED = (
    "business_id",
    "id",
    "attempts",
    "status",
    "reason",
    "last_error",
    "provider_message_id",
    "sent_at",
    "next_attempt_at",
)


def _outcome(verdict: Verdict, now: datetime) -> tuple[Any, ...]:
    """The row's new values, in ``_RECORDED``'s order."""
    result = verdict.result
    key = (verdict.business_id, verdict.delivery_id, verdict.attempts)
    if isinstance(result, Sent):
        return (*key, "sent", None, None, result.provider_message_id[:200], now, now)
    if isinstance(result, RetryLater):
        if verdict.attempts >= MAX_ATTEMPTS:
            return (*key, "failed", result.reason, result.detail[:2000], None, None, now)
        delay = timedelta(seconds=_retry_delay(verdict.attempts, result.retry_after))
        return (*key, "queued", None, result.detail[:2000], None, None, now + delay)
    # GiveUp or Skip
    return (*key, result.status, result.reason, result.detail[:2000] or None, None, None, now)


def _record(given: Any) -> Any:
    return (
        update(deliveries)
        .where(_still_claimed(given))
        .values({name: given.c[name] for name in _RECORDED[3:]} | {"lease_until": None})
    )


async def record(session: AsyncSession, verdicts: list[Verdict], now: datetime) -> None:
    """Every outcome in one statement (an UPDATE ... FROM the rows); a dead messenger address
    is unlinked."""
    if not verdicts:
        return
    outcomes = [_outcome(verdict, now) for verdict in verdicts]
    await (await Statements.of(session)).rows(deliveries, _RECORDED, outcomes, _record)
    for verdict in verdicts:
        result = verdict.result
        if (
            isinstance(result, GiveUp)
            and result.address_dead
            and verdict.channel in MESSENGERS
            and verdict.address is not None
        ):
            await consent.unlink(
                session, verdict.business_id, verdict.channel, verdict.address, "provider_blocked"
            )
