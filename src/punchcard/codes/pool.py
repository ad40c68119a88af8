"""Handing out pool codes: each code to exactly one voucher, however many issue at once."""

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from sqlalchemy import exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.codes.models import VoucherCode
from punchcard.db.base import table_of
from punchcard.events import service as events
from punchcard.events.payloads import event_row
from punchcard.kit.errors import Conflict
from punchcard.vouchers.models import Voucher, VoucherTemplate

codes_t = table_of(VoucherCode)
templates_t = table_of(VoucherTemplate)
vouchers_t = table_of(Voucher)
ALERT_EVERY = timedelta(hours=1)
CLAIM_ATTEMPTS = 8


class CodePoolEmpty(Conflict):
    """Raised inside the issuing transaction, which rolls back; the boundary then records the
    ``code_pool_empty`` event in a transaction of its own (``record_pool_empty``)."""

    def __init__(self, business_id: str, template_id: str) -> None:
        super().__init__(
            "code_pool_empty",
            f"The code pool of template '{template_id}' is empty: import or generate codes "
            f"(POST /v1/voucher-templates/{template_id}/code-pool/codes).",
            template_id=template_id,
        )
        self.business_id, self.template_id = business_id, template_id


async def claim(
    session: AsyncSession, business_id: str, template_id: str, voucher_id: str, now: datetime
) -> str:
    """Take the oldest free code. On PostgreSQL concurrent claims skip each other's locked
    rows instead of queueing on them; SQLite has one writer at a time anyway."""
    used_by_a_voucher = exists().where(
        vouchers_t.c.business_id == business_id, vouchers_t.c.redeem_code == codes_t.c.code
    )
    oldest_free = (
        select(codes_t.c.id)
        .where(
            codes_t.c.business_id == business_id,
            codes_t.c.template_id == template_id,
            codes_t.c.status == "available",
            ~used_by_a_voucher,
        )
        .order_by(codes_t.c.id)
        .limit(1)
        .with_for_update(skip_locked=True, of=codes_t)
        .scalar_subquery()
    )
    statement = (
        update(codes_t)
        .where(codes_t.c.business_id == business_id, codes_t.c.id == oldest_free)
        .values(status="assigned", voucher_id=voucher_id, assigned_at=now)
        .returning(codes_t.c.code)
    )
    code = (await session.execute(statement)).scalar_one_or_none()
    if code is None:
        raise CodePoolEmpty(business_id, template_id)
    return str(code)


def pool_code_source(
    session: AsyncSession, template: VoucherTemplate, voucher_id: str, now: datetime
) -> Callable[[int], Awaitable[str]]:
    """The pool's next free code; a claimed code is only ever taken by a concurrent voucher
    (a code already on a voucher is never claimed), so a few attempts always do."""

    async def next_code(attempt: int) -> str:
        if attempt == CLAIM_ATTEMPTS:
            raise Conflict(
                "code_space_exhausted",
                f"{attempt} codes of the pool of template '{template.id}' were taken by other "
                "vouchers as they were handed out: try again.",
            )
        return await claim(session, template.business_id, template.id, voucher_id, now)

    return next_code


async def counts(session: AsyncSession, business_id: str, template_id: str) -> dict[str, int]:
    rows = await session.execute(
        select(codes_t.c.status, func.count())
        .where(codes_t.c.business_id == business_id, codes_t.c.template_id == template_id)
        .group_by(codes_t.c.status)
    )
    found = {status: int(n) for status, n in rows}
    return {"available": found.get("available", 0), "assigned": found.get("assigned", 0)}


async def record_pool_empty(session: AsyncSession, error: CodePoolEmpty, now: datetime) -> bool:
    """Emit ``code_pool_empty`` unless this template's pool already did within the hour (one
    conditional UPDATE decides, so a busy till cannot flood webhooks). True when emitted."""
    statement = (
        update(templates_t)
        .where(
            templates_t.c.business_id == error.business_id,
            templates_t.c.id == error.template_id,
            or_(
                templates_t.c.code_pool_empty_alerted_at.is_(None),
                templates_t.c.code_pool_empty_alerted_at <= now - ALERT_EVERY,
            ),
        )
        .values(code_pool_empty_alerted_at=now)
        .returning(templates_t.c.title)
    )
    title = (await session.execute(statement)).scalar_one_or_none()
    if title is None:
        return False
    pool = await counts(session, error.business_id, error.template_id)
    row = event_row(
        "code_pool_empty",
        business_id=error.business_id,
        at=now,
        location_id=None,
        staff_id=None,
        customer=None,
        template={"id": error.template_id, "title": title},
        pool=pool,
    )
    await events.record(session, [row])
    return True
