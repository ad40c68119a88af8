"""Imports every area's models so the metadata (and Alembic) sees all tables."""

from punchcard.automations.models import Automation, AutomationRun
from punchcard.businesses.models import Business, Location
from punchcard.campaigns.models import Campaign, Delivery, MessageTemplate
from punchcard.campaigns.pace import SendPace
from punchcard.cards.models import Card, Stamp
from punchcard.channels.models import ChannelConfig, ConsentChange, CustomerChannel, LinkToken
from punchcard.code_lookups.models import CodeLookupFailure, CodeLookupLimit
from punchcard.codes.models import VoucherCode
from punchcard.customers.models import Customer
from punchcard.dashboard.models import PasswordReset, StaffSession
from punchcard.db.base import Base
from punchcard.events.models import Event
from punchcard.idempotency.models import IdempotencyRecord
from punchcard.imports.models import ImportJob, ImportRow
from punchcard.jobs.models import JobClaim
from punchcard.kit.ratelimit import RateCounter
from punchcard.lotteries.models import Lottery, LotteryDraw, LotteryVariant
from punchcard.pos.models import PosConnector, PosSale, PosSeenRequest
from punchcard.programs.models import Program
from punchcard.referrals.models import Referral, ReferralCode, ReferralProgram, ReferralRefusal
from punchcard.reports.models import FiguresFilled, HourFigures
from punchcard.staff.models import ApiKey, Staff
from punchcard.vouchers.models import Voucher, VoucherTemplate
from punchcard.wallet.apple.models import AppleSigning
from punchcard.wallet.apple.registrations import DeviceRegistration
from punchcard.wallet.models import PassDesign, WalletMessage, WalletPass
from punchcard.webhooks.models import WebhookAttempt, WebhookEndpoint, WebhookMessage

__all__ = [
    "ApiKey",
    "AppleSigning",
    "Automation",
    "AutomationRun",
    "Base",
    "Business",
    "Campaign",
    "Card",
    "ChannelConfig",
    "CodeLookupFailure",
    "CodeLookupLimit",
    "ConsentChange",
    "Customer",
    "CustomerChannel",
    "Delivery",
    "DeviceRegistration",
    "Event",
    "FiguresFilled",
    "HourFigures",
    "IdempotencyRecord",
    "ImportJob",
    "ImportRow",
    "JobClaim",
    "LinkToken",
    "Location",
    "Lottery",
    "LotteryDraw",
    "LotteryVariant",
    "MessageTemplate",
    "PassDesign",
    "PasswordReset",
    "PosConnector",
    "PosSale",
    "PosSeenRequest",
    "Program",
    "RateCounter",
    "Referral",
    "ReferralCode",
    "ReferralProgram",
    "ReferralRefusal",
    "SendPace",
    "Staff",
    "StaffSession",
    "Stamp",
    "Voucher",
    "VoucherCode",
    "VoucherTemplate",
    "WalletMessage",
    "WalletPass",
    "WebhookAttempt",
    "WebhookEndpoint",
    "WebhookMessage",
]

# Indexes a migration makes on PostgreSQL only (an index type SQLite lacks): not in the models,
# so the drift check leaves them out.
POSTGRESQL_ONLY_INDEXES = frozenset({"ix_customers_name_trgm"})
