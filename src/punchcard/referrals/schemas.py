"""The public shape of referral programs, referrers, referrals and refusals.

Inputs are strict (a number is a JSON number, a flag a JSON boolean) and refuse NUL bytes."""

from datetime import datetime
from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    Field,
    StrictInt,
    StrictStr,
    StringConstraints,
    model_validator,
)

from punchcard.kit.schemas import Input, Moment, Output, Patch
from punchcard.lotteries.schemas import Id, NoNul, Title
from punchcard.vouchers import codes
from punchcard.vouchers.schemas import CodeConfig, VoucherOut

# Random referral codes have at least this many possible values: with look-ups limited (see
# README "Security"), guessing one that a customer holds stays hopeless.
MIN_SPACE = 10**9
POOL_CODE_MIN_LENGTH = 8
MAX_POOL_UPLOAD = 10_000
MAX_TIERS = 20
Via = Literal["join_form", "api", "pos"]
Period = Literal["day", "week", "month", "year"]
ConversionKind = Literal["stamp", "redemption", "pos_sale"]
RefusalReason = Literal[
    "unknown_code",
    "program_archived",
    "program_not_started",
    "program_ended",
    "self_referral",
    "known_customer",
    "existing_customer",
    "already_referred",
    "referee_not_found",
]
RewardOutcome = Literal["rewarded", "no_reward", "limit_reached", "reward_failed"]
ReferralCodeText = Annotated[
    StrictStr,
    StringConstraints(strip_whitespace=True, to_upper=True, min_length=1, max_length=64),
    NoNul,
    Field(description="A referrer's code; case and surrounding spaces do not matter."),
]


# --- referral codes ----------------------------------------------------------------------------


class GeneratedCodes(CodeConfig):
    """A code drawn when a customer becomes a referrer: ``prefix`` + ``length`` random
    characters of ``charset`` + ``postfix``, unique among the business's referral codes."""

    type: Literal["generated"] = "generated"
    length: StrictInt = Field(8, ge=1, le=32)

    @model_validator(mode="after")
    def _not_enumerable(self) -> Self:
        space = codes.space_size(self.code_pattern(), self.charset)
        if space < MIN_SPACE:
            raise ValueError(
                f"only {space:,} different codes are possible: referral codes need at least "
                f"{MIN_SPACE:,} so that they cannot be guessed (make them longer)"
            )
        return self


class PoolCodes(Input):
    """Codes uploaded beforehand (POST /v1/referral-programs/{id}/codes), handed to new
    referrers in upload order, each to one referrer."""

    type: Literal["pool"] = "pool"


CodeSource = Annotated[GeneratedCodes | PoolCodes, Field(discriminator="type")]


class PoolUpload(Input):
    codes: Annotated[
        list[
            Annotated[
                StrictStr,
                StringConstraints(
                    strip_whitespace=True,
                    to_upper=True,
                    min_length=POOL_CODE_MIN_LENGTH,
                    max_length=64,
                    pattern=r"^[!-~]+$",
                ),
            ]
        ],
        Field(min_length=1, max_length=MAX_POOL_UPLOAD),
    ] = Field(
        description=f"{POOL_CODE_MIN_LENGTH}-64 printable ASCII characters each, no spaces; "
        "unique in the business."
    )


class PoolOut(Output):
    available: int = Field(description="Codes not yet handed to a referrer.")
    assigned: int


class PoolUploaded(Output):
    batch_id: str
    added: int
    pool: PoolOut


# --- programs ----------------------------------------------------------------------------------


class StampConversion(Input):
    """The referee's card in the program reaches ``stamps`` lifetime stamps (1: the first)."""

    on: Literal["stamp"] = "stamp"
    stamps: StrictInt = Field(1, ge=1, le=10_000)


class RedemptionConversion(Input):
    """The referee redeems a voucher of their card in the program for the first time (their
    welcome voucher included)."""

    on: Literal["redemption"]


class SaleConversion(Input):
    """A POS connector of the program reports a sale of the referee of at least ``min_amount``
    minor units (1000: 10.00)."""

    on: Literal["pos_sale"]
    min_amount: StrictInt = Field(ge=0, le=10**12)


Conversion = Annotated[
    StampConversion | RedemptionConversion | SaleConversion, Field(discriminator="on")
]


class Tier(Input):
    referrals: StrictInt = Field(
        ge=2, le=1_000_000, description="From the referrer's n-th successful referral on ..."
    )
    template_id: Id = Field(description="... this reward instead (a voucher template).")


def _increasing(tiers: list[Tier] | None) -> list[Tier] | None:
    for before, after in zip(tiers or [], (tiers or [])[1:], strict=False):
        if after.referrals <= before.referrals:
            raise ValueError(
                f"tiers must be in increasing order of referrals ({after.referrals} follows "
                f"{before.referrals})"
            )
    return tiers


Tiers = Annotated[list[Tier], Field(max_length=MAX_TIERS), AfterValidator(_increasing)]


class RewardLimit(Input):
    rewards: StrictInt = Field(ge=1, le=1_000_000, description="Rewards a referrer may get ...")
    per: Period = Field(
        description="... per calendar period in the business's time zone (ISO weeks)."
    )


_TEMPLATES = (
    "A voucher template of the business (not archived). Give the referee's, the referrer's, "
    "or both."
)


class _Window(Input):
    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        starts, ends = getattr(self, "starts_at", None), getattr(self, "ends_at", None)
        if starts is not None and ends is not None and ends <= starts:
            raise ValueError("ends_at must be after starts_at")
        return self


