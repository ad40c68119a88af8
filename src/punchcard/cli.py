"""The ``punchcard`` command: serve, worker, migrate, business, staff, api-key, codes, campaigns,
import, export, demo, secret-key, apple."""

import asyncio
import json
import logging
import logging.config
import os
import signal
import socket
import sys
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Annotated, TypeVar

import typer
import uvicorn
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard import __version__
from punchcard.automations import cli as automations_cli
from punchcard.businesses.onboarding import Onboarded, onboard
from punchcard.businesses.service import list_businesses
from punchcard.campaigns import cli as campaigns_cli
from punchcard.codes import cli as codes_cli
from punchcard.config import Settings, get_settings
from punchcard.dashboard import cli as dashboard_cli
from punchcard.dashboard import service as dashboard_service
from punchcard.db.engine import Database
from punchcard.db.migrate import upgrade
from punchcard.exports import cli as exports_cli
from punchcard.imports import cli as imports_cli
from punchcard.kit import heap
from punchcard.observability.logs import lean_records, server_logging, worker_logging
from punchcard.staff import cli as staff_cli
from punchcard.staff.actor import Actor
from punchcard.startup import explain_startup_error
from punchcard.worker import LoopName, worker_loops

T = TypeVar("T")
ENVIRONMENT = """Settings come from PUNCHCARD_* environment variables (or a .env file): above
all PUNCHCARD_DATABASE_URL (default sqlite:///./punchcard.db; production:
postgresql://user:password@host:5432/punchcard) and PUNCHCARD_SECRET_KEY (make one with
`punchcard secret-key`). Every setting: the Configuration table in README.md."""
app = typer.Typer(
    help="Punchcard: an open-source loyalty engine.",
    epilog=ENVIRONMENT,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: no type column (no stray <bool> beside flags)
)
business_app = typer.Typer(help="Manage businesses.", no_args_is_help=True)
app.add_typer(business_app, name="business")
app.add_typer(codes_cli.app, name="codes")
app.add_typer(staff_cli.staff_app, name="staff")
app.add_typer(staff_cli.key_app, name="api-key")
app.add_typer(dashboard_cli.app, name="dashboard")
apple_app = typer.Typer(help="Apple Wallet helpers.", no_args_is_help=True)
app.add_typer(apple_app, name="apple")


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"punchcard {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_print_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Punchcard: an open-source loyalty engine."""


def _port_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def _require_free_port(host: str, port: int, setting: str | None = None) -> None:
    """Before anything changes (migrations, the demo's key): a busy port stops here."""
    if _port_in_use(host, port):
        fix = f"{setting}={port + 1}" if setting else f"--port, or PORT={port + 1} make run"
        raise typer.BadParameter(
            f"{host}:{port} is in use (is Punchcard already running there?): stop it, or "
            f"pick another port ({fix})",
            param_hint=setting or "--port",
        )


def _warn_about_wallets(settings: Settings) -> None:
    from punchcard.wallet.warnings import wallet_url_warning

    warning = wallet_url_warning(settings)
    if warning:
        typer.echo(f"warning: {warning}", err=True)


app.add_typer(campaigns_cli.app, name="campaigns")
app.add_typer(imports_cli.app, name="import")
app.command("export")(exports_cli.export)
app.add_typer(automations_cli.app, name="automations")


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


def _serve(
    host: str,
    port: int,
    workers: int,
    access_log: bool,
    worker: bool = True,
    forwarded_allow_ips: str | None = None,
) -> None:
    # Here, not at the top: uvicorn's spawned workers import this module, and the exporter
    # (prometheus-client, 1 MB) belongs to this supervising process only.
    from punchcard.observability import exporter

    _require_free_port(host, port)
    metrics_port = get_settings().metrics_port
    if metrics_port is not None:
        _require_free_port(get_settings().metrics_host, metrics_port, "PUNCHCARD_METRICS_PORT")
    upgrade(get_settings().database_url)
    # Server processes read settings from the environment, so the flag travels that way; with
    # one process the app runs here, so the cached settings must be read again too.
    os.environ["PUNCHCARD_RUN_WORKER"] = "true" if worker else "false"
    os.environ["PUNCHCARD_ACCESS_LOG"] = "true" if access_log else "false"
    _public_url_default(host, port)
    settings = get_settings()
    _warn_about_wallets(settings)
    # Several processes: each keeps its metrics in a file of a directory the exporter reads.
    directory = exporter.use_multiprocess_directory() if metrics_port and workers > 1 else None
    metrics = exporter.start(settings)
    try:
        _run_uvicorn(settings, host, port, workers, forwarded_allow_ips)
    finally:
        if metrics is not None:
            metrics.stop()
        exporter.remove_multiprocess_directory(directory)


