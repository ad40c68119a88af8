"""Applying an import, one batch of rows per transaction: the rows' effects, their results in
the report and the job's counters commit together, so a worker killed at any moment leaves
the job exactly where its last batch ended, and the next worker resumes after it. The
effects are idempotent upserts too: a file imported twice changes nothing the second time.

A worker holds a job by a lease that every batch extends; a batch whose lease was taken over
(the worker stalled past it) changes nothing."""

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.customers import service as customers
from punchcard.db.base import table_of
from punchcard.imports import cards
from punchcard.imports.models import ImportJob, ImportRow
from punchcard.imports.parsing import Parsed, Rows, parse
from punchcard.imports.results import RowResult, problem_error, row_error
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import ProblemError
from punchcard.kit.ids import new_id
from punchcard.kit.sql import rows_table
from punchcard.staff.actor import Actor, Role

log = logging.getLogger("punchcard.imports")
jobs = table_of(ImportJob)
import_rows = table_of(ImportRow)
RESULT_NAMES = ("line", "status", "result", "record_id", "errors")


@dataclass(frozen=True)
class Lease:
    business_id: str
    import_id: str
    kind: str
    rows: int  # the job's rows (staged)
    token: str


def _job(business_id: str, import_id: str) -> Any:
    return and_(jobs.c.business_id == business_id, jobs.c.id == import_id)


def _of_job(table: Any, job: Any) -> Any:
    return and_(table.c.business_id == job.business_id, table.c.import_id == job.id)


