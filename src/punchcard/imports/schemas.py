from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from punchcard.customers.schemas import IDENTITY, Email, Phone, SourceId
from punchcard.kit.schemas import Input, Output, Ref

Kind = Literal["customers", "cards"]
OnError = Literal["skip", "abort"]
Header = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Target = Annotated[str, StringConstraints(max_length=60)]
MAX_STAMPS = 100_000


class ImportOptions(Input):
    """How to read and apply an upload: query parameters, or form fields beside the file."""

    kind: Kind = Field("customers", description="What the rows are: customers, or card balances.")
    dry_run: bool = Field(
        False, description="Check every row (against the database too) and write nothing."
    )
    on_error: OnError = Field(
        "skip",
        description="skip: a bad row is reported and the others go in. abort: the import stops "
        "at the first bad row (rows before it are in; the rest are reported as skipped).",
    )
    mapping: dict[Header, Target | None] = Field(
        default_factory=dict,
        max_length=200,
        description="Column header -> field (null: ignore the column). Unmapped columns are "
        "matched by name: email, phone, source_id, name, birthday, language, "
        "marketing_consent, metadata (a JSON object) or metadata.<key>; cards: program_id, "
        "stamps.",
    )
    program_id: Ref | None = Field(
        None, description="Cards: the program of every row without a program_id column."
    )
    filename: (
        Annotated[str, StringConstraints(max_length=255, pattern=r"^[^\x00-\x1f]*$")] | None
    ) = None


class CardBalance(Input):
    """One row of a card import: whose card, in which program, with how many stamps."""

    program_id: Ref
    source_id: SourceId | None = None
    email: Email | None = None
    phone: Phone | None = None
    stamps: int = Field(ge=0, le=MAX_STAMPS, description="The card's stamps this round.")

    @model_validator(mode="after")
    def _identified(self) -> "CardBalance":
        if all(getattr(self, key) is None for key in IDENTITY):
            raise ValueError("give at least one of source_id, email or phone")
        return self


class RowError(Output):
    field: str | None = Field(description="The field (column) at fault, if one is.")
    code: str
    message: str


class ImportRowOut(Output):
    line: int = Field(description="The row's line in the file (the header is line 1).")
    status: Literal["pending", "applied", "failed", "skipped"]
    result: Literal["created", "updated", "unchanged"] | None = Field(
        description="What the row did (a dry run: what it would do)."
    )
    id: str | None = Field(description="The customer (or card) the row names.")
    errors: list[RowError]


class ImportOut(Output):
    id: str
    kind: Kind
    status: Literal["queued", "running", "checked", "completed", "aborted", "failed"] = Field(
        description="queued -> running -> completed; a dry run ends as checked (POST .../run "
        "to apply it); on_error abort ends as aborted at the first bad row; failed: the job "
        "itself failed (see error)."
    )
    dry_run: bool
    on_error: OnError
    filename: str | None
    separator: str
    columns: dict[str, str] = Field(description="Column header -> the field it feeds.")
    ignored_columns: list[str]
    program_id: str | None
    total: int = Field(description="Data rows in the file.")
    processed: int
    created: int
    updated: int
    unchanged: int
    failed: int
    skipped: int
    errors: list[ImportRowOut] = Field(
        description="The first failed rows (all of them: GET .../rows?status=failed)."
    )
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


def job_out(job: Any, failed_rows: list[Any]) -> ImportOut:
    options = job.options
    return ImportOut(
        id=job.id,
        kind=job.kind,
        status=job.status,
        dry_run=job.dry_run,
        on_error=job.on_error,
        filename=job.filename,
        separator=options["separator"],
        columns=options["columns"],
        ignored_columns=options["ignored_columns"],
        program_id=options.get("program_id"),
        total=job.total_rows,
        processed=job.processed_rows,
        created=job.created_rows,
        updated=job.updated_rows,
        unchanged=job.unchanged_rows,
        failed=job.failed_rows,
        skipped=job.skipped_rows,
        errors=[row_out(row) for row in failed_rows],
        error=job.error,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
    )


def row_out(row: Any) -> ImportRowOut:
    return ImportRowOut(
        line=row.line, status=row.status, result=row.result, id=row.record_id, errors=row.errors
    )
