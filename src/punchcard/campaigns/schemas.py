"""The public shapes of message templates, audiences and campaigns."""

from datetime import datetime, time
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StringConstraints,
    model_validator,
)

from punchcard.campaigns import rendering
from punchcard.channels.adapter import ChannelType
from punchcard.customers.schemas import Language
from punchcard.kit.schemas import MAX_SAFE_INT, Input, Moment, Name, Output, Patch, Ref
from punchcard.kit.schemas import LocalMoment as AnyMoment

# --- strings ---------------------------------------------------------------------------------


def _no_nul(value: str) -> str:
    """Text may span lines, but no NUL (PostgreSQL refuses it) or other control character."""
    if any((ord(char) < 32 and char not in "\t\n\r") or ord(char) == 127 for char in value):
        raise ValueError("must not contain NUL or other control characters")
    return value


Body = Annotated[str, StringConstraints(min_length=1, max_length=100_000), AfterValidator(_no_nul)]
Subject = Annotated[str, StringConstraints(min_length=1, max_length=300), AfterValidator(_no_nul)]
CampaignName = Annotated[Name, AfterValidator(_no_nul)]
Variable = Literal[
    "business_name",
    "program_name",
    "customer_name",
    "first_name",
    "stamps",
    "lifetime_stamps",
    "next_reward",
    "stamps_to_next_reward",
    "voucher_title",
    "voucher_code",
    "voucher_expires_on",
    "card_link",
    "unsubscribe_link",
]
assert set(Variable.__args__) == set(rendering.VARIABLES)  # type: ignore[attr-defined]
MESSENGER_TEXT = 4096  # Telegram's and Viber's limit for one message; WhatsApp's too

# --- templates -------------------------------------------------------------------------------


class Parts(Input):
    """One language of a template. Each part is a Jinja template over the variables of
    GET /v1/message-templates/variables: ``Hello {{ first_name }}, {{ stamps }} stamps``."""

    subject: Subject | None = Field(
        None, description="Email: the subject (required). Wallet: the message's label."
    )
    text: Body = Field(description="The plain-text message (every channel).")
    html: Body | None = Field(
        None,
        description="Email: the HTML part. Telegram: the message in Telegram's HTML subset "
        "(sent instead of `text`). Values are HTML-escaped in both.",
    )


class ProviderTemplateIn(Input):
    """WhatsApp: the approved template sent outside the 24-hour window, its body parameters
    {{1}}, {{2}}, ... filled with these variables in order."""

    name: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,512}$")]
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")]
    parameters: list[Variable] = Field(default_factory=list, max_length=20)


def _check_parts(channel: ChannelType, language: str, parts: Parts) -> None:
    where = f"bodies.{language}"
    if channel == "email" and parts.subject is None:
        raise ValueError(f"{where}.subject: an email needs a subject")
    if parts.subject is not None and channel not in ("email", "wallet"):
        raise ValueError(f"{where}.subject: {channel} messages have no subject")
    if parts.html is not None and channel not in ("email", "telegram"):
        raise ValueError(f"{where}.html: only email and Telegram take HTML")
    if channel != "email" and len(parts.text) > MESSENGER_TEXT:
        raise ValueError(f"{where}.text: at most {MESSENGER_TEXT} characters on {channel}")
    for name in ("subject", "text", "html"):
        source = getattr(parts, name)
        if source is None:
            continue
        try:
            rendering.check(source, html=name == "html", telegram=channel == "telegram")
        except rendering.TemplateProblem as exc:
            raise ValueError(f"{where}.{name}: {exc}") from None


class TemplateFields(Input):
    bodies: dict[Language, Parts] = Field(
        min_length=1,
        max_length=30,
        description="The message per language (a customer gets theirs, else the default).",
    )
    default_language: Language = "en"
    whatsapp_template: ProviderTemplateIn | None = None


class TemplateIn(TemplateFields):
    name: CampaignName
    channel: ChannelType

    @model_validator(mode="after")
    def _valid_for_channel(self) -> "TemplateIn":
        check_template(self.channel, self)
        return self


class TemplatePatch(Patch):
    """Replace the name, or the bodies (with their default language and WhatsApp template)."""

    name: CampaignName | None = None
    bodies: dict[Language, Parts] | None = Field(None, min_length=1, max_length=30)
    default_language: Language | None = None
    whatsapp_template: ProviderTemplateIn | None = None

    clearable = frozenset({"whatsapp_template"})


def check_template(channel: ChannelType, fields: TemplateFields) -> None:
    if fields.default_language not in fields.bodies:
        raise ValueError(f"default_language {fields.default_language!r} has no body")
    if fields.whatsapp_template is not None and channel != "whatsapp":
        raise ValueError("whatsapp_template: only WhatsApp templates carry one")
    for language, parts in fields.bodies.items():
        _check_parts(channel, language, parts)


class TemplateOut(Output):
    id: str
    name: str
    channel: str
    default_language: str
    bodies: dict[str, dict[str, str | None]]
    whatsapp_template: dict[str, object] | None = Field(validation_alias="provider_template")
    created_at: datetime
    updated_at: datetime


