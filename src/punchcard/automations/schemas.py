"""The public shapes of automations, their runs (the log) and dry runs.

Strict types throughout: a number given as a string, a boolean as 0, an id with a NUL byte
are 422s naming the field. Each kind takes only its own settings (``days_before`` on an
inactivity rule is a 422 naming it); omitted or null settings take the kind's default."""

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from punchcard.automations.schedule import DAILY
from punchcard.campaigns.schemas import Audience, CampaignName
from punchcard.channels.adapter import ChannelType
from punchcard.kit.errors import Unprocessable
from punchcard.kit.schemas import Input, Output, Patch

Kind = Literal["birthday", "inactivity", "reward_reminder", "welcome"]
Reminder = Literal["unredeemed", "expiring"]
RunStatus = Literal["done", "skipped"]
# Ids as we make them (prefix_body): anything else (a NUL byte, spaces) is a 422 naming it.
ID_PATTERN = r"^[a-z]+_[0-9a-z]+$"
Id = Annotated[StrictStr, StringConstraints(max_length=64, pattern=ID_PATTERN)]
Days = Annotated[StrictInt, Field(ge=1, le=3650)]
DaysBefore = Annotated[StrictInt, Field(ge=0, le=60)]
Hour = Annotated[StrictInt, Field(ge=0, le=23)]

# Which settings each kind takes, which it needs, and the defaults of the others.
APPLIES: dict[str, tuple[str, ...]] = {
    "days": ("inactivity", "reward_reminder"),
    "days_before": ("birthday",),
    "hour": DAILY,
    "reminder": ("reward_reminder",),
}
REQUIRED = {("inactivity", "days"), ("reward_reminder", "days"), ("reward_reminder", "reminder")}
DEFAULTS: dict[tuple[str, str], object] = {
    ("birthday", "days_before"): 0,
    ("birthday", "hour"): 9,
    ("inactivity", "hour"): 10,
    ("reward_reminder", "hour"): 10,
}
SETTINGS = tuple(APPLIES)


class VoucherAction(Input):
    """A voucher of this template for each customer matched (its code in the message)."""

    template_id: Id
    valid_days: Days | None = Field(
        None, description="Valid for this many days from issue; omitted: the template's validity."
    )


class MessageAction(Input):
    """A message of this template, sent by the campaign sender. Marketing (the default) needs
    the customer's consent on the channel and carries an unsubscribe link; transactional
    follows the channel's `transactional` setting."""

    channel: ChannelType
    template_id: Id = Field(description="A message template of the same channel.")
    transactional: StrictBool = False


class AutomationFields(Input):
    """Settings by kind: birthday `days_before` (0-60, default 0) and `hour` (default 9);
    inactivity `days` (required) and `hour` (default 10); reward_reminder `reminder`
    (`unredeemed`: not redeemed `days` after issue; `expiring`: expiring within `days`) and
    `hour` (default 10); welcome none. `hour` is the local hour (0-23, the business's time
    zone) of the daily scan."""

    kind: Kind
    days: Days | None = Field(None, validate_default=True)
    days_before: DaysBefore | None = Field(None, validate_default=True)
    hour: Hour | None = Field(None, validate_default=True)
    reminder: Reminder | None = Field(None, validate_default=True)
    program_id: Id | None = Field(None, description="Only cards of this program.")
    audience: Audience | None = Field(
        None, description="Only customers matching these filters (the campaigns' audience)."
    )
    voucher: VoucherAction | None = None
    message: MessageAction | None = None

    @field_validator(*SETTINGS)
    @classmethod
    def _for_kind(cls, value: Any, info: ValidationInfo) -> Any:
        kind, name = info.data.get("kind"), info.field_name
        assert name is not None
        if kind is None:  # the kind itself is invalid: that is the error to show
            return value
        if kind not in APPLIES[name]:
            if value is not None:
                raise ValueError(f"{name} does not apply to {kind} automations")
            return None
        if value is None:
            if (kind, name) in REQUIRED:
                raise ValueError(f"{kind} automations need {name}")
            return DEFAULTS.get((kind, name))
        return value

    @field_validator("voucher")
    @classmethod
    def _gift(cls, value: VoucherAction | None, info: ValidationInfo) -> VoucherAction | None:
        if value is not None and info.data.get("kind") == "reward_reminder":
            raise ValueError("reward reminders issue no voucher (they remind of one)")
        return value


class AutomationIn(AutomationFields):
    name: CampaignName
    enabled: StrictBool = True


class AutomationPatch(Patch):
    """Any of the fields of a new automation but ``kind``; null clears program_id, audience,
    voucher and message, and resets a setting to its default."""

    name: CampaignName | None = None
    days: Days | None = None
    days_before: DaysBefore | None = None
    hour: Hour | None = None
    reminder: Reminder | None = None
    program_id: Id | None = None
    audience: Audience | None = None
    voucher: VoucherAction | None = None
    message: MessageAction | None = None

    clearable = frozenset(
        {"days", "days_before", "hour", "reminder", "program_id", "audience", "voucher", "message"}
    )


def checked(data: dict[str, Any]) -> AutomationIn:
    """An automation's fields after a change, validated as a whole (a 422 naming each field)."""
    try:
        return AutomationIn.model_validate(data)
    except ValidationError as exc:
        fields = [
            {
                "field": ".".join(["body", *(str(part) for part in error["loc"])]),
                "message": str(error["msg"]).removeprefix("Value error, "),
                "type": error["type"],
            }
            for error in exc.errors()
        ]
        first = fields[0]
        raise Unprocessable(
            "validation_error",
            f"Invalid {first['field']}: {first['message']}.",
            errors=fields,
        ) from None


class VoucherActionOut(Output):
    template_id: str
    valid_days: int | None


class MessageActionOut(Output):
    channel: str
    template_id: str
    transactional: bool


class AutomationOut(Output):
    id: str
    name: str
    kind: Kind
    enabled: bool
    days: int | None
    days_before: int | None
    hour: int | None
    reminder: Reminder | None
    program_id: str | None
    audience: dict[str, object]
    voucher: VoucherActionOut | None
    message: MessageActionOut | None
    started_at: datetime = Field(
        description="Made or last switched on: it acts on what happens from then on."
    )
    scanned_until: datetime = Field(description="Every scan up to this time is done.")
    next_scan_at: datetime | None = Field(description="When the next scan is due (null: off).")
    created_at: datetime
    updated_at: datetime


class RunMessage(Output):
    delivery_id: str
    channel: str
    status: Literal["queued", "sending", "sent", "failed", "skipped"]
    reason: str | None = Field(description="Why it was skipped or failed (no_consent, ...).")
    sent_at: datetime | None


class RunOut(Output):
    id: str
    customer_id: str
    card_id: str | None
    period: str = Field(
        description="What 'once' counts in: the birthday's year, the last activity's time "
        "(inactivity), the reminded voucher, the welcomed program."
    )
    status: RunStatus
    reason: str | None = Field(
        description="skipped: voucher_pool_empty, voucher_template_archived, ..."
    )
    voucher_id: str | None = Field(description="The voucher issued.")
    reminded_voucher_id: str | None
    event_id: str | None
    message: RunMessage | None
    created_at: datetime


class Match(Output):
    customer_id: str
    card_id: str | None
    reminded_voucher_id: str | None
    period: str


class DryRunOut(Output):
    period: str = Field(description="The scan: a local date, or a start time (welcome).")
    scan_at: datetime = Field(description="When it runs (or ran: due now).")
    customers: int = Field(description="How many it would act on, as things are now.")
    sample: list[Match]
