import re
from datetime import UTC, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import (
    AnyHttpUrl,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic.alias_generators import to_camel

from punchcard.customers.schemas import Email, Phone, SourceId
from punchcard.kit.schemas import Input, Moment, Name, Output, Patch, Ref
from punchcard.referrals.schemas import ReferralCodeText

ConnectorType = Literal["poster", "syrve", "generic"]
Secret = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{3}$", to_upper=True)]
MinorUnits = Annotated[int, Field(ge=0, le=10**12)]
Outcome = Literal[
    "stamped",
    "no_customer",
    "no_card",
    "card_inactive",
    "below_minimum",
    "currency_mismatch",
    "duplicate",
    "not_closed",
    "ignored",
    "disabled",
    "pos_api_error",
]


# --- stamp rules ------------------------------------------------------------------------------


class PerReceipt(Input):
    """``stamps`` per closed receipt (of at least ``minimum``, when given)."""

    per: Literal["receipt"]
    stamps: int = Field(1, ge=1, le=100)
    minimum: MinorUnits | None = Field(None, description="Minor units; smaller receipts: none.")


class PerAmount(Input):
    """One stamp per ``amount`` minor units paid (500: one per 5.00). A receipt of at least
    ``minimum`` (default: ``amount``) earns at least one stamp; smaller ones earn none."""

    per: Literal["amount"]
    amount: int = Field(ge=1, le=10**9, description="Minor units per stamp.")
    minimum: MinorUnits | None = None
    max_stamps: int | None = Field(None, ge=1, le=1000, description="Cap per receipt.")


StampRule = Annotated[PerReceipt | PerAmount, Field(discriminator="per")]


# --- connectors ------------------------------------------------------------------------------


class PosterIn(Input):
    """Your Poster application's secret (it signs Poster's webhooks) and the account's API
    access token (to read the closed transaction)."""

    application_secret: Secret
    access_token: Secret
    base_url: AnyHttpUrl | None = Field(
        None, description="Poster's API base URL; default PUNCHCARD_POS_POSTER_BASE_URL."
    )


class PosterUpdate(Patch):
    application_secret: Secret | None = None
    access_token: Secret | None = None
    base_url: AnyHttpUrl | None = None


class SyrveIn(Input):
    """Your Syrve Cloud API key (the apiLogin made in Syrve's web back office), to read closed
    orders and guests, and the organization whose orders this connector takes."""

    api_login: Secret
    organization_id: UUID = Field(description="The organization's id (/api/1/organizations).")
    base_url: AnyHttpUrl | None = Field(
        None, description="Syrve Cloud API base URL; default PUNCHCARD_POS_SYRVE_BASE_URL."
    )


class SyrveUpdate(Patch):
    api_login: Secret | None = None
    organization_id: UUID | None = None
    base_url: AnyHttpUrl | None = None


class ConnectorCreate(Input):
    type: ConnectorType
    name: Name
    program_id: Ref = Field(description="The program whose cards get the stamps.")
    location_id: Ref | None = Field(None, description="Where the stamps and redemptions happen.")
    stamp_rule: StampRule = Field(
        default_factory=lambda: PerReceipt(per="receipt"),
        examples=[{"per": "receipt"}, {"per": "amount", "amount": 500, "minimum": 300}],
    )
    currency: Currency | None = Field(
        None, description="When set, sales in another currency earn no stamps."
    )
    enabled: bool = True
    poster: PosterIn | None = Field(None, description="Required for type 'poster'.")
    syrve: SyrveIn | None = Field(None, description="Required for type 'syrve'.")

    @model_validator(mode="after")
    def _typed_tills_need_keys(self) -> "ConnectorCreate":
        for kind in ("poster", "syrve"):
            if (self.type == kind) != (getattr(self, kind) is not None):
                raise ValueError(f"give '{kind}' settings for type '{kind}', and only for it")
        return self


class ConnectorUpdate(Patch):
    name: Name | None = None
    program_id: Ref | None = None
    location_id: Ref | None = None
    stamp_rule: StampRule | None = None
    currency: Currency | None = None
    enabled: bool | None = None
    poster: PosterUpdate | None = None
    syrve: SyrveUpdate | None = None

    clearable = frozenset({"location_id", "currency"})


class PosterOut(Output):
    base_url: str
    credentials_set: bool = Field(description="Secrets are never returned.")


class SyrveOut(PosterOut):
    organization_id: str


class ConnectorOut(Output):
    id: str
    type: ConnectorType
    name: str
    program_id: str
    location_id: str | None
    stamp_rule: PerReceipt | PerAmount
    currency: str | None
    enabled: bool
    poster: PosterOut | None
    syrve: SyrveOut | None
    webhook_url: str = Field(description="Where the till sends its webhooks.")
    previous_secret_expires_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ConnectorCreated(ConnectorOut):
    signing_secret: str = Field(
        description="pos_whsec_...: signs generic webhooks and redemptions, and is the authToken "
        "Syrve sends with its webhooks. Shown once."
    )


class SecretOut(Output):
    signing_secret: str = Field(description="Shown once; the previous one works for 24 h more.")
    previous_secret_expires_at: datetime | None


# --- the log ---------------------------------------------------------------------------------


class IdentifierOut(Output):
    kind: str
    value: str


class SaleOut(Output):
    id: str
    connector_id: str
    transaction_id: str | None
    outcome: Outcome
    detail: str | None
    amount: int | None = Field(description="Minor units.")
    currency: str | None
    identifiers: list[IdentifierOut]
    items: list[dict[str, Any]]
    customer_id: str | None
    card_id: str | None
    stamps: int
    closed_at: datetime | None
    received_at: datetime


class Accepted(Output):
    status: Literal["accept"] = "accept"
    sale: SaleOut = Field(description="The delivery's (first) sale.")
    sales: list[SaleOut] = Field(
        description="One per event the delivery carried: Syrve batches events, other tills "
        "send one sale a request."
    )


# --- what tills send -------------------------------------------------------------------------


class CustomerKeys(Input):
    """Any of these; tried in this order: scan_code, customer_id, source_id, email, phone."""

    scan_code: Annotated[str, StringConstraints(strip_whitespace=True, max_length=64)] | None = None
    customer_id: Ref | None = None
    source_id: SourceId | None = None
    email: Email | None = None
    phone: Phone | None = None


class SaleItem(Input):
    name: Annotated[str, StringConstraints(max_length=200)] | None = None
    sku: Annotated[str, StringConstraints(max_length=100)] | None = None
    quantity: float = Field(1, gt=0, le=10**6)
    amount: MinorUnits | None = None


class GenericSale(Input):
    """The body of a generic POS webhook: one closed receipt."""

    transaction_id: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
    ]
    amount: MinorUnits = Field(description="Paid, in minor units (12.50 EUR: 1250).")
    currency: Currency
    customer: CustomerKeys | None = None
    items: list[SaleItem] = Field(default_factory=list, max_length=500)
    closed_at: Moment | None = None
    referral_code: ReferralCodeText | None = Field(
        None,
        description="A referrer's code the customer brought: they become the referee (new "
        "customers only), or the refusal is recorded; the sale is decided either way.",
    )


