from datetime import datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AliasChoices,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from punchcard.kit.schemas import Input, Name, Output, Patch, Ref, Text
from punchcard.lotteries.draw import Entry, chances
from punchcard.vouchers.schemas import RedeemVia, VoucherOut

# Public ids as we make them (prefix_ulid): a path or query id of other characters (a NUL byte,
# which PostgreSQL refuses in text) is a 422 naming it, never a database error.
ID_PATTERN = r"^[a-z]+_[0-9a-z]+$"


def _no_nul(value: str) -> str:
    # PostgreSQL text cannot hold NUL: refuse it as bad input rather than fail to store it.
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


NoNul = AfterValidator(_no_nul)
Title = Annotated[Name, NoNul]
Description = Annotated[Text, NoNul]
Id = Annotated[Ref, NoNul]
VariantKey = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$"),
    Field(description="Names the variant in results and events, e.g. free_coffee or no_prize."),
]
PlayedVia = Literal["web_card", "api", "staff_scanner", "pos"]
MAX_WEIGHT = 1_000_000
MAX_STOCK = 100_000_000


class VariantIn(Input):
    key: VariantKey
    title: Title | None = Field(
        None, description="Shown to the customer; defaults to the template's title, or No prize."
    )
    template_id: Id | None = Field(
        None, description="The voucher template a win issues; omitted: this variant is no prize."
    )
    weight: int = Field(
        ge=1,
        le=MAX_WEIGHT,
        description="Chance = weight / sum of the weights of the variants in the draw "
        "(weights 10, 30, 60 are 10 %, 30 %, 60 %).",
    )
    stock: int | None = Field(
        None,
        ge=0,
        le=MAX_STOCK,
        description="Prizes left (omitted: unlimited). A prize at 0 drops out of the draw.",
    )

    @field_validator("stock")
    @classmethod
    def _prizes_only(cls, value: int | None, info: ValidationInfo) -> int | None:
        if value is not None and info.data.get("template_id") is None:
            raise ValueError("only a prize (a variant with template_id) has stock")
        return value


def _valid_variants(variants: list[VariantIn] | None) -> list[VariantIn] | None:
    if variants is None:
        return None
    keys = [variant.key for variant in variants]
    if twice := sorted({key for key in keys if keys.count(key) > 1}):
        raise ValueError(f"variant keys must be unique ({', '.join(twice)} repeated)")
    if all(variant.template_id is None for variant in variants):
        raise ValueError("a lottery needs at least one prize (a variant with template_id)")
    return variants


Variants = Annotated[list[VariantIn], Field(min_length=1, max_length=50)]


class LotteryCreate(Input):
    title: Title = Field(description="What the ticket is called on the card, e.g. Spin the wheel.")
    description: Description | None = None
    variants: Variants

    _variants = field_validator("variants")(_valid_variants)


class LotteryUpdate(Patch):
    clearable = frozenset({"description"})

    title: Title | None = None
    description: Description | None = None
    variants: Variants | None = Field(
        None,
        description="The whole list. Variants keep their key: a key given again is updated in "
        "place (its stock set to the value given), a key left out is removed.",
    )

    _variants = field_validator("variants")(_valid_variants)


class VariantOut(Output):
    key: str
    title: str
    template_id: str | None
    weight: int
    stock: int | None = Field(description="Prizes left; null: unlimited.")
    chance: float = Field(
        description="The chance of this variant now: its weight over the weights of the "
        "variants still in the draw (0 once its stock is used up)."
    )


class LotteryOut(Output):
    id: str
    title: str
    description: str | None
    variants: list[VariantOut]
    sold_out: bool = Field(
        description="Nothing is left in the draw (every prize used up, no no-prize variant): "
        "plays are refused with 409 lottery_sold_out and tickets stay valid until restocked."
    )
    archived: bool
    created_at: datetime
    updated_at: datetime


class PlayIn(Input):
    location_id: Id | None = None
    via: RedeemVia = "api"


class DrawnVariant(Output):
    key: str
    title: str
    template_id: str | None
    weight: int
    stock: int | None = Field(description="Stock as this play read it; null: unlimited.")
    in_draw: bool = Field(description="False for a prize whose stock was used up.")


class DrawOut(Output):
    """A play, recorded so it can be audited: take the variants in order, keep those in the
    draw, and the first whose running sum of weights exceeds ``random_number`` is the result."""

    id: str
    lottery_id: str
    ticket_id: str = Field(description="The lottery ticket (a voucher of type lottery) played.")
    card_id: str | None
    customer_id: str
    variant: str = Field(
        validation_alias=AliasChoices("variant_key", "variant"),
        description="The key of the variant drawn.",
    )
    variant_title: str
    won: bool
    voucher_id: str | None = Field(description="The prize voucher, if won.")
    random_number: int = Field(
        description="Uniform in [0, total_weight), from the operating system's cryptographic "
        "random source."
    )
    total_weight: int = Field(description="The sum of the weights of the variants in the draw.")
    variants: list[DrawnVariant] = Field(description="The variants as they stood at the draw.")
    stock_left: int | None = Field(description="The drawn prize's stock after this play.")
    redraws: int = Field(
        description="Draws repeated because the prize drawn ran out under a concurrent play "
        "(the recorded draw is the last)."
    )
    via: PlayedVia
    location_id: str | None
    staff_id: str | None
    drawn_at: datetime


class PlayOut(DrawOut):
    voucher: VoucherOut | None = Field(description="The prize voucher with its redeem code.")


def variants_out(entries: list[Entry]) -> list[VariantOut]:
    return [
        VariantOut(
            key=entry.key,
            title=entry.title,
            template_id=entry.template_id,
            weight=entry.weight,
            stock=entry.stock,
            chance=chance,
        )
        for entry, chance in zip(entries, chances(entries), strict=True)
    ]
