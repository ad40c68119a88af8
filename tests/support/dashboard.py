"""Staff in the dashboard, for tests: logins with passwords, and clients signed in as them."""

import re

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.dashboard import service
from punchcard.db.engine import Database
from punchcard.staff import service as staff_service
from punchcard.staff.actor import Actor, Role
from punchcard.staff.schemas import StaffCreate

PASSWORD = "correct horse battery"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(html: str) -> str:
    found = TOKEN.search(html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


async def staff_login(
    db: Database,
    business_id: str,
    login: str,
    role: Role,
    location_id: str | None = None,
    password: str = PASSWORD,
) -> str:
    """A new staff login with a password (set through its one-time link): its id."""
    actor = Actor.system(business_id)
    async with db.transaction() as session:
        data = StaffCreate(name=login.title(), login=login, role=role, location_id=location_id)
        staff = await staff_service.create_staff(session, actor, data=data)
        await set_password(session, actor, staff.id, password)
    return staff.id


async def set_password(session: AsyncSession, actor: Actor, staff_id: str, password: str) -> None:
    staff, path = await service.create_reset_link(session, actor, staff_id)
    token = path.rsplit("/", 1)[1]
    await service.use_reset_link(session, staff.business_id, token, password)


async def sign_in(
    client: httpx.AsyncClient, business_id: str, login: str, password: str = PASSWORD
) -> httpx.Response:
    """The sign-in form as a browser sends it (its CSRF token from the page)."""
    path = service.sign_in_path(business_id)
    page = await client.get(path)
    form = {"login": login, "password": password, "csrf_token": csrf_token(page.text), "next": ""}
    return await client.post(path, data=form)


async def post_form(
    client: httpx.AsyncClient,
    page_path: str,
    action: str,
    data: dict[str, str],
    files: dict[str, tuple[str, bytes, str]] | None = None,
) -> httpx.Response:
    """Post a form of ``page_path`` to ``action``, with the token the page gave for it (and
    ``files`` as a multipart upload)."""
    page = await client.get(page_path)
    form = rf'action="{re.escape(action)}"[^>]*>\s*<input type="hidden" name="csrf_token"'
    tokens = re.findall(form + r' value="([^"]+)"', page.text)
    assert tokens, f"no form posting to {action} on {page_path}"
    return await client.post(action, data={**data, "csrf_token": tokens[0]}, files=files)
