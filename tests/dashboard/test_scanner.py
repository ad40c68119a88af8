"""The scanner's plain forms (what a browser without JavaScript sends): look a code up, stamp,
redeem, exactly once per action, with the API's roles, locations and guessing limit."""

import asyncio
import re
from html import unescape

import httpx

from punchcard.staff.actor import Role
from tests.conftest import Tenant
from tests.dashboard.conftest import Browsing
from tests.support import factories
from tests.support.dashboard import post_form

FIELD = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')


def form_fields(html: str, action: str) -> dict[str, str]:
    """The hidden fields of the page's form posting to ``action`` (its CSRF token, the
    action's idempotency key, ...)."""
    start = html.index(f'action="{action}"')
    form = html[start : html.index("</form>", start)]
    return {name: unescape(value) for name, value in FIELD.findall(form)}


async def look_up(client: httpx.AsyncClient, code: str) -> httpx.Response:
    return await post_form(client, "/scan", "/scan", {"code": code})


async def card_on(tenant: Tenant, **program: object) -> dict[str, object]:
    made = await factories.coffee_program(tenant.client, **program)
    return await factories.card(tenant.client, made["id"], email="anna@example.com")


async def stamps_of(tenant: Tenant, card_id: object) -> int:
    return int(factories.ok(await tenant.client.get(f"/v1/cards/{card_id}"))["stamps"])


async def test_a_scanned_card_shows_whose_it_is_and_one_tap_stamps_it(
    tenant: Tenant, browsing: Browsing
) -> None:
    card = await card_on(tenant)
    till = await browsing("till", Role.SCANNER, tenant.location_id)

    found = await look_up(till, f" {str(card['scan_code']).lower()} ")
    assert found.status_code == 200
    assert "anna@example.com" in found.text
    assert "0 of 5 stamps" in found.text
    assert "5 more for Free cookie" in found.text

    stamp = form_fields(found.text, "/scan/stamp")
    stamped = await till.post("/scan/stamp", data={**stamp, "count": "3"})
    assert stamped.status_code == 200
    assert "3 stamps added for anna@example.com" in stamped.text
    assert "3 of 5 stamps" in stamped.text
    assert await stamps_of(tenant, card["id"]) == 3
    history = factories.ok(await tenant.client.get(f"/v1/cards/{card['id']}/history"))
    stamp_event = next(e for e in history["data"] if e["event"] == "stamp_added")
    assert stamp_event["location_id"] == tenant.location_id


async def test_a_repeated_or_concurrent_action_stamps_once(
    tenant: Tenant, browsing: Browsing
) -> None:
    card = await card_on(tenant)
    till = await browsing("till", Role.SCANNER, tenant.location_id)
    stamp = form_fields((await look_up(till, str(card["scan_code"]))).text, "/scan/stamp")

    answers = await asyncio.gather(
        *(till.post("/scan/stamp", data={**stamp, "count": "1"}) for _ in range(8))
    )
    assert {answer.status_code for answer in answers} == {200}
    assert sum("This was sent twice" in answer.text for answer in answers) == 7
    assert await stamps_of(tenant, card["id"]) == 1

    next_page = form_fields(answers[0].text, "/scan/stamp")  # a new page: a new action
    assert next_page["key"] != stamp["key"]
    await till.post("/scan/stamp", data={**next_page, "count": "1"})
    assert await stamps_of(tenant, card["id"]) == 2


async def test_a_voucher_is_redeemed_once_then_shows_already_redeemed_with_when_and_where(
    tenant: Tenant, browsing: Browsing
) -> None:
    card = await card_on(tenant)
    issued = await factories.stamp(tenant.client, str(card["id"]), 10)
    coffee = next(v for v in issued["vouchers_issued"] if v["title"] == "Free coffee")
    till = await browsing("till", Role.SCANNER, tenant.location_id)

    found = await look_up(till, coffee["redeem_code"])
    assert "Hand over: Free coffee" in found.text
    assert "Voucher of anna@example.com" in found.text
    redeem = form_fields(found.text, "/scan/redeem")
    done = await till.post("/scan/redeem", data=redeem)
    assert done.status_code == 200
    assert "Redeemed: Free coffee" in done.text
    again = await till.post("/scan/redeem", data=redeem)  # the same tap, sent twice
    assert "Redeemed: Free coffee" in again.text
    assert "This was sent twice" in again.text

    later = await look_up(till, coffee["redeem_code"])
    assert later.status_code == 409
    assert "Already redeemed" in later.text
    assert "at Main Street" in later.text
    voucher = factories.ok(await tenant.client.get(f"/v1/vouchers/{coffee['id']}"))
    assert (voucher["redeemed_via"], voucher["redeemed_location_id"]) == (
        "staff_scanner",
        tenant.location_id,
    )


