from datetime import datetime
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    AliasChoices,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from punchcard.kit.clock import utcnow
from punchcard.kit.schemas import Input, Metadata, Moment, Name, Output, Patch, Ref, Text
from punchcard.vouchers import codes

Format = Literal["text", "qr", "barcode"]
Formats = Annotated[list[Format], Field(min_length=1, max_length=3)]
RedeemVia = Literal["staff_scanner", "api", "pos"]
Code = Annotated[
    str, StringConstraints(strip_whitespace=True, to_upper=True, min_length=1, max_length=64)
]
# How a code sent to redeem, validate or list names vouchers (codes.meanings).
SCANNED_CODES = (
    "A code matches case-insensitively, ignoring surrounding spaces. Digits a till read from an "
    "EAN-13 symbol also name the code it was drawn from: a 12-digit code is drawn with its check "
    "digit appended, so the 13 digits scanned (or 12 as UPC-A, when the EAN-13 starts with 0) "
    "name it; a wrong check digit names nothing. A voucher whose own code is exactly what was "
    "sent comes first."
)


def _unique_formats(value: list[str]) -> list[str]:
    if len(set(value)) != len(value):
        raise ValueError("formats must not repeat")
    return value


class FixedCode(Input):
    """The same promo code the POS already accepts (FREECOFFEE) on every voucher."""

    type: Literal["fixed"] = "fixed"
    value: Code


def _charset(value: str) -> str:
    value = value.upper()
    if len(set(value)) != len(value) or codes.PLACEHOLDER in value:
        raise ValueError("charset characters must be distinct and must not include '#'")
    return value


# Printable ASCII without spaces: what tills, barcodes and keyboards all handle.
Charset = Annotated[
    str,
    StringConstraints(min_length=2, max_length=64, pattern=r"^[!-~]+$"),
    AfterValidator(_charset),
]
Affix = Annotated[
    str, StringConstraints(to_upper=True, max_length=32, pattern=r"^[!\"$-~]*$")
]  # like Charset, without '#'


def _space(pattern: str, info: ValidationInfo) -> None:
    charset = info.data.get("charset")
    if charset is not None and (problem := codes.space_problem(pattern, charset)):
        raise ValueError(problem)


class PatternCode(Input):
    """A unique code per voucher: each ``#`` becomes a random character from ``charset``."""

    type: Literal["pattern"] = "pattern"
    charset: Charset = codes.DEFAULT_CHARSET
    pattern: Code = Field(examples=["CAFE-####"])

    @field_validator("pattern")
    @classmethod
    def _check_pattern(cls, value: str, info: ValidationInfo) -> str:
        if codes.PLACEHOLDER not in value:
            raise ValueError("pattern needs at least one '#' placeholder")
        _space(value, info)
        return value

    def code_pattern(self) -> str:
        return self.pattern


class CodeConfig(Input):
    """Random codes: ``prefix`` + ``length`` random characters of ``charset`` + ``postfix``."""

    prefix: Affix = Field("", examples=["CAFE-"])
    charset: Charset = codes.DEFAULT_CHARSET
    length: int = Field(8, ge=1, le=32)
    postfix: Affix = ""

    @field_validator("length")
    @classmethod
    def _check_space(cls, value: int, info: ValidationInfo) -> int:
        _space(codes.PLACEHOLDER * value, info)
        return value

    @model_validator(mode="after")
    def _fits(self) -> Self:
        if len(self.code_pattern()) > codes.MAX_CODE_LENGTH:
            raise ValueError(f"prefix + length + postfix exceeds {codes.MAX_CODE_LENGTH}")
        return self

    def code_pattern(self) -> str:
        return codes.generated_pattern(self.prefix, self.length, self.postfix)


class GeneratedCode(CodeConfig):
    """A unique random code per voucher, never two alike in the business."""

    type: Literal["generated"] = "generated"


class PoolCode(Input):
    """Each voucher takes one code from the template's pool (imported from the POS, or
    generated in bulk); each code is handed out once."""

    type: Literal["pool"] = "pool"
    generate: CodeConfig | None = Field(
        None, description="Default config for bulk generation into this pool."
    )
    low_stock_below: int = Field(
        100, ge=0, le=1_000_000, description="The pool status warns below this many codes."
    )


RedeemCodeSource = Annotated[
    FixedCode | PatternCode | GeneratedCode | PoolCode, Field(discriminator="type")
]


def _config_fields(pattern: str, charset: str) -> dict[str, Any]:
    prefix, length, postfix = codes.split_generated(pattern)
    return {"prefix": prefix, "charset": charset, "length": length, "postfix": postfix}


