"""``punchcard staff`` and ``punchcard api-key``: the operator's way back into a business whose
owner keys are lost (the API never lets the last one be deleted, but a key can be forgotten, and
its owner can leave). The CLI acts with the owner's rights and no staff login."""

import json
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.models import Business
from punchcard.kit.errors import NotFound, ProblemError
from punchcard.staff import service
from punchcard.staff.actor import Actor, Role
from punchcard.staff.schemas import StaffCreate

T = TypeVar("T")
staff_app = typer.Typer(help="Staff logins of a business.", no_args_is_help=True)
key_app = typer.Typer(help="API keys of staff logins.", no_args_is_help=True)

BusinessId = Annotated[
    str, typer.Option("--business", "--business-id", help="The business (biz_...).")
]
StaffId = Annotated[str, typer.Option("--staff", "--staff-id", help="The staff login (stf_...).")]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def _run(
    business_id: str, work: Callable[[AsyncSession, Actor], Awaitable[T]], hint: str = ""
) -> T:
    """``work`` in one transaction as the business's operator; a refusal exits with status 1."""
    from punchcard.cli import in_transaction

    actor = Actor.system(business_id)

    async def in_business(session: AsyncSession) -> T:
        if await session.get(Business, business_id) is None:  # an error, not an empty list
            raise NotFound("business_not_found", f"No business '{business_id}' on this server.")
        return await work(session, actor)

    try:
        return in_transaction(in_business)
    except ProblemError as error:
        typer.echo(f"error: {error.code}: {error.detail}{hint}", err=True)
        raise typer.Exit(1) from error


@staff_app.command("list")
def list_staff(business_id: BusinessId, as_json: AsJson = False) -> None:
    """Every staff login of the business: role, location (none: all), status, whether it has
    an API key."""
    rows = [
        {
            "id": staff.id,
            "login": staff.login,
            "name": staff.name,
            "role": staff.role,
            "location_id": staff.location_id,
            "active": staff.active,
            "api_key_id": key_id,
        }
        for staff, key_id in _run(business_id, service.roster)
    ]
    if as_json:
        typer.echo(json.dumps(rows))
        return
    for row in rows:
        status = "active" if row["active"] else "inactive"
        key = "key" if row["api_key_id"] else "no key"
        where = row["location_id"] or "all locations"
        typer.echo(f"{row['id']}  {row['role']:<8} {status:<8} {key:<6}  {where}  {row['login']}")


@staff_app.command("create")
def create_staff(
    business_id: BusinessId,
    name: Annotated[str, typer.Option(help="Who it is.")],
    login: Annotated[str, typer.Option(help="Unique in the business; usually an email address.")],
    role: Annotated[Role, typer.Option(help="owner, manager or scanner.")],
    location: Annotated[
        str | None, typer.Option(help="Bind it to this location (loc_...); omit for all.")
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Add a staff login (give it a key with `punchcard api-key create`)."""
    try:
        data = StaffCreate(name=name, login=login, role=role, location_id=location)
    except ValidationError as error:
        raise typer.BadParameter(str(error)) from error
    staff = _run(
        business_id, lambda session, actor: service.create_staff(session, actor, data=data)
    )
    typer.echo(json.dumps({"staff_id": staff.id}) if as_json else f"staff_id: {staff.id}")


@key_app.command("create")
def create_key(
    business_id: BusinessId,
    staff_id: StaffId,
    replace: Annotated[
        bool, typer.Option(help="If the login has a key, give it a new secret (the old stops).")
    ] = False,
    as_json: AsJson = False,
) -> None:
    """Generate the API key of a staff login and print it (shown once)."""
    view = _run(
        business_id,
        lambda session, actor: service.issue_key(session, actor, staff_id, replace=replace),
        hint=" (--replace gives it a new secret)",
    )
    made = {"staff_id": view.staff.id, "key_id": view.key.id, "api_key": view.secret}
    if as_json:
        typer.echo(json.dumps(made))
        return
    typer.echo(f"staff_id: {made['staff_id']}")
    typer.echo(f"key_id:   {made['key_id']}")
    typer.echo(f"api_key:  {made['api_key']}   (copy it now: it is not shown again)")