def _run_uvicorn(
    settings: Settings, host: str, port: int, workers: int, forwarded_allow_ips: str | None
) -> None:
    uvicorn.run(
        "punchcard.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,  # ours (kit.accesslog) redacts tokens from the request line
        log_level=settings.log_level,
        log_config=server_logging(settings),  # text, or JSON lines (PUNCHCARD_LOG_FORMAT)
        # A worker answers the supervisor only once the app is imported; on a small or busy
        # machine that can exceed uvicorn's 5 s default, and the worker would be killed.
        timeout_worker_healthcheck=30,
        # SIGTERM: requests under way get this long to finish, then the worker loops (which
        # finish their deliveries and release the rest) stop.
        timeout_graceful_shutdown=int(settings.shutdown_grace_seconds),
        # Behind a reverse proxy: X-Forwarded-For/-Proto are believed from these addresses
        # only (uvicorn's default: 127.0.0.1, or FORWARDED_ALLOW_IPS).
        forwarded_allow_ips=forwarded_allow_ips,
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
    forwarded_allow_ips: Annotated[
        str | None,
        typer.Option(
            help="Reverse proxy addresses whose X-Forwarded-* headers are trusted "
            "(comma-separated; '*' trusts any). Default: 127.0.0.1.",
            envvar="FORWARDED_ALLOW_IPS",
        ),
    ] = None,
) -> None:
    """Migrate the database, then serve the API (and deliver webhooks, unless --no-worker)."""
    _serve(host, port, workers, access_log, worker, forwarded_allow_ips)


@app.command("worker")
def run_worker(
    only: Annotated[
        list[LoopName] | None,
        typer.Option(
            "--only",
            help="Run just this job (repeat for more), e.g. a worker for webhooks alone; "
            "other workers or server processes must run the rest.",
        ),
    ] = None,
) -> None:
    """Deliver webhooks, wallet pass updates and campaign messages, run CSV imports and
    automations, prune old rows (run as many as you like on PostgreSQL)."""
    from punchcard.channels import registry as channel_registry
    from punchcard.observability import exporter
    from punchcard.observability.metrics import sample_pool_forever

    settings = get_settings()
    if settings.metrics_port is not None:
        _require_free_port(settings.metrics_host, settings.metrics_port, "PUNCHCARD_METRICS_PORT")
    upgrade(settings.database_url)
    _warn_about_wallets(settings)
    logging.config.dictConfig(worker_logging(settings))
    lean_records()
    metrics = exporter.start(settings)

    async def work() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        db = Database(settings)
        loops = worker_loops(db, settings, only or tuple(LoopName))
        if metrics is not None:
            loops.append(partial(sample_pool_forever, db.engine))
        heap.settle()
        try:
            logging.getLogger("punchcard").info("webhook worker started")
            await asyncio.gather(*(loop(stop) for loop in loops))
        finally:
            await channel_registry.close()
            await db.dispose()

    try:
        import uvloop
    except ImportError:  # uvloop does not exist on Windows; the standard loop is slower
        asyncio.run(work())
    else:
        uvloop.run(work())
    finally:
        if metrics is not None:
            metrics.stop()


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
    sign_in, password = _dashboard_links(made)
    if as_json:
        typer.echo(json.dumps(made.__dict__ | {"sign_in_url": sign_in, "password_url": password}))
        return
    typer.echo(f"business_id: {made.business_id}")
    typer.echo(f"location_id: {made.location_id}")
    typer.echo(f"staff_id:    {made.staff_id}")
    typer.echo(f"api_key:     {made.api_key}   (copy it now: it is not shown again)")
    typer.echo(f"dashboard:   {sign_in}")
    typer.echo(f"password:    {password}   (the owner's one-time link to set a password)")


