"""``punchcard campaigns list|show|send|progress --business biz_...``: the same services as the
API, acting as the business's owner; ``progress`` follows the counts with a progress bar while
the workers send."""

import asyncio
import json
from typing import Annotated, Any

import typer

from punchcard.campaigns import service
from punchcard.campaigns.schemas import CampaignOut
from punchcard.config import get_settings
from punchcard.db.engine import Database
from punchcard.kit.errors import ProblemError
from punchcard.kit.pagination import PageParams
from punchcard.kit.progress import progress_bar
from punchcard.staff.actor import Actor

app = typer.Typer(help="Campaigns: list, show, send, follow.", no_args_is_help=True)
Business = Annotated[str, typer.Option("--business", help="The business (biz_...).")]
CampaignId = Annotated[str, typer.Argument(help="The campaign (cmp_...).")]
FINAL = ("sent", "cancelled")


def _run(business_id: str, work: Any) -> Any:
    """``work(session, actor)`` in one committed transaction; a problem is an error line."""
    from punchcard.cli import in_transaction

    try:
        return in_transaction(lambda session: work(session, Actor.system(business_id)))
    except ProblemError as error:
        typer.echo(f"error: {error.code}: {error.detail}", err=True)
        raise typer.Exit(1) from error


async def _shown(session: Any, actor: Actor, campaign_id: str) -> dict[str, Any]:
    campaign, counts = await service.campaign_with_counts(session, actor, campaign_id)
    out = CampaignOut.model_validate(campaign).model_copy(update={"counts": counts})
    return out.model_dump(mode="json")


@app.command("list")
def list_campaigns(business: Business, limit: int = 20) -> None:
    """The newest campaigns: id, status, channel, name."""

    async def work(session: Any, actor: Actor) -> list[Any]:
        rows, _ = await service.list_campaigns(
            session, actor, PageParams(limit=limit, cursor=None), None
        )
        return rows

    for campaign in _run(business, work):
        typer.echo(f"{campaign.id}  {campaign.status:<9}  {campaign.channel:<8}  {campaign.name}")


@app.command("show")
def show(business: Business, campaign_id: CampaignId) -> None:
    """A campaign with its counts, as JSON."""
    shown = _run(business, lambda session, actor: _shown(session, actor, campaign_id))
    typer.echo(json.dumps(shown, indent=2))


@app.command("send")
def send(business: Business, campaign_id: CampaignId) -> None:
    """Send a draft or scheduled campaign now (the workers do the sending)."""
    _run(business, lambda session, actor: service.send_now(session, actor, campaign_id))
    typer.echo(f"{campaign_id}: sending; follow it with `punchcard campaigns progress`")


@app.command("progress")
def progress(
    business: Business,
    campaign_id: CampaignId,
    interval: Annotated[float, typer.Option(help="Seconds between looks.")] = 0.5,
) -> None:
    """A progress bar over the campaign's deliveries until it is sent or cancelled."""

    async def follow() -> dict[str, Any]:
        db = Database(get_settings())
        actor = Actor.system(business)
        try:
            with progress_bar() as bar:
                task = bar.add_task("sending", total=None)
                while True:
                    async with db.transaction() as session:
                        shown = await _shown(session, actor, campaign_id)
                    counts = shown["counts"]
                    done = counts["sent"] + counts["failed"] + counts["skipped"]
                    bar.update(task, total=sum(counts.values()) or None, completed=done)
                    if shown["status"] in FINAL:
                        return shown
                    await asyncio.sleep(interval)
        finally:
            await db.dispose()

    try:
        shown = asyncio.run(follow())
    except ProblemError as error:
        typer.echo(f"error: {error.code}: {error.detail}", err=True)
        raise typer.Exit(1) from error
    counts = shown["counts"]
    typer.echo(
        f"{campaign_id}: {shown['status']}: {counts['sent']} sent, {counts['failed']} failed, "
        f"{counts['skipped']} skipped"
    )