class PosRedeem(Input):
    """A till redeeming a voucher by the code the customer shows."""

    code: Annotated[
        str, StringConstraints(strip_whitespace=True, to_upper=True, min_length=1, max_length=64)
    ]
    card_id: Ref | None = Field(None, description="Needed when the code is a shared POS code.")
    customer_id: Ref | None = None


class PosterWebhook(Input):
    """What Poster sends (documented here; verified by ``verify``, see the README)."""

    account: str
    account_number: str | None = None
    object: str = Field(examples=["transaction"])
    object_id: int | str
    action: Literal["added", "changed", "removed", "transformed"]
    time: str = Field(description="Unix seconds.")
    verify: str = Field(
        description="md5 of account;object;object_id;action;data;time;application_secret."
    )
    data: str | None = None


SYRVE_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,7})?")


def _syrve_time(value: Any) -> datetime:
    """Syrve's ``yyyy-MM-dd HH:mm:ss.fff``, in UTC for event times."""
    if not isinstance(value, str) or not SYRVE_TIME.fullmatch(value):
        raise ValueError("expected yyyy-MM-dd HH:mm:ss.fff")
    return datetime.fromisoformat(value).replace(tzinfo=UTC)  # ValueError: no such date


SyrveTime = Annotated[
    datetime,
    BeforeValidator(_syrve_time),
    WithJsonSchema({"type": "string", "pattern": f"^{SYRVE_TIME.pattern}$"}),
]


class SyrveEvent(BaseModel):
    """One event of a Syrve webhook; Syrve POSTs a JSON array of them, with the authToken set
    in its webhook settings as the ``Authorization`` header. Only an order's id is taken from
    it: what was sold is read from the Syrve Cloud API."""

    model_config = ConfigDict(alias_generator=to_camel, extra="ignore")

    event_type: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{1,64}$")] = Field(
        examples=["TableOrderUpdate", "DeliveryOrderUpdate"]
    )
    event_time: SyrveTime = Field(
        description="UTC, yyyy-MM-dd HH:mm:ss.fff.", examples=["2026-05-11 12:34:56.123"]
    )
    organization_id: UUID
    correlation_id: UUID | None = None
    event_info: dict[str, Any] | None = Field(
        None, description="For order events: the order, its ``id`` (UUID) and ``order.status``."
    )


SyrveWebhook = Annotated[list[SyrveEvent], Field(max_length=100)]