def _dashboard_links(made: Onboarded) -> tuple[str, str]:
    """The business's dashboard sign-in address and its owner's one-time password link."""
    actor = Actor.system(made.business_id)
    _, path = in_transaction(
        lambda session: dashboard_service.create_reset_link(session, actor, made.staff_id)
    )
    sign_in = dashboard_cli.absolute(dashboard_service.sign_in_path(made.business_id))
    return sign_in, dashboard_cli.absolute(path)


@business_app.command("list")
def business_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Every business on this server: id and name."""
    found = [
        {"business_id": business.id, "name": business.name}
        for business in in_transaction(list_businesses)
    ]
    if as_json:
        typer.echo(json.dumps(found))
        return
    for business in found:
        typer.echo(f"{business['business_id']}  {business['name']}")


def _public_url_default(host: str, port: int) -> None:
    """Links the server hands out (join pages, wallet passes, the dashboard) name where it
    listens, unless PUNCHCARD_PUBLIC_URL says where it is reached from."""
    if "public_url" not in get_settings().model_fields_set:
        os.environ["PUNCHCARD_PUBLIC_URL"] = f"http://{host}:{port}"
    get_settings.cache_clear()


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Migrate, create a demo café (program, rewards, a customer with a card), and serve."""
    from punchcard.demo import seed

    _require_free_port(host, port)
    # A laptop demo: webhooks may go to a receiver on this machine (the README's tour does).
    os.environ.setdefault("PUNCHCARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true")
    _public_url_default(host, port)
    upgrade(get_settings().database_url)
    made, origin = in_transaction(seed)
    base = f"http://{host}:{port}"
    kept = {
        "new": "new",
        "kept": "the same as last time",
        "replaced": "new: an earlier demo key no longer works",
    }[origin]
    sign_in, password = _dashboard_links(made)
    typer.echo(
        f"""
Punchcard demo is ready.
  Owner API key : {made.api_key}   ({kept})
  API docs      : {base}/docs
  Try           : curl -H "Authorization: Bearer {made.api_key}" {base}/v1/me
  Dashboard     : {sign_in}
  Owner password: {password}   (one-time link: choose the password, then sign in as "owner")
"""
    )
    _serve(host, port, 1, True)


@app.command("secret-key")
def secret_key() -> None:
    """Print a new PUNCHCARD_SECRET_KEY (a Fernet key). Set it once, the same on every machine:
    changing it later makes stored secrets (webhook and POS signing keys) unreadable."""
    from cryptography.fernet import Fernet

    typer.echo(Fernet.generate_key().decode())


@apple_app.command("dev-chain")
def apple_dev_chain(
    out: Annotated[Path, typer.Option(help="Directory for pass.pem, pass.key, wwdr.pem.")] = Path(
        "."
    ),
    pass_type_identifier: Annotated[
        str, typer.Option(help="Pass type identifier in the certificate.")
    ] = "pass.dev.punchcard.example",
    team_identifier: Annotated[str, typer.Option(help="Team identifier.")] = "DEVTEAM000",
) -> None:
    """Make a self-signed DEVELOPMENT signing chain (pass.pem, pass.key, wwdr.pem) to try Apple
    Wallet passes without an Apple developer account. Apple devices will NOT accept its passes:
    for real ones use your pass type certificate and Apple's WWDR G4."""
    from punchcard.wallet.apple.dev_chain import make_dev_chain

    chain = make_dev_chain(
        pass_type_identifier=pass_type_identifier, team_identifier=team_identifier
    )
    out.mkdir(parents=True, exist_ok=True)
    for name, pem in (
        ("pass.pem", chain.certificate_pem),
        ("pass.key", chain.key_pem),
        ("wwdr.pem", chain.root_pem),
    ):
        path = out / name
        path.write_text(pem)
        if name == "pass.key":
            path.chmod(0o600)
    typer.echo(
        f"wrote pass.pem, pass.key and wwdr.pem to {out}: a DEVELOPMENT chain. Passes signed "
        "with it work with Punchcard's API, but Apple devices will not accept them.",
        err=True,
    )


def main() -> None:
    try:
        app()
    except Exception as exc:
        explanation = explain_startup_error(exc)
        if explanation is None:
            raise
        typer.echo(f"punchcard: {explanation}", err=True)
        sys.exit(2)
