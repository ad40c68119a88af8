"""``punchcard import customers|cards FILE``: stage a CSV, then follow the job with a progress
bar. The command works on its own job too (as any worker would: it claims it between
batches), so it finishes with or without a worker running; when a worker holds the job, the
bar follows the worker's progress."""

import asyncio
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from punchcard.config import Settings, get_settings
from punchcard.db.engine import Database
from punchcard.imports import batches, service
from punchcard.imports.schemas import ImportOptions, ImportOut, OnError, job_out
from punchcard.imports.tasks import ImportRunner
from punchcard.kit.errors import ProblemError
from punchcard.kit.progress import progress_bar
from punchcard.staff.actor import Actor

app = typer.Typer(help="Import customers or card balances from a CSV file.", no_args_is_help=True)
FINISHED = ("checked", "completed", "aborted", "failed")
SHOWN_ERRORS = 10

File = Annotated[
    Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="The CSV file.")
]
BusinessId = Annotated[str, typer.Option("--business-id", "--business", help="biz_...")]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Check every row; write nothing.")]
OnErrorOption = Annotated[
    OnError, typer.Option(help="skip: report bad rows, import the rest; abort: stop at one.")
]
Mapping = Annotated[
    list[str] | None,
    typer.Option("--map", help="HEADER=FIELD, repeatable (HEADER= ignores the column)."),
]


def _mapping(pairs: list[str]) -> dict[str, str | None]:
    mapping: dict[str, str | None] = {}
    for pair in pairs:
        header, sep, target = pair.partition("=")
        if not sep or not header.strip():
            raise typer.BadParameter(f"{pair!r}: write HEADER=FIELD", param_hint="--map")
        mapping[header.strip()] = target.strip() or None
    return mapping


@app.command("customers")
def import_customers(
    file: File,
    business_id: BusinessId,
    dry_run: DryRun = False,
    on_error: OnErrorOption = "skip",
    mapping: Mapping = None,
) -> None:
    """Upsert customers by source_id, else email, else phone."""
    given = {"kind": "customers", "dry_run": dry_run, "on_error": on_error}
    _import(file, business_id, given, mapping)


@app.command("cards")
def import_cards(
    file: File,
    business_id: BusinessId,
    program_id: Annotated[
        str | None, typer.Option(help="The program of rows without a program_id column.")
    ] = None,
    dry_run: DryRun = False,
    on_error: OnErrorOption = "skip",
    mapping: Mapping = None,
) -> None:
    """Cards with stamp balances (from another loyalty product): one per customer and program."""
    given = {"kind": "cards", "program_id": program_id, "dry_run": dry_run, "on_error": on_error}
    _import(file, business_id, given, mapping)


def _import(file: Path, business_id: str, given: dict[str, Any], pairs: list[str] | None) -> None:
    try:
        options = ImportOptions(**given, mapping=_mapping(pairs or []), filename=file.name)
    except ValidationError as error:
        raise typer.BadParameter(str(error)) from error
    job = asyncio.run(_stage_and_follow(file, Actor.system(business_id), options))
    typer.echo(
        f"import {job.id}: {job.status}: {job.created} created, {job.updated} updated, "
        f"{job.unchanged} unchanged, {job.failed} failed, {job.skipped} skipped"
        + (" (dry run: nothing was written)" if job.dry_run else "")
    )
    for row in job.errors[:SHOWN_ERRORS]:
        for problem in row.errors:
            where = f" ({problem.field})" if problem.field else ""
            typer.echo(f"  line {row.line}{where}: {problem.message}", err=True)
    if job.failed > SHOWN_ERRORS:
        typer.echo(f"  ... GET /v1/imports/{job.id}/rows?status=failed lists them all", err=True)
    if job.status not in ("completed", "checked") or job.failed:
        raise typer.Exit(1)


async def _stage_and_follow(file: Path, actor: Actor, options: ImportOptions) -> ImportOut:
    settings = get_settings()
    db = Database(settings)
    try:
        try:
            async with db.transaction() as session:
                with file.open("rb") as upload:
                    job = await service.create_import(
                        session, actor, options=options, upload=upload
                    )
        except ProblemError as error:  # nothing was staged: the transaction rolled back
            typer.echo(f"error: {error.code}: {error.detail}", err=True)
            raise typer.Exit(1) from error
        return await _follow(db, settings, actor, job.id, job.total_rows)
    finally:
        await db.dispose()


async def _follow(
    db: Database, settings: Settings, actor: Actor, import_id: str, total: int
) -> ImportOut:
    with progress_bar() as progress:
        bar = progress.add_task("importing", total=total)

        async def show(_lease: batches.Lease | None = None) -> ImportOut:
            async with db.transaction() as session:
                job = await service.get_import(session, actor, import_id)
                out = job_out(job, await service.first_failures(session, job))
            progress.update(bar, completed=out.processed, description=out.status)
            return out

        runner = ImportRunner(db, settings, on_batch=show)
        while True:
            await runner.work_once(only=(actor.business_id, import_id))
            job = await show()
            if job.status in FINISHED:
                return job
            await asyncio.sleep(settings.import_poll_seconds)  # a worker holds it: follow
