"""Automations (rules the worker runs on a schedule) and their runs: one row per automation,
customer and period, the constraint that makes "at most once" hold however many workers scan.

The indexes the scans read by live here too, beside the rules that need them: birthdays by
month and day, cards by their last activity (the last stamp, else the issue), cards by issue
time (welcome), open vouchers by issue time (reminders)."""

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    UniqueConstraint,
    extract,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.cards.models import Card
from punchcard.customers.models import Customer
from punchcard.db.base import Base, TenantMixin, table_of
from punchcard.kit.sql import JSONDoc, UTCDateTime
from punchcard.vouchers.models import Voucher


class Automation(TenantMixin, Base):
    """A rule: ``kind`` (birthday, inactivity, reward_reminder, welcome) with its settings,
    an optional program scope and audience, and what it does for each customer it matches:
    an event (birthday_reached, inactivity_trigger, voucher_reminder), a voucher, a message.

    ``scanned_until`` is the watermark: every scan up to it is done. ``next_scan_at`` is when
    the next one is due (the worker's look-up; null while disabled)."""

    __tablename__ = "automations"
    __table_args__ = (
        Index(
            "ix_automations_due",
            "next_scan_at",
            sqlite_where=text("next_scan_at IS NOT NULL"),
            postgresql_where=text("next_scan_at IS NOT NULL"),
        ),
        ForeignKeyConstraint(
            ["business_id", "program_id"], ["programs.business_id", "programs.id"]
        ),
        ForeignKeyConstraint(
            ["business_id", "voucher_template_id"],
            ["voucher_templates.business_id", "voucher_templates.id"],
        ),
        ForeignKeyConstraint(
            ["business_id", "message_template_id"],
            ["message_templates.business_id", "message_templates.id"],
        ),
    )

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(24))
    enabled: Mapped[bool] = mapped_column(Boolean)
    days: Mapped[int | None] = mapped_column(Integer)  # inactivity, reward_reminder
    days_before: Mapped[int | None] = mapped_column(Integer)  # birthday
    hour: Mapped[int | None] = mapped_column(Integer)  # local hour of the daily scan
    reminder: Mapped[str | None] = mapped_column(String(16))  # unredeemed | expiring
    program_id: Mapped[str | None] = mapped_column(String(40))
    audience: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    voucher_template_id: Mapped[str | None] = mapped_column(String(40))
    voucher_valid_days: Mapped[int | None] = mapped_column(Integer)
    message_channel: Mapped[str | None] = mapped_column(String(16))
    message_template_id: Mapped[str | None] = mapped_column(String(40))
    message_transactional: Mapped[bool] = mapped_column(Boolean)
    # When it was made or last switched on: it acts on what happens from then on.
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    scanned_until: Mapped[datetime] = mapped_column(UTCDateTime)
    next_scan_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AutomationRun(TenantMixin, Base):
    """One customer matched by an automation in one period, and what came of it.

    The period key is what "once" is counted in: the birthday's year, the customer's last
    activity (a new stamp starts a new spell), the reminded voucher, the welcomed program.
    ``status`` done, or skipped with ``reason`` (the gift could not be issued); the message's
    own fate is its delivery's (queued, sent, skipped for no consent, ...)."""

    __tablename__ = "automation_runs"
    __table_args__ = (
        UniqueConstraint("business_id", "automation_id", "customer_id", "period"),
        Index("ix_automation_runs_log", "business_id", "automation_id", "id"),
        ForeignKeyConstraint(
            ["business_id", "automation_id"],
            ["automations.business_id", "automations.id"],
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["business_id", "customer_id"],
            ["customers.business_id", "customers.id"],
            ondelete="CASCADE",
        ),
    )

    automation_id: Mapped[str] = mapped_column(String(40))
    customer_id: Mapped[str] = mapped_column(String(40))
    period: Mapped[str] = mapped_column(String(40))
    card_id: Mapped[str | None] = mapped_column(String(40))
    reminded_voucher_id: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16))  # pending (inside its scan) | done | skipped
    reason: Mapped[str | None] = mapped_column(String(40))
    voucher_id: Mapped[str | None] = mapped_column(String(40))  # the gift issued
    delivery_id: Mapped[str | None] = mapped_column(String(40))  # the message queued
    event_id: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


customers = table_of(Customer)
cards = table_of(Card)
vouchers = table_of(Voucher)
ACTIVE = text("status = 'active'")
ISSUED = text("status = 'issued'")


def last_activity(table: Any = cards) -> Any:
    """When a card was last stamped, or issued if never: what inactivity counts from."""
    return func.coalesce(table.c.last_stamp_at, table.c.issued_at)


# Birthdays by month and day (the same expressions the birthday scan compares), then by
# customer: the order its batches walk.
Index(
    "ix_customers_birthday",
    customers.c.business_id,
    extract("month", customers.c.birthday),
    extract("day", customers.c.birthday),
    customers.c.id,
)
Index(
    "ix_cards_last_activity",
    cards.c.business_id,
    last_activity(),
    sqlite_where=ACTIVE,
    postgresql_where=ACTIVE,
)
Index(
    "ix_cards_issued",
    cards.c.business_id,
    cards.c.issued_at,
    sqlite_where=ACTIVE,
    postgresql_where=ACTIVE,
)
Index(
    "ix_vouchers_open_issued",
    vouchers.c.business_id,
    vouchers.c.issued_at,
    sqlite_where=ISSUED,
    postgresql_where=ISSUED,
)
