"""CSV imports: upload (staged into the database), read progress and the per-row report, and
apply a checked dry run. The rows themselves are applied by the worker (imports.batches)."""

from typing import IO, Any

from sqlalchemy import literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.db.base import table_of
from punchcard.imports import columns as columns_of
from punchcard.imports.models import ImportJob, ImportRow
from punchcard.imports.reading import CsvFile
from punchcard.imports.schemas import ImportOptions
from punchcard.imports.staging import stage
from punchcard.kit.clock import utcnow
from punchcard.kit.db import get_owned
from punchcard.kit.errors import Conflict, Unprocessable
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams, newest_first, to_page
from punchcard.programs import service as programs
from punchcard.staff.actor import Actor, Permission

jobs = table_of(ImportJob)
import_rows = table_of(ImportRow)
REPORTED_ERRORS = 20  # failed rows shown with the job; the rest through .../rows
COUNTERS = ("processed", "created", "updated", "unchanged", "failed", "skipped")


def counters_reset() -> dict[str, int]:
    return {f"{name}_rows": 0 for name in COUNTERS} | {"cursor_line": 0, "attempts": 0}


async def create_import(
    session: AsyncSession, actor: Actor, *, options: ImportOptions, upload: IO[bytes]
) -> ImportJob:
    """Read and stage the file, then queue the job. A file that cannot be read (encoding,
    structure, columns) is refused whole, before anything is staged."""
    actor.require(Permission.DATA_IMPORT)
    if options.kind == "cards" and options.program_id is not None:
        await programs.get_program(session, actor, options.program_id)
    csv = CsvFile(upload)
    program_given = options.program_id is not None
    columns = columns_of.resolve(
        options.kind, csv.header, options.mapping, program_given=program_given
    )
    now = utcnow()
    job = ImportJob(
        business_id=actor.business_id,
        id=new_id("imp"),
        kind=options.kind,
        status="queued",
        dry_run=options.dry_run,
        on_error=options.on_error,
        filename=options.filename,
        options={
            "separator": csv.separator,
            "columns": columns.mapped(csv.header),
            "ignored_columns": columns.ignored,
            "program_id": options.program_id,
        },
        staff_id=actor.staff_id,
        total_rows=0,
        created_at=now,
        **counters_reset(),
    )
    session.add(job)
    await session.flush()
    width = len(csv.header)
    records = csv.records()
    job.total_rows = await stage(
        session, actor.business_id, job.id, columns, width, records, options.program_id
    )
    if job.total_rows == 0:
        raise Unprocessable("csv_no_rows", "The file has a header but no rows.")
    return job


async def get_import(session: AsyncSession, actor: Actor, import_id: str) -> ImportJob:
    actor.require(Permission.DATA_IMPORT)
    return await get_owned(session, ImportJob, actor.business_id, import_id, "import")


async def first_failures(session: AsyncSession, job: ImportJob) -> list[Any]:
    return await _rows(session, job, "failed", after=0, limit=REPORTED_ERRORS)


async def _rows(
    session: AsyncSession, job: ImportJob, status: str | None, *, after: int, limit: int
) -> list[Any]:
    query = (
        select(import_rows)
        .where(
            import_rows.c.business_id == job.business_id,
            import_rows.c.import_id == job.id,
            import_rows.c.line > after,
        )
        .order_by(import_rows.c.line)
        .limit(limit)
    )
    if status is not None:
        # Written into the statement, not bound: a plan for 'failed' then always uses the
        # partial index of the failed rows (a generic plan for any status could not).
        query = query.where(import_rows.c.status == literal(status, literal_execute=True))
    return list((await session.execute(query)).all())


async def list_rows(
    session: AsyncSession,
    actor: Actor,
    import_id: str,
    params: PageParams,
    *,
    status: str | None,
) -> tuple[list[Any], str | None]:
    """The report, in line order: what each row did (or why not)."""
    job = await get_import(session, actor, import_id)
    after = int(params.cursor) if params.cursor and params.cursor.isdigit() else 0
    rows = await _rows(session, job, status, after=after, limit=params.limit + 1)
    return to_page(rows, params, lambda row: str(row.line))


async def list_imports(
    session: AsyncSession, actor: Actor, params: PageParams
) -> tuple[list[ImportJob], str | None]:
    actor.require(Permission.DATA_IMPORT)
    query = select(ImportJob).where(ImportJob.business_id == actor.business_id)
    found = list((await session.scalars(newest_first(query, ImportJob.id, params))).all())
    return to_page(found, params, lambda job: job.id)


async def run_checked(session: AsyncSession, actor: Actor, import_id: str) -> ImportJob:
    """Apply a checked dry run for real: the same staged file, from its first row."""
    job = await get_import(session, actor, import_id)
    mine = (jobs.c.business_id == job.business_id) & (jobs.c.id == job.id)
    queued = await session.execute(
        update(jobs)
        .where(mine, jobs.c.status == "checked")
        .values(status="queued", dry_run=False, finished_at=None, error=None, **counters_reset())
        .returning(jobs.c.id)
    )
    if queued.first() is None:
        raise Conflict(
            "import_not_checked",
            f"Import '{import_id}' is {job.status}: only a checked dry run can be run.",
        )
    of_job = (import_rows.c.business_id == job.business_id) & (import_rows.c.import_id == job.id)
    await session.execute(
        update(import_rows).where(of_job).values(status="pending", result=None, record_id=None)
    )
    await session.refresh(job)
    return job
