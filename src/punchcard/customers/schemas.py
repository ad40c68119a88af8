from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AliasChoices, Field, StringConstraints, model_validator

from punchcard.config import get_settings
from punchcard.kit.emails import normalized_email
from punchcard.kit.schemas import Input, Metadata, Name, Output


def _phone(value: str) -> str:
    """Normalise to E.164 (+4915112345678); local numbers need PUNCHCARD_DEFAULT_PHONE_REGION."""
    import phonenumbers  # here: only a customer's phone number needs it (1 MB per process)

    # Keep the metadata's compiled patterns: a number's check compiles dozens, more than the
    # re module's own cache holds, so an import would compile them afresh for every row.
    phonenumbers.enable_pattern_cache()  # once; later calls find it on
    region = get_settings().default_phone_region
    try:
        number = phonenumbers.parse(value, None if value.strip().startswith("+") else region)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(
            "not a phone number; use international format such as +4915112345678"
        ) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValueError("not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _birthday(value: date) -> date:
    if not date(1900, 1, 1) <= value <= date.today():
        raise ValueError("birthday must be between 1900-01-01 and today")
    return value


Email = Annotated[str, StringConstraints(max_length=320), AfterValidator(normalized_email)]
Birthday = Annotated[date, AfterValidator(_birthday)]
Phone = Annotated[str, StringConstraints(max_length=32), AfterValidator(_phone)]
SourceId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Language = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", max_length=16)
]
IDENTITY = ("source_id", "email", "phone")


class CustomerUpsert(Input):
    """Matched by source_id (your CRM's id), else email, else phone; created when none match."""

    source_id: SourceId | None = None
    email: Email | None = None
    phone: Phone | None = None
    name: Name | None = None
    birthday: Birthday | None = None
    language: Language | None = None
    marketing_consent: bool | None = Field(
        None, description="The customer agreed (true) or declined (false) to receive marketing."
    )
    metadata: Metadata | None = Field(None, description="Merged key by key; a null value deletes.")

    @model_validator(mode="after")
    def _identified(self) -> "CustomerUpsert":
        if all(getattr(self, key) is None for key in IDENTITY):
            raise ValueError("give at least one of source_id, email or phone")
        return self


class CustomerOut(Output):
    id: str
    source_id: str | None
    email: str | None
    phone: str | None
    name: str | None
    birthday: date | None
    language: str | None
    marketing_consent: bool
    marketing_consent_at: datetime | None = Field(description="When the consent last changed.")
    metadata: dict[str, Any] = Field(validation_alias=AliasChoices("metadata_", "metadata"))
    created_at: datetime
    updated_at: datetime


MAX_BULK = 1000


class CustomerBulkUpsert(Input):
    customers: list[CustomerUpsert] = Field(
        min_length=1,
        max_length=MAX_BULK,
        description=f"1 to {MAX_BULK} upserts, matched as by POST /v1/customers.",
    )


class BulkRowResult(Output):
    index: int = Field(description="The row's position in `customers`.")
    status: Literal["created", "updated", "unchanged"]
    id: str


class CustomerBulkResult(Output):
    created: int
    updated: int
    unchanged: int
    results: list[BulkRowResult]
