"""``punchcard dashboard``: the sign-in address of a business, and one-time password links
(a new login's first password, or a forgotten one) for self-hosters without email."""

import json

import typer

from punchcard.config import get_settings
from punchcard.dashboard import service
from punchcard.staff.cli import AsJson, BusinessId, StaffId, _run

app = typer.Typer(
    help="The staff dashboard: sign-in links and password links.", no_args_is_help=True
)


def absolute(path: str) -> str:
    return get_settings().public_url.rstrip("/") + path


@app.command("link")
def sign_in_link(business_id: BusinessId, as_json: AsJson = False) -> None:
    """Print the business's dashboard sign-in address (staff bookmark it)."""
    url = absolute(service.sign_in_path(business_id))
    typer.echo(json.dumps({"sign_in_url": url}) if as_json else url)


@app.command("password-link")
def password_link(business_id: BusinessId, staff_id: StaffId, as_json: AsJson = False) -> None:
    """Print a one-time link that sets the staff login's password (earlier links stop)."""
    _, path = _run(
        business_id,
        lambda session, actor: service.create_reset_link(session, actor, staff_id),
    )
    url = absolute(path)
    hours = get_settings().password_reset_hours
    if as_json:
        typer.echo(json.dumps({"password_url": url}))
        return
    typer.echo(f"{url}   (works once, for {hours} hours)")