class ReferralProgramCreate(_Window):
    name: Title
    program_id: Id = Field(description="The card program referees join (its join page).")
    code: CodeSource = Field(
        default_factory=GeneratedCodes,
        description="Where referral codes come from: generated (default: 8 random characters) "
        "or a pool of uploaded codes.",
    )
    referee_template_id: Id | None = Field(
        None, description=f"What the referee gets on joining. {_TEMPLATES}"
    )
    referrer_template_id: Id | None = Field(
        None, description="What the referrer gets for each successful referral."
    )
    tiers: Tiers = Field(default_factory=list)
    conversion: Conversion = Field(
        default_factory=StampConversion,
        description="What makes a referral successful (default: the referee's first stamp).",
    )
    limit: RewardLimit | None = Field(
        None,
        description="At most this many referrer rewards per period; beyond: recorded, unrewarded.",
    )
    starts_at: Moment | None = Field(None, description="No referee joins before this.")
    ends_at: Moment | None = Field(None, description="No referee joins from this on.")

    @model_validator(mode="after")
    def _rewards_someone(self) -> Self:
        if not (self.referee_template_id or self.referrer_template_id or self.tiers):
            raise ValueError("give a reward: referee_template_id, referrer_template_id or tiers")
        return self


class ReferralProgramUpdate(_Window, Patch):
    """Fields given replace the stored ones (null clears an optional one); referrals already
    made keep what they got."""

    name: Title | None = None
    code: CodeSource | None = None
    referee_template_id: Id | None = None
    referrer_template_id: Id | None = None
    tiers: Tiers | None = None
    conversion: Conversion | None = None
    limit: RewardLimit | None = None
    starts_at: Moment | None = None
    ends_at: Moment | None = None

    clearable = frozenset(
        {"referee_template_id", "referrer_template_id", "limit", "starts_at", "ends_at"}
    )


class ReferralProgramOut(Output):
    id: str
    name: str
    program_id: str
    code: GeneratedCodes | PoolCodes
    pool: PoolOut | None = Field(description="A pool program's codes.")
    referee_template_id: str | None
    referrer_template_id: str | None
    tiers: list[Tier]
    conversion: StampConversion | RedemptionConversion | SaleConversion
    limit: RewardLimit | None
    starts_at: datetime | None
    ends_at: datetime | None
    archived: bool
    created_at: datetime
    updated_at: datetime


# --- referrers, referrals, refusals ------------------------------------------------------------


class ReferrerEnrol(Input):
    customer_id: Id = Field(description="The customer who will share the code.")


class ReferrerOut(Output):
    referral_program_id: str
    customer_id: str
    code: str
    link: str = Field(description="The join page with the code filled in: share it.")
    qr: str = Field(description="The link as a QR code (this API; .png, .svg or .pdf).")
    successful_referrals: int = Field(description="Referees who converted.")
    rewards: int = Field(description="Rewards the referrer got for them.")
    created_at: datetime


class ConversionOut(Output):
    on: ConversionKind
    stamp_id: str | None = None
    lifetime_stamps: int | None = Field(None, description="The referee's stamps then.")
    voucher_id: str | None = Field(None, description="The voucher the referee redeemed.")
    sale_id: str | None = Field(None, description="The POS sale (its log entry).")
    connector_id: str | None = None
    transaction_id: str | None = Field(None, description="The till's receipt.")
    amount: int | None = Field(None, description="The sale, in minor units.")
    currency: str | None = None


class ReferralOut(Output):
    id: str
    referral_program_id: str
    code: str
    referrer_customer_id: str
    referee_customer_id: str
    referee_card_id: str
    via: Via
    status: Literal["pending", "converted"]
    joined_at: datetime
    referee_voucher_id: str | None = Field(description="What the referee got on joining.")
    converted_at: datetime | None
    conversion: ConversionOut | None
    ordinal: int | None = Field(description="The referrer's n-th successful referral.")
    tier: int | None = Field(description="The tier (its `referrals`) whose reward applied.")
    reward: RewardOutcome | None = Field(
        description="rewarded; no_reward (none set for this referral); limit_reached (the "
        "referrer's limit for the period was used up); reward_failed (the template could not "
        "issue, e.g. its code pool was empty)."
    )
    reward_detail: str | None
    referrer_voucher_id: str | None = Field(description="What the referrer got.")


class RefusalOut(Output):
    id: str
    referral_program_id: str | None = Field(description="Null for a code that matched none.")
    code: str
    reason: RefusalReason
    detail: str
    via: Via
    referrer_customer_id: str | None
    referee_customer_id: str | None
    location_id: str | None
    staff_id: str | None
    at: datetime


class ReferralJoinOut(Output):
    """What came of a referral code brought by a new customer."""

    status: Literal["joined", "refused"]
    referral_program_id: str | None
    referral_id: str | None = Field(description="The referral made (joined).")
    voucher: VoucherOut | None = Field(description="The referee's reward, with its code.")
    voucher_error: str | None = Field(
        description="Why the referee's reward could not be issued (an empty code pool)."
    )
    reason: RefusalReason | None = Field(description="Why the code was refused (refused).")
    detail: str | None


class CustomerReferralsOut(Output):
    """A customer's side of referrals: their codes, whom they referred, who referred them."""

    codes: list[ReferrerOut]
    referred: list[ReferralOut] = Field(description="Referees they brought, newest first.")
    referred_by: ReferralOut | None = Field(description="Their own referral, if any.")
