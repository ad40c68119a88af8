"""``punchcard export KIND``: the API's CSV export, to a file or standard output."""

import asyncio
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

import typer

from punchcard.config import get_settings
from punchcard.db.engine import Database
from punchcard.exports import service
from punchcard.kit.errors import ProblemError
from punchcard.staff.actor import Actor

Kind = Literal["customers", "cards", "vouchers", "redemptions"]


def _instant(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError as error:
        raise typer.BadParameter(f"{text!r} is not an ISO 8601 time") from error
    if value.tzinfo is None:
        raise typer.BadParameter(f"{text!r} has no time zone: add Z or +01:00")
    return value


def export(
    kind: Annotated[Kind, typer.Argument(help="customers, cards, vouchers or redemptions.")],
    business_id: Annotated[str, typer.Option("--business-id", "--business", help="biz_...")],
    out: Annotated[Path | None, typer.Option(help="The CSV file (default: stdout).")] = None,
    created_after: Annotated[
        str | None, typer.Option(help="ISO 8601, e.g. 2026-01-01T00:00:00Z")
    ] = None,
    created_before: Annotated[str | None, typer.Option(help="ISO 8601 (exclusive).")] = None,
    location_id: Annotated[str | None, typer.Option(help="Only this location's rows.")] = None,
) -> None:
    """Export as CSV, streamed (any size, constant memory)."""
    after, before = _instant(created_after), _instant(created_before)

    async def run() -> int:
        db = Database(get_settings())
        written = 0
        try:
            async with db.transaction() as session:
                prepared = await service.prepare(
                    session,
                    Actor.system(business_id),
                    kind,
                    created_after=after,
                    created_before=before,
                    location_id=location_id,
                )
            with out.open("wb") if out else sys.stdout.buffer as sink:
                async for chunk in service.stream(db, prepared):
                    sink.write(chunk)
                    written += len(chunk)
        finally:
            await db.dispose()
        return written

    try:
        written = asyncio.run(run())
    except ProblemError as error:
        typer.echo(f"error: {error.code}: {error.detail}", err=True)
        raise typer.Exit(1) from error
    if out is not None:
        typer.echo(f"{kind}: {written} bytes written to {out}", err=True)