async def test_a_shared_code_is_redeemed_from_the_card(tenant: Tenant, browsing: Browsing) -> None:
    card = await card_on(tenant)
    cookie = (await factories.stamp(tenant.client, str(card["id"]), 5))["vouchers_issued"][0]
    till = await browsing("till", Role.SCANNER, tenant.location_id)

    alone = await look_up(till, "FREECOOKIE")
    assert "Scan the card first" in alone.text
    on_card = await look_up(till, str(card["scan_code"]))
    assert f'href="/scan?voucher={cookie["id"]}"' in on_card.text
    confirm = await till.get(f"/scan?voucher={cookie['id']}")
    assert "Hand over: Free cookie" in confirm.text
    done = await till.post("/scan/redeem", data=form_fields(confirm.text, "/scan/redeem"))
    assert "Redeemed: Free cookie" in done.text


async def test_an_unknown_code_is_not_found_and_guessing_is_limited(
    tenant: Tenant, browsing: Browsing
) -> None:
    till = await browsing("till", Role.SCANNER, tenant.location_id)
    missing = await look_up(till, "NOPE-1234")
    assert missing.status_code == 404
    assert "No card and no voucher has the code NOPE-1234." in missing.text
    failures = factories.ok(await tenant.client.get("/v1/code-lookup-failures"))["data"]
    assert [(f["code"], f["location_id"]) for f in failures] == [("NOPE-1234", tenant.location_id)]
    answers = [await look_up(till, f"NOPE-{n}") for n in range(10)]
    assert answers[-1].status_code == 429
    assert "Too many unknown codes" in answers[-1].text


async def test_an_unbound_login_guessing_codes_is_limited_too(
    tenant: Tenant, browsing: Browsing
) -> None:
    await tenant.client.post("/v1/locations", json={"name": "Harbour"})  # no till chosen
    owner = await browsing("olga", Role.OWNER)
    answers = [await look_up(owner, f"NOPE-{n}") for n in range(11)]
    assert [answer.status_code for answer in answers[-2:]] == [404, 429]
    failures = factories.ok(await tenant.client.get("/v1/code-lookup-failures"))["data"]
    assert {failure["location_id"] for failure in failures} == {None}


async def test_an_unbound_owner_chooses_the_till_once(tenant: Tenant, browsing: Browsing) -> None:
    second = factories.ok(await tenant.client.post("/v1/locations", json={"name": "Harbour"}), 201)
    owner = await browsing("olga", Role.OWNER)
    page = await owner.get("/scan")
    assert "Choose where you are" in page.text
    chosen = await owner.get("/scan", params={"location": second["id"]})
    assert "pc_scan_location" in chosen.headers["set-cookie"]
    assert form_fields((await owner.get("/scan")).text, "/scan")["location"] == second["id"]


async def test_a_scanner_login_reaches_the_scanner_and_nothing_else(browsing: Browsing) -> None:
    till = await browsing("till", Role.SCANNER)
    page = await till.get("/scan")
    assert page.status_code == 200
    header = page.text.split("<main", 1)[0]
    assert 'href="/dashboard"' not in header  # no link to a page it may not open
    assert 'href="/scan"' in header
    assert (await till.get("/dashboard")).status_code == 403
    assert (await till.get("/v1/cards")).status_code == 401  # the API wants a key


async def test_the_scanner_installs_as_a_web_app(browsing: Browsing) -> None:
    till = await browsing("till", Role.SCANNER)
    manifest = (await till.get("/scan/manifest.webmanifest", params={"lang": "de"})).json()
    assert (manifest["start_url"], manifest["display"], manifest["name"]) == (
        "/scan",
        "standalone",
        "Punchcard Scanner",
    )
    for icon in manifest["icons"]:
        image = await till.get(icon["src"])
        assert (image.status_code, image.headers["content-type"]) == (200, "image/png")
    worker = await till.get("/scan/sw.js")
    assert worker.headers["service-worker-allowed"] == "/scan"
    assert "connect-src 'self'" in worker.headers["content-security-policy"]
    assert (await till.get("/scan/offline")).status_code == 200
