from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AnyHttpUrl, Field, field_validator

from punchcard.events.catalogue import EventType
from punchcard.kit.schemas import Input, Moment, Output, Patch, Text, url_fits

Url = Annotated[AnyHttpUrl, Field(max_length=2048), url_fits(2048)]


def _distinct(value: list[str] | None) -> list[str] | None:
    return sorted(set(value)) if value is not None else None


class EndpointCreate(Input):
    url: Url
    description: Text | None = None
    event_types: list[EventType] = Field(
        default_factory=list, description="Event types to receive; empty: all of them."
    )
    enabled: bool = True
    rate_limit_per_second: int | None = Field(None, ge=1, le=10_000)
    max_concurrency: int | None = Field(None, ge=1, le=1_000)
    ordered: bool = Field(False, description="Deliver each card's events strictly in order.")

    _types = field_validator("event_types")(_distinct)


class EndpointUpdate(Patch):
    url: Url | None = None
    description: Text | None = None
    event_types: list[EventType] | None = None
    enabled: bool | None = None
    rate_limit_per_second: int | None = Field(None, ge=1, le=10_000)
    max_concurrency: int | None = Field(None, ge=1, le=1_000)
    ordered: bool | None = None

    clearable = frozenset({"description", "rate_limit_per_second", "max_concurrency"})

    _types = field_validator("event_types")(_distinct)


class EndpointOut(Output):
    id: str
    url: str
    description: str | None
    event_types: list[str]
    enabled: bool
    disabled_reason: str | None
    rate_limit_per_second: int | None
    max_concurrency: int | None
    ordered: bool
    failing_since: datetime | None
    created_at: datetime
    updated_at: datetime


class EndpointSecretOut(EndpointOut):
    secret: str = Field(description="The signing secret (whsec_...). Store it now.")


class SecretOut(Output):
    secret: str
    previous_secret_expires_at: datetime | None = Field(
        description="Until then deliveries are also signed with the previous secret."
    )


class TestEventIn(Input):
    event_type: EventType = "voucher_redeemed"


class MessageOut(Output):
    id: str
    endpoint_id: str
    event_id: str
    event_type: str
    status: Literal["pending", "succeeded", "failed"]
    attempts: int
    next_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None


class AttemptOut(Output):
    id: str
    attempt: int
    at: datetime
    status_code: int | None
    latency_ms: float
    response_body: str | None
    error: str | None
    next_attempt_at: datetime | None
    request_id: str | None = Field(
        description="The request id of the event delivered (its payload's request_id): the "
        "access log line of the API request that caused it. The worker's log line of this "
        "attempt names the attempt's id."
    )


class RecoverIn(Input):
    since: Moment = Field(description="Re-deliver every failed message created since.")


class RecoverOut(Output):
    recovered: int


class RetryNowOut(Output):
    retried: int  # pending messages made due now


class HookSubscribe(Input):
    """A REST hook subscription, as Zapier and Make create them."""

    target_url: Url
    event: EventType


class HookOut(Output):
    id: str
    target_url: str
    event: str
    created_at: datetime


class EventTypeOut(Output):
    type: str
    description: str
    schema_: dict[str, Any] = Field(alias="schema", serialization_alias="schema")
    sample: dict[str, Any]
