from typing import Annotated, Literal

from pydantic import BaseModel, Field

from punchcard.kit.schemas import Input, Output
from punchcard.vouchers.schemas import GeneratedCode, PatternCode

MAX_IMPORT = 200_000
MAX_GENERATE = 1_000_000
SAMPLE = 10


class CodeImport(Input):
    codes: list[Annotated[str, Field(max_length=200)]] = Field(
        min_length=1, max_length=MAX_IMPORT, examples=[["GIFT-1001", "GIFT-1002"]]
    )


class CodeGenerate(Input):
    count: int = Field(ge=1, le=MAX_GENERATE, examples=[100_000])
    config: Annotated[GeneratedCode | PatternCode, Field(discriminator="type")] | None = Field(
        None,
        description="How the codes look; omitted: the pool's `generate` config, else the "
        "default `####-####`.",
    )


class PoolStatus(Output):
    template_id: str
    available: int
    assigned: int
    total: int
    low_stock_below: int
    low_stock: bool = Field(description="Fewer codes available than `low_stock_below`.")


class Duplicates(BaseModel):
    count: int
    sample: list[str] = Field(description=f"The first {SAMPLE}, in upload order.")


class ImportResult(Output):
    batch_id: str
    imported: int
    within_upload: Duplicates = Field(description="Codes repeated in the upload (kept once).")
    already_in_business: Duplicates = Field(
        description="Codes the business already has in a pool or on a voucher (skipped)."
    )
    pool: PoolStatus


class GenerateResult(Output):
    batch_id: str
    generated: int
    pattern: str
    charset: str
    download: str = Field(description="Where to download this batch as CSV.")
    pool: PoolStatus


class Removed(Output):
    removed: int


CodeStatus = Literal["available", "assigned"]
