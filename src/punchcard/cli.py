"""The ``punchcard`` command: serve, worker, migrate, business, codes, import, export, demo."""

import asyncio
import gc
import json
import logging
import os
import signal
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer
import uvicorn
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.onboarding import onboard
from punchcard.codes import cli as codes_cli
from punchcard.config import get_settings
from punchcard.db.engine import Database
from punchcard.db.migrate import upgrade
from punchcard.exports import cli as exports_cli
from punchcard.imports import cli as imports_cli

T = TypeVar("T")
app = typer.Typer(
    help="Punchcard: an open-source loyalty engine.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
business_app = typer.Typer(help="Manage businesses.", no_args_is_help=True)
app.add_typer(business_app, name="business")
app.add_typer(codes_cli.app, name="codes")
app.add_typer(imports_cli.app, name="import")
app.command("export")(exports_cli.export)


def in_transaction(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    async def run() -> T:
        db = Database(get_settings())
        try:
            async with db.transaction() as session:
                return await work(session)
        finally:
            await db.dispose()

    return asyncio.run(run())


@app.command()
def migrate() -> None:
    """Create or upgrade the database schema to the latest version."""
    upgrade(get_settings().database_url)
    typer.echo("database is up to date")


def _serve(host: str, port: int, workers: int, access_log: bool, worker: bool = True) -> None:
    upgrade(get_settings().database_url)
    # Server processes read settings from the environment, so the flag travels that way; with
    # one process the app runs here, so the cached settings must be read again too.
    os.environ["PUNCHCARD_RUN_WORKER"] = "true" if worker else "false"
    # Links the server hands out (join pages, wallet passes) name where it listens, unless
    # PUNCHCARD_PUBLIC_URL says where it is reached from.
    if "public_url" not in get_settings().model_fields_set:
        os.environ["PUNCHCARD_PUBLIC_URL"] = f"http://{host}:{port}"
    get_settings.cache_clear()
    uvicorn.run(
        "punchcard.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=access_log,
        log_level=get_settings().log_level,
        # A worker answers the supervisor only once the app is imported; on a small or busy
        # machine that can exceed uvicorn's 5 s default, and the worker would be killed.
        timeout_worker_healthcheck=30,
    )


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Server processes.")] = 1,
    access_log: Annotated[bool, typer.Option(help="Log every request.")] = True,
    worker: Annotated[
        bool, typer.Option(help="Run a webhook dispatcher in each server process.")
    ] = True,
) -> None:
    """Migrate the database, then serve the API (and deliver webhooks, unless --no-worker)."""
    _serve(host, port, workers, access_log, worker)


@app.command("worker")
def run_worker() -> None:
    """Deliver webhooks and wallet pass updates, run CSV imports (run as many as you like on
    PostgreSQL)."""
    from punchcard.imports.tasks import ImportRunner
    from punchcard.wallet.pushers import configured_pushers
    from punchcard.wallet.sync import PassSync
    from punchcard.webhooks.dispatcher import Dispatcher

    settings = get_settings()
    upgrade(settings.database_url)
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(name)s %(message)s")
    # HTTP clients log each request at INFO or DEBUG: a busy worker's log would hold little else.
    for library in ("aiohttp", "httpx", "httpcore"):
        logging.getLogger(library).setLevel(logging.WARNING)

    async def work() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        db = Database(settings)
        dispatcher = Dispatcher(db, settings)
        sync = PassSync(db, settings, configured_pushers(settings))
        imports = ImportRunner(db, settings)
        # As in the server: start-up objects live forever, keep them out of every collection.
        gc.freeze()
        try:
            logging.getLogger("punchcard").info("webhook worker started")
            await asyncio.gather(dispatcher.run(stop), sync.run(stop), imports.run(stop))
        finally:
            await db.dispose()

    try:
        import uvloop
    except ImportError:  # uvloop does not exist on Windows; the standard loop is slower
        asyncio.run(work())
    else:
        uvloop.run(work())


@business_app.command("create")
def business_create(
    name: Annotated[str, typer.Option("--name", help="Business name.")],
    location: Annotated[str | None, typer.Option(help="Name of the first location.")] = None,
    owner_login: Annotated[str, typer.Option(help="Login of the owner staff account.")] = "owner",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Create a business with an owner login and print the owner's API key (shown once)."""
    made = in_transaction(
        lambda session: onboard(session, name=name, location=location, owner_login=owner_login)
    )
    if as_json:
        typer.echo(json.dumps(made.__dict__))
        return
    typer.echo(f"business_id: {made.business_id}")
    typer.echo(f"location_id: {made.location_id}")
    typer.echo(f"staff_id:    {made.staff_id}")
    typer.echo(f"api_key:     {made.api_key}   (copy it now: it is not shown again)")


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Migrate, create a demo café (program, rewards, a customer with a card), and serve."""
    from punchcard.demo import seed

    upgrade(get_settings().database_url)
    made = in_transaction(seed)
    base = f"http://{host}:{port}"
    typer.echo(
        f"""
Punchcard demo is ready.
  Owner API key : {made.api_key}
  API docs      : {base}/docs
  Try           : curl -H "Authorization: Bearer {made.api_key}" {base}/v1/me
"""
    )
    _serve(host, port, 1, True)


def main() -> None:
    app()
