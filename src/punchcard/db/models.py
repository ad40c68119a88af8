"""Imports every area's models so the metadata (and Alembic) sees all tables."""

from punchcard.businesses.models import Business, Location
from punchcard.cards.models import Card, Stamp
from punchcard.code_lookups.models import CodeLookupFailure, CodeLookupLimit
from punchcard.codes.models import VoucherCode
from punchcard.customers.models import Customer
from punchcard.db.base import Base
from punchcard.events.models import Event
from punchcard.idempotency.models import IdempotencyRecord
from punchcard.imports.models import ImportJob, ImportRow
from punchcard.pos.models import PosConnector, PosSale
from punchcard.programs.models import Program
from punchcard.staff.models import ApiKey, Staff
from punchcard.vouchers.models import Voucher, VoucherTemplate
from punchcard.wallet.apple.models import AppleSigning
from punchcard.wallet.apple.registrations import DeviceRegistration
from punchcard.wallet.models import PassDesign, WalletPass
from punchcard.webhooks.models import WebhookAttempt, WebhookEndpoint, WebhookMessage

__all__ = [
    "ApiKey",
    "AppleSigning",
    "Base",
    "Business",
    "Card",
    "CodeLookupFailure",
    "CodeLookupLimit",
    "Customer",
    "DeviceRegistration",
    "Event",
    "IdempotencyRecord",
    "ImportJob",
    "ImportRow",
    "Location",
    "PassDesign",
    "PosConnector",
    "PosSale",
    "Program",
    "Staff",
    "Stamp",
    "Voucher",
    "VoucherCode",
    "VoucherTemplate",
    "WalletPass",
    "WebhookAttempt",
    "WebhookEndpoint",
    "WebhookMessage",
]
