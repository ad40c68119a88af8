"""``punchcard codes generate``: bulk codes for a campaign, with a progress bar."""

from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from punchcard.codes import service
from punchcard.codes.schemas import MAX_GENERATE, CodeGenerate
from punchcard.kit.errors import ProblemError
from punchcard.kit.progress import progress_bar
from punchcard.staff.actor import Actor
from punchcard.vouchers.schemas import GeneratedCode

app = typer.Typer(help="Voucher code pools.", no_args_is_help=True)


@app.command("generate")
def generate(
    business_id: Annotated[str, typer.Option(help="The business (biz_...).")],
    template_id: Annotated[str, typer.Option(help="A pool template (vtp_...).")],
    count: Annotated[int, typer.Option(min=1, max=MAX_GENERATE, help="How many codes.")],
    out: Annotated[Path | None, typer.Option(help="Also write the batch as CSV here.")] = None,
    prefix: Annotated[str | None, typer.Option(help="Code config (else the pool's).")] = None,
    length: Annotated[int | None, typer.Option(help="Random characters per code.")] = None,
    charset: Annotated[str | None, typer.Option(help="Characters to draw from.")] = None,
    postfix: Annotated[str | None, typer.Option(help="Appended to every code.")] = None,
) -> None:
    """Generate unique codes into a template's pool, in one transaction (all or nothing)."""
    from punchcard.cli import in_transaction

    given = {"prefix": prefix, "length": length, "charset": charset, "postfix": postfix}
    config = {key: value for key, value in given.items() if value is not None}
    try:
        data = CodeGenerate(count=count, config=GeneratedCode(**config) if config else None)
    except ValidationError as error:
        raise typer.BadParameter(str(error)) from error
    actor = Actor.system(business_id)
    try:
        with progress_bar() as progress:
            task = progress.add_task("generating", total=count)
            result = in_transaction(
                lambda session: service.generate(
                    session, actor, template_id, data, lambda added: progress.advance(task, added)
                )
            )
    except ProblemError as error:  # nothing was written: the transaction rolled back
        typer.echo(f"error: {error.code}: {error.detail}", err=True)
        raise typer.Exit(1) from error
    typer.echo(f"batch {result.batch_id}: {result.generated} codes ({result.pattern})")
    typer.echo(f"pool: {result.pool.available} available, {result.pool.assigned} assigned")
    if out is not None:
        csv = in_transaction(
            lambda session: service.export(session, actor, template_id, batch_id=result.batch_id)
        )
        out.write_text(csv)
        typer.echo(f"written to {out}")
