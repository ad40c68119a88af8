"""``punchcard automations list|run-due --business biz_...``: the same services and runner as
the API and the worker. ``run-due`` scans what is due now for one business (what the workers
would do on their next pass; safe beside them: runs are recorded once whoever scans)."""

import asyncio
import json
from typing import Annotated, Any

import typer

from punchcard.automations import service
from punchcard.automations.tasks import AutomationRunner
from punchcard.config import get_settings
from punchcard.db.engine import Database
from punchcard.kit.errors import ProblemError
from punchcard.kit.pagination import PageParams
from punchcard.staff.actor import Actor

app = typer.Typer(help="Automations: list, run what is due.", no_args_is_help=True)
Business = Annotated[str, typer.Option("--business", help="The business (biz_...).")]


@app.command("list")
def list_automations(business: Business, limit: int = 20) -> None:
    """The newest automations: id, kind, on/off, next scan, name."""
    from punchcard.cli import in_transaction

    async def work(session: Any) -> list[Any]:
        rows, _ = await service.list_automations(
            session, Actor.system(business), PageParams(limit=limit, cursor=None), None
        )
        return rows

    try:
        rows = in_transaction(work)
    except ProblemError as error:
        typer.echo(f"error: {error.code}: {error.detail}", err=True)
        raise typer.Exit(1) from error
    for row in rows:
        state = "on " if row.enabled else "off"
        due = row.next_scan_at.isoformat() if row.next_scan_at else "-"
        typer.echo(f"{row.id}  {row.kind:<15}  {state}  {due}  {row.name}")


@app.command("run-due")
def run_due(
    business: Business,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Scan the business's automations that are due now (catching up missed days), record
    and act on their runs; messages are sent by the workers."""

    async def work() -> list[dict[str, Any]]:
        settings = get_settings()
        db = Database(settings)
        try:
            tally = await AutomationRunner(db, settings).run_due(business)
        finally:
            await db.dispose()
        return [scan.__dict__ for scan in tally.scanned]

    scanned = asyncio.run(work())
    if as_json:
        typer.echo(json.dumps(scanned))
        return
    for scan in scanned:
        typer.echo(f"{scan['automation_id']}  {scan['period']}  {scan['runs']} run(s)")
    typer.echo(f"{sum(scan['runs'] for scan in scanned)} run(s) in {len(scanned)} scan(s)")