class PreviewIn(Input):
    customer_id: Ref | None = Field(
        None, description="Render for this customer (their card, language); omit: a sample."
    )
    language: Language | None = Field(None, description="Force a language of the template.")


class PreviewOut(Output):
    language: str
    subject: str | None
    text: str
    html: str | None
    whatsapp_parameters: list[str] | None
    customer_id: str | None


class VariableOut(Output):
    name: str
    description: str
    sample: str | int | None


# --- audiences -------------------------------------------------------------------------------

Count = Annotated[StrictInt, Field(ge=0, le=MAX_SAFE_INT)]


class Range(Input):
    min: Count | None = None
    max: Count | None = None

    @model_validator(mode="after")
    def _ordered(self) -> "Range":
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is above max")
        return self


MetadataMatch = (
    Annotated[str, StringConstraints(max_length=500), AfterValidator(_no_nul)]
    | StrictBool
    | Annotated[StrictInt, Field(ge=-MAX_SAFE_INT, le=MAX_SAFE_INT)]
    | Annotated[StrictFloat, Field(allow_inf_nan=False)]
)
MetadataKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,40}$")]


class Audience(Input):
    """Who a campaign goes to: customers matching every given filter (none: everyone).
    Card filters match a customer's active cards (of ``program_id`` when given)."""

    program_id: Ref | None = Field(None, description="Holds an active card of this program.")
    last_stamp_location_id: Ref | None = Field(
        None, description="The card's latest stamp was given at this location."
    )
    stamps: Range | None = Field(None, description="Stamps this round on the card.")
    lifetime_stamps: Range | None = None
    last_stamp_before: Moment | None = None
    last_stamp_after: Moment | None = None
    birthday_month: int | None = Field(None, ge=1, le=12, strict=True)
    has_unredeemed_voucher: StrictBool | None = Field(
        None, description="Holds (true) or holds no (false) issued, unexpired voucher."
    )
    languages: list[Language] | None = Field(None, min_length=1, max_length=30)
    metadata: dict[MetadataKey, MetadataMatch] | None = Field(
        None, max_length=10, description="Each key equals the value."
    )
    consent: ChannelType | None = Field(
        None, description="Granted marketing consent on this channel."
    )
    reachable_on: ChannelType | None = Field(
        None, description="A marketing message on this channel would go (address and consent)."
    )

    @model_validator(mode="after")
    def _window(self) -> "Audience":
        after, before = self.last_stamp_after, self.last_stamp_before
        if after is not None and before is not None and after >= before:
            raise ValueError("last_stamp_after is not before last_stamp_before")
        return self


class AudienceCount(Output):
    customers: int


# --- campaigns -------------------------------------------------------------------------------

CampaignStatus = Literal["draft", "scheduled", "sending", "paused", "sent", "cancelled"]
DeliveryStatus = Literal["queued", "sending", "sent", "failed", "skipped"]


class QuietHours(Input):
    """No sends from ``start`` to ``end`` in the business's time zone (e.g. 21:00-08:00):
    deliveries wait for ``end``."""

    start: time
    end: time

    @model_validator(mode="after")
    def _not_empty(self) -> "QuietHours":
        if self.start == self.end:
            raise ValueError("start and end are the same time")
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("quiet hours are local times, without a zone")
        return self


LocalMoment = Annotated[
    AnyMoment,
    Field(
        description="When to send: a time with a zone, or a local time in the business's time "
        "zone (2026-05-11T09:00:00). In the past: 422."
    ),
]


class CampaignIn(Input):
    name: CampaignName
    channel: ChannelType
    template_id: Ref
    audience: Audience = Field(default_factory=Audience)
    voucher_template_id: Ref | None = Field(
        None, description="Each recipient gets a voucher of this template; messages show it."
    )
    send_at: LocalMoment | None = Field(None, description="Schedule at once (else a draft).")
    quiet_hours: QuietHours | None = None


class CampaignPatch(Patch):
    clearable = frozenset({"voucher_template_id", "quiet_hours"})

    name: CampaignName | None = None
    template_id: Ref | None = None
    audience: Audience | None = None
    voucher_template_id: Ref | None = None
    quiet_hours: QuietHours | None = None


class ScheduleIn(Input):
    send_at: LocalMoment


class CampaignOut(Output):
    id: str
    name: str
    channel: str
    template_id: str
    audience: dict[str, object]
    voucher_template_id: str | None
    status: CampaignStatus
    paused_reason: str | None
    send_at: datetime | None
    quiet_hours: dict[str, str] | None
    started_at: datetime | None
    finished_at: datetime | None
    created_at: datetime
    updated_at: datetime
    counts: dict[DeliveryStatus, int] | None = Field(
        None, description="Deliveries by status (in the list: omitted)."
    )
    recipients_complete: bool | None = Field(
        None, description="Every recipient of the audience has its delivery row."
    )


class DeliveryOut(Output):
    id: str
    campaign_id: str | None
    customer_id: str
    channel: str
    status: DeliveryStatus
    reason: str | None
    attempts: int
    last_error: str | None
    provider_message_id: str | None
    voucher_id: str | None
    next_attempt_at: datetime
    created_at: datetime
    sent_at: datetime | None