async def claim(
    session: AsyncSession, now: datetime, lease_for: timedelta, only: tuple[str, str] | None = None
) -> Lease | None:
    """The oldest open job nobody holds (or ``only`` that one), held from now on."""
    open_jobs = (
        select(jobs.c.business_id, jobs.c.id)
        .where(
            jobs.c.status.in_(("queued", "running")),
            or_(jobs.c.lease_until.is_(None), jobs.c.lease_until < now),
        )
        .order_by(jobs.c.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    if only is not None:
        open_jobs = open_jobs.where(_job(*only))
    token = new_id("lease")
    held = await session.execute(
        update(jobs)
        .where(tuple_(jobs.c.business_id, jobs.c.id).in_(open_jobs))
        .values(
            status="running",
            lease_token=token,
            lease_until=now + lease_for,
            started_at=func.coalesce(jobs.c.started_at, now),
        )
        .returning(jobs.c.business_id, jobs.c.id, jobs.c.kind, jobs.c.total_rows)
    )
    row = held.first()
    return Lease(row.business_id, row.id, row.kind, row.total_rows, token) if row else None


# --- one batch -------------------------------------------------------------------------------


async def _apply(session: AsyncSession, actor: Actor, job: Any, rows: Rows) -> dict[int, RowResult]:
    if job.kind == "cards":
        return await cards.apply(session, actor, job.id, rows)  # type: ignore[arg-type]
    lines = list(rows)
    done = await customers.upsert_rows(session, actor, list(rows.values()), partial=True)  # type: ignore[arg-type]
    await customers.follow_consents(session, done, "import")
    results = {}
    for line, outcome in zip(lines, done, strict=True):
        if not isinstance(outcome, ProblemError):
            results[line] = RowResult.applied(line, outcome.status, outcome.customer.id)
        elif outcome.code == "duplicate_row":  # names a customer an earlier row named
            earlier = lines[outcome.extra["duplicate_of"]]
            message = f"Names the same customer as line {earlier} of the file."
            results[line] = RowResult.failed(line, row_error("duplicate_in_file", message))
        else:
            results[line] = RowResult.failed(line, problem_error(outcome))
    return results


async def _apply_until_error(
    session: AsyncSession, actor: Actor, job: Any, rows: Rows
) -> dict[int, RowResult]:
    """on_error abort: the rows before the first that fails are applied, nothing after it."""
    first_failure: dict[int, RowResult] = {}
    while rows:
        savepoint = await session.begin_nested()
        results = await _apply(session, actor, job, rows)
        failed = [line for line, result in results.items() if result.status == "failed"]
        if not failed:
            await savepoint.commit()
            return results | first_failure
        await savepoint.rollback()
        first = min(failed)
        first_failure = {first: results[first]}
        rows = {line: row for line, row in rows.items() if line < first}
    return first_failure


async def _process(session: AsyncSession, actor: Actor, job: Any, batch: Parsed) -> list[RowResult]:
    """The results of a batch (with on_error abort, every row after the first failure is
    skipped); the rows' effects unless the job is a dry run."""
    results = dict(batch.refused)
    valid = batch.valid
    abort = job.on_error == "abort"
    if abort and results:
        valid = {line: row for line, row in valid.items() if line < min(results)}
    if valid:
        savepoint = await session.begin_nested()
        apply = _apply_until_error if abort else _apply
        results |= await apply(session, actor, job, valid)
        # A dry run: every row's result, none of its effects.
        await (savepoint.rollback() if job.dry_run else savepoint.commit())
    failures = [line for line, result in results.items() if result.status == "failed"]
    if abort and failures:
        first = min(failures)
        results = {line: r for line, r in results.items() if line <= first}
    return [results.get(row.line) or RowResult(row.line, "skipped") for row in batch.staged]


async def _record(session: AsyncSession, job: Any, results: list[RowResult]) -> bool:
    """Write the batch's results and counters; True if the import stops here (aborted)."""
    values = [(r.line, r.status, r.result, r.record_id, r.errors) for r in results]
    given = rows_table(session, import_rows, RESULT_NAMES, values)
    await session.execute(
        update(import_rows)
        .where(_of_job(import_rows, job), import_rows.c.line == given.c.line)
        .values({name: given.c[name] for name in RESULT_NAMES[1:]})
    )
    counts = dict.fromkeys(("created", "updated", "unchanged", "failed", "skipped"), 0)
    for result in results:
        counts[result.result or result.status] += 1
    stop = job.on_error == "abort" and counts["failed"] > 0
    if stop:  # every later row is skipped too
        later = and_(_of_job(import_rows, job), import_rows.c.line > results[-1].line)
        skipped = await session.execute(update(import_rows).where(later).values(status="skipped"))
        counts["skipped"] += int(getattr(skipped, "rowcount", 0) or 0)
    changes: dict[str, Any] = {
        f"{name}_rows": jobs.c[f"{name}_rows"] + count for name, count in counts.items()
    }
    changes["processed_rows"] = jobs.c.processed_rows + sum(counts.values())
    changes |= {"cursor_line": results[-1].line, "attempts": 0}
    await session.execute(update(jobs).where(_job(job.business_id, job.id)).values(changes))
    return stop


@dataclass(frozen=True)
class Step:
    """What one step did: applied the lines up to ``last_line``, or ended the job with status
    ``ended`` (both None: the job is no longer ours). The caller logs it once committed.
    ``ahead``: the next batch, being parsed meanwhile; the caller hands it to the next step
    (or cancels it)."""

    last_line: int | None = None
    ended: str | None = None
    ahead: "asyncio.Task[Parsed] | None" = None


async def _finish(session: AsyncSession, job: Any, status: str) -> Step:
    await session.execute(
        update(jobs)
        .where(_job(job.business_id, job.id))
        .values(status=status, finished_at=utcnow(), lease_token=None, lease_until=None)
    )
    return Step(ended=status)


async def _staged(session: AsyncSession, job: Any, after: int, batch: int) -> Sequence[Any]:
    """The staged rows after line ``after``: what the upload wrote, which no step changes
    before it applies them."""
    return (
        await session.execute(
            select(import_rows.c.line, import_rows.c.data, import_rows.c.errors)
            .where(_of_job(import_rows, job), import_rows.c.line > after)
            .order_by(import_rows.c.line)
            .limit(batch)
        )
    ).all()


async def step(
    session: AsyncSession,
    lease: Lease,
    lease_for: timedelta,
    batch: int,
    ahead: "asyncio.Task[Parsed] | None" = None,
) -> Step:
    """Apply the next batch of the held job: ``ahead`` if the last step parsed it (and the job
    is still where that step left it), else the rows read now. The batch after it is parsed
    while this one's statements run: matching and planning stay in this transaction."""
    held = await session.execute(
        update(jobs)
        .where(
            _job(lease.business_id, lease.import_id),
            jobs.c.lease_token == lease.token,
            jobs.c.status == "running",
        )
        .values(lease_until=utcnow() + lease_for)
        .returning(*jobs.c)
    )
    job = held.first()
    parsed = await ahead if ahead is not None else None
    if job is None:
        return Step()
    program_id = job.options.get("program_id")
    if parsed is None or parsed.after != job.cursor_line:
        staged = await _staged(session, job, job.cursor_line, batch)
        parsed = await parse(job.kind, program_id, job.cursor_line, staged)
    if not parsed.staged:
        return await _finish(session, job, "checked" if job.dry_run else "completed")
    last_line = int(parsed.staged[-1].line)
    following = await _staged(session, job, last_line, batch)
    parsing = asyncio.create_task(parse(job.kind, program_id, last_line, following))
    try:
        actor = Actor(business_id=job.business_id, role=Role.OWNER, staff_id=job.staff_id)
        if await _record(session, job, await _process(session, actor, job, parsed)):
            parsing.cancel()
            return await _finish(session, job, "aborted")
    except BaseException:
        parsing.cancel()
        raise
    return Step(last_line=last_line, ahead=parsing)


async def fail(session: AsyncSession, lease: Lease, error: str, *, give_up_after: int) -> Step:
    """A batch failed unexpectedly (a bug or an outage, not a bad row): let the lease go so
    the batch is tried again, and after ``give_up_after`` failures in a row mark the job
    failed with the error."""
    mine = and_(_job(lease.business_id, lease.import_id), jobs.c.lease_token == lease.token)
    held = await session.execute(
        update(jobs)
        .where(mine)
        .values(attempts=jobs.c.attempts + 1, lease_token=None, lease_until=None, error=error)
        .returning(*jobs.c)
    )
    job = held.first()
    if job is not None and job.attempts >= give_up_after:
        return await _finish(session, job, "failed")
    return Step()