def source_of(template: Any) -> FixedCode | PatternCode | GeneratedCode | PoolCode:
    """A template's stored code source (built without re-validating what was accepted)."""
    pattern, charset = template.code_pattern, template.code_charset
    if template.code_type == "fixed":
        return FixedCode.model_construct(value=template.fixed_code)
    if template.code_type == "pattern":
        return PatternCode.model_construct(pattern=pattern, charset=charset)
    if template.code_type == "generated":
        return GeneratedCode.model_construct(**_config_fields(pattern, charset))
    return PoolCode.model_construct(
        generate=CodeConfig.model_construct(**_config_fields(pattern, charset))
        if pattern
        else None,
        low_stock_below=template.code_pool_low_stock,
    )


class _Validity(Input):
    validity_days: int | None = Field(None, ge=1, le=3650, description="Days after issue.")
    valid_until: Moment | None = Field(None, description="A fixed expiry for every voucher.")

    @model_validator(mode="after")
    def _one_validity(self) -> "_Validity":
        if self.validity_days is not None and self.valid_until is not None:
            raise ValueError("give validity_days or valid_until, not both")
        return self


class TemplateCreate(_Validity):
    title: Name
    description: Text | None = None
    redeem_code: RedeemCodeSource
    formats: Formats = ["text", "qr"]

    _formats = field_validator("formats")(_unique_formats)


class TemplateUpdate(_Validity, Patch):
    title: Name | None = None
    description: Text | None = None
    redeem_code: RedeemCodeSource | None = None
    formats: Formats | None = None

    clearable = frozenset({"validity_days", "valid_until", "description"})

    _formats = field_validator("formats")(_unique_formats)


class TemplateOut(Output):
    id: str
    title: str
    description: str | None
    redeem_code: FixedCode | PatternCode | GeneratedCode | PoolCode
    formats: list[Format]
    validity_days: int | None
    valid_until: datetime | None
    archived: bool
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, template: Any) -> "TemplateOut":
        return cls(
            id=template.id,
            title=template.title,
            description=template.description,
            redeem_code=source_of(template),
            formats=template.formats,
            validity_days=template.validity_days,
            valid_until=template.valid_until,
            archived=template.archived_at is not None,
            created_at=template.created_at,
            updated_at=template.updated_at,
        )


class CustomVoucher(Input):
    title: Name
    description: Text | None = None
    redeem_code: Code | None = Field(
        None, description="A POS promo code; omitted: a unique code is generated."
    )
    unique_code: bool = Field(
        False, description="Reject the code if another voucher of the business already has it."
    )
    formats: Formats = ["text", "qr"]
    expires_at: Moment | None = Field(
        None, description="In the future (a voucher born expired: 422)."
    )

    _formats = field_validator("formats")(_unique_formats)

    @field_validator("expires_at")
    @classmethod
    def _not_born_expired(cls, value: datetime | None) -> datetime | None:
        if value is not None and value <= utcnow():
            raise ValueError("already past: the voucher would be born expired")
        return value


class VoucherIssue(Input):
    card_id: Ref | None = None
    customer_id: Ref | None = None
    template_id: Ref | None = None
    custom: CustomVoucher | None = None
    location_id: Ref | None = None
    metadata: Metadata = {}

    @model_validator(mode="after")
    def _targets(self) -> "VoucherIssue":
        if (self.card_id is None) == (self.customer_id is None):
            raise ValueError("give exactly one of card_id or customer_id")
        if (self.template_id is None) == (self.custom is None):
            raise ValueError("give exactly one of template_id or custom")
        return self


class RedeemById(Input):
    location_id: Ref | None = None
    via: RedeemVia = "api"


class RedeemByCode(RedeemById):
    code: Code
    card_id: Ref | None = Field(None, description="Needed when the code is a shared POS code.")
    customer_id: Ref | None = None


class VoucherOut(Output):
    id: str
    type: Literal["voucher", "lottery"] = Field(
        description="lottery: a lottery ticket, played once (issued -> played), never redeemed; "
        "a prize it wins is a voucher of its own."
    )
    lottery_id: str | None = Field(None, description="A lottery ticket's lottery.")
    customer_id: str
    card_id: str | None
    template_id: str | None
    goal_index: int | None
    title: str
    description: str | None
    redeem_code: str
    redeem_code_formats: list[Format] = Field(validation_alias=AliasChoices("formats"))
    status: Literal["issued", "redeemed", "expired", "played"]
    issued_at: datetime
    expires_at: datetime | None
    redeemed_at: datetime | None
    redeemed_location_id: str | None
    redeemed_staff_id: str | None
    redeemed_via: str | None
    redeemed_via_detail: str | None = Field(
        None, description="More about redeemed_via: the POS connector's name for 'pos'."
    )
    metadata: dict[str, Any] = Field(validation_alias=AliasChoices("metadata_", "metadata"))

    @model_validator(mode="after")
    def _effective_status(self) -> "VoucherOut":
        # Expiry is a moment, not a job: a voucher past its date reads as expired right away.
        if self.status == "issued" and self.expires_at is not None and self.expires_at <= utcnow():
            self.status = "expired"
        return self
