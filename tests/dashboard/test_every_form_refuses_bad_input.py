"""Every form of every dashboard page, posted as a careless or hostile browser would: each field
in turn holding a NUL byte, a huge text, a huge number, the wrong type, or another business's
id, and each form without its CSRF token. The answer is a clear 4xx (or the form again), never
a server error, and nothing the forged posts sent is saved."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

import httpx

from punchcard.db.engine import Database
from punchcard.staff.actor import Role
from tests.conftest import Tenant, onboarded
from tests.dashboard.conftest import Browsing
from tests.support.factories import card, coffee_program, ok, template

BAD = {
    "nul": "Odd\x00text",
    "huge text": "x" * 30_000,
    "huge number": "9" * 40,
    "wrong type": "[object Object]",
    "digit no int() takes": "²",
}
# Actions a fuzzed post must not take for real: they end the session or throw things away
# whatever else the form holds (their refusals are tested where they live).
LEFT_ALONE = ("/sign-out", "/delete", "/archive", "/remove", "/regenerate", "/rotate-secret")


@dataclass
class Form:
    action: str
    fields: dict[str, str] = field(default_factory=dict)
    multipart: bool = False


class Forms(HTMLParser):
    """The POST forms of a page, with each field's value as the page fills it in."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[Form] = []
        self.open: Form | None = None
        self.select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = {name: value or "" for name, value in attrs}
        if tag == "form" and at.get("method", "get").lower() == "post":
            self.open = Form(at["action"], multipart="multipart" in at.get("enctype", ""))
            self.found.append(self.open)
        elif self.open is None or ("name" not in at and tag != "option"):
            return
        elif tag == "input" and at.get("type") not in ("file", "submit", "button"):
            checkable = at.get("type") in ("checkbox", "radio")
            if not checkable or "checked" in at or at["name"] not in self.open.fields:
                self.open.fields[at["name"]] = at.get("value", "on" if checkable else "")
        elif tag == "textarea":
            self.open.fields[at["name"]] = ""
        elif tag == "select":
            self.select = at["name"]
            self.open.fields.setdefault(self.select, "")
        elif (
            tag == "option"
            and self.select is not None
            and ("selected" in at or not self.open.fields[self.select])
        ):
            self.open.fields[self.select] = at.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.open = None
        elif tag == "select":
            self.select = None


def forms_of(html: str) -> list[Form]:
    parser = Forms()
    parser.feed(html)
    return [form for form in parser.found if not form.action.endswith(LEFT_ALONE)]


async def post(client: httpx.AsyncClient, form: Form, values: dict[str, str]) -> httpx.Response:
    """The answer; an exception the app raised (the test transport passes it on) is the 500
    a browser would get."""
    try:
        if form.multipart:
            files = {name: (None, value) for name, value in values.items()}
            return await client.post(form.action, files=files)
        return await client.post(form.action, data=values)
    except Exception as error:
        return httpx.Response(500, text=repr(error)[:200])


@dataclass
class Theirs:
    """Another business's ids, by what a field's name says it holds."""

    ids: dict[str, str]

    def for_field(self, name: str) -> str | None:
        for kind, foreign in self.ids.items():
            if kind in name:
                return foreign
        return None


async def resources(api: httpx.AsyncClient, location_id: str) -> dict[str, str]:
    """One of each thing a page names, made through the API."""
    gift = await template(api)
    program = await coffee_program(api)
    made = await card(api, program["id"], "ada@example.com")
    staff = ok(await api.post("/v1/staff", json={"name": "Sam", "login": "sam", "role": "scanner",
                                                  "location_id": location_id}), 201)  # fmt: skip
    hook = ok(await api.post("/v1/webhooks", json={"url": "http://127.0.0.1:9/hook"}), 201)
    return {
        "template": gift["id"],
        "program": program["id"],
        "card": made["id"],
        "customer": made["customer_id"],
        "staff": staff["id"],
        "location": location_id,
        "endpoint": hook["id"],
    }


async def test_every_form_refuses_bad_input_and_forgeries_without_saving_them(
    tenant: Tenant, browsing: Browsing, db: Database, app_transport: httpx.ASGITransport
) -> None:
    mine = await resources(tenant.client, tenant.location_id)
    async with onboarded(db, app_transport, "Other café", "Quay") as other:
        theirs = Theirs(await resources(other.client, other.location_id))
    owner = await browsing("olga", Role.OWNER, None)
    pages = [
        f"/dashboard/customers/{mine['customer']}",
        "/dashboard/programs/new",
        f"/dashboard/programs/{mine['program']}",
        f"/dashboard/programs/{mine['program']}/design",
        "/dashboard/voucher-templates/new",
        f"/dashboard/voucher-templates/{mine['template']}",
        "/dashboard/campaigns/messages",
        "/dashboard/staff",
        f"/dashboard/staff/{mine['staff']}",
        "/dashboard/locations",
        f"/dashboard/locations/{mine['location']}",
        "/dashboard/settings",
        "/dashboard/integrations",
        "/dashboard/integrations/webhooks",
        f"/dashboard/integrations/webhooks/{mine['endpoint']}",
        "/dashboard/integrations/pos/new",
        "/dashboard/campaigns/new",
        "/dashboard/automations/new",
        "/dashboard/password",
        "/scan",
    ]
    forms = []
    for page in pages:
        shown = await owner.get(page)
        assert shown.status_code == 200, page
        forms += forms_of(shown.text)
    before = await saved(tenant)
    accepted_forgeries = []
    for form in forms:
        forged = await post(
            owner, form, {k: v for k, v in form.fields.items() if k != "csrf_token"}
        )
        if forged.status_code != 403:
            accepted_forgeries.append((form.action, forged.status_code))
    assert accepted_forgeries == []
    assert await saved(tenant) == before
    server_errors, foreign_taken = [], []
    for form in forms:
        for name in form.fields.keys() - {"csrf_token"}:
            for kind, value in BAD.items():
                answer = await post(owner, form, {**form.fields, name: value})
                if answer.status_code >= 500:
                    server_errors.append((form.action, name, kind, answer.text[:200]))
            foreign = theirs.for_field(name)
            if foreign is not None and form.fields[name]:
                answer = await post(owner, form, {**form.fields, name: foreign})
                if answer.status_code < 400:
                    foreign_taken.append((form.action, name, answer.status_code))
    assert server_errors == []
    assert foreign_taken == []


async def saved(tenant: Tenant) -> dict[str, object]:
    """What the business holds, as the API lists it."""
    lists = ("programs", "voucher-templates", "staff", "locations", "webhooks", "pos-connectors",
             "campaigns", "automations", "vouchers")  # fmt: skip
    return {name: ok(await tenant.client.get(f"/v1/{name}"))["data"] for name in lists}
