import base64
import re

import httpx
import pytest

from punchcard.pages.join import KnownCustomer
from punchcard.wallet.web_link import path as card_path
from tests.conftest import Tenant
from tests.pages.conftest import Visitor, visitor_of
from tests.support.factories import card, coffee_program, ok, stamp
from tests.support.images import png_bytes


def join_path(tenant: Tenant, program_id: str) -> str:
    return f"/join/{tenant.business_id}/{program_id}"


def error_of(html: str, field: str) -> str | None:
    found = re.search(rf'<p class="error" id="{field}-error">([^<]*)</p>', html)
    return found.group(1) if found else None


async def customer_by_email(api: httpx.AsyncClient, email: str) -> dict[str, object]:
    found = ok(await api.get("/v1/customers", params={"email": email}))["data"]
    assert len(found) == 1
    return found[0]  # type: ignore[no-any-return]


async def test_join_page_speaks_the_browsers_language(tenant: Tenant, visitor: Visitor) -> None:
    program = await coffee_program(tenant.client)
    path = join_path(tenant, program["id"])

    english = await visitor.get(path, headers={"Accept-Language": "fr;q=0.9, en;q=0.8"})
    german = await visitor.get(path, headers={"Accept-Language": "de-AT,de;q=0.9,en;q=0.5"})
    overridden = await visitor.get(path, params={"lang": "en"}, headers={"Accept-Language": "de"})

    assert english.status_code == german.status_code == 200
    assert '<html lang="en">' in english.text
    assert "Collect stamps at Test Café" in english.text
    assert "Free cookie after 5 stamps" in english.text
    assert '<html lang="de">' in german.text
    assert "Stempel sammeln bei Test Café" in german.text
    assert "Free coffee ab 10 Stempeln" in german.text
    assert '<label for="email">E-Mail</label>' in german.text
    assert '<html lang="en">' in overridden.text
    # Consent is opt-in: the box starts unticked.
    assert re.search(r'<input id="marketing_consent"[^>]*>', english.text)
    assert "checked" not in re.search(r'<input id="marketing_consent"[^>]*>', english.text)[0]


async def test_invalid_details_show_the_form_again_with_messages_and_values(
    tenant: Tenant, visitor: Visitor
) -> None:
    program = await coffee_program(tenant.client)
    path = join_path(tenant, program["id"])

    nothing = await visitor.submit(path, {"name": " ", "email": "", "phone": ""})
    wrong = await visitor.submit(
        path,
        {"name": "Ada", "email": "ada@", "phone": "12", "birthday": "2999-01-01"},
        headers={"Accept-Language": "de"},
    )

    assert nothing.status_code == 422
    assert error_of(nothing.text, "name") == "Please enter your name."
    assert error_of(nothing.text, "email") == "Please enter your email or phone number."
    assert wrong.status_code == 422
    assert error_of(wrong.text, "email") == "Bitte gib eine gültige E-Mail-Adresse ein."
    assert error_of(wrong.text, "phone") is not None
    assert error_of(wrong.text, "birthday") == "Bitte gib ein gültiges Datum ein."
    assert error_of(wrong.text, "name") is None
    assert 'value="Ada"' in wrong.text
    assert 'value="ada@"' in wrong.text
    assert 'aria-invalid="true" aria-describedby="email-error"' in wrong.text


async def test_a_nul_byte_is_a_field_error_not_a_500_and_logs_no_details(
    tenant: Tenant, visitor: Visitor, caplog: pytest.LogCaptureFixture
) -> None:
    program = await coffee_program(tenant.client)
    path = join_path(tenant, program["id"])

    answer = await visitor.submit(path, {"name": "Eve\x00Secret", "email": "eve\x00@example.com"})

    assert answer.status_code == 422
    assert error_of(answer.text, "name") == "Please remove the unusual characters."
    assert error_of(answer.text, "email") == "Please remove the unusual characters."
    assert 'value="EveSecret"' in answer.text
    assert "\x00" not in answer.text
    assert not [r for r in caplog.records if "eve" in r.getMessage().lower()]
    assert ok(await tenant.client.get("/v1/customers"))["data"] == []


async def test_joining_creates_the_customer_with_consent_and_a_card(
    tenant: Tenant, visitor: Visitor
) -> None:
    program = await coffee_program(tenant.client)
    details = {
        "name": "Grace",
        "email": "Grace@Example.com",
        "birthday": "1990-12-09",
        "marketing_consent": "yes",
    }

    joined = await visitor.submit(
        join_path(tenant, program["id"]), details, headers={"Accept-Language": "de"}
    )

    assert joined.status_code == 303
    assert joined.headers["cache-control"] == "private, no-store"  # the Location is a login
    customer = await customer_by_email(tenant.client, "grace@example.com")
    assert (customer["name"], customer["birthday"], customer["language"]) == (
        "Grace",
        "1990-12-09",
        "de",
    )
    assert customer["marketing_consent"] is True
    assert customer["marketing_consent_at"] is not None
    cards = ok(await tenant.client.get("/v1/cards", params={"customer_id": customer["id"]}))
    [issued] = cards["data"]
    assert joined.headers["location"].startswith(f"/c/{tenant.business_id}/{issued['id']}/")
    assert (await visitor.get(joined.headers["location"])).status_code == 200


async def test_the_same_browser_sending_its_form_twice_sees_its_card(
    tenant: Tenant, visitor: Visitor
) -> None:
    program = await coffee_program(tenant.client)
    path = join_path(tenant, program["id"])
    details = {"name": "Linus", "email": "linus@example.com"}

    first = await visitor.submit(path, details)
    again = await visitor.submit(path, {**details, "name": "Someone else"})  # a double tap

    assert first.status_code == again.status_code == 303
    assert again.headers["location"] == first.headers["location"]
    customer = await customer_by_email(tenant.client, "linus@example.com")
    assert customer["name"] == "Linus"


async def test_a_known_email_or_phone_reveals_and_changes_nothing(
    tenant: Tenant, visitor: Visitor
) -> None:
    """Every known address (a card with a reward waiting, a card without stamps, a customer
    without a card, a phone, the email of one member with the phone of another) gets the
    answer a stranger gets for any known address, and no customer is changed."""
    api = tenant.client
    program = await coffee_program(api)
    path = join_path(tenant, program["id"])
    rewarded = await card(api, program["id"], "regular@example.com")
    await stamp(api, rewarded["id"], 5)  # a free cookie is waiting on it
    fresh = await card(api, program["id"], "fresh@example.com")
    ok(await api.post("/v1/customers", json={"email": "nocard@example.com"}), 201)
    ok(await api.post("/v1/customers", json={"phone": "+4915112345678"}), 201)
    attempts = [
        {"email": "regular@example.com"},
        {"email": "fresh@example.com"},
        {"email": "nocard@example.com"},
        {"phone": "+4915112345678"},
        {"email": "regular@example.com", "phone": "+4915112345678"},
    ]
    before = ok(await api.get("/v1/customers"))["data"]

    answers = [
        await visitor.submit(
            path,
            {"name": "Mallory", "birthday": "1970-01-01", "marketing_consent": "yes", **typed},
        )
        for typed in attempts
    ]

    assert {(a.status_code, a.headers["location"]) for a in answers} == {(303, f"{path}/sent")}
    page = await visitor.get(f"{path}/sent")
    assert page.status_code == 200
    assert "If you already have a card with us" in page.text
    for card_id in (rewarded["id"], fresh["id"]):
        assert all(card_id not in a.text + a.headers["location"] for a in answers)
    assert ok(await api.get("/v1/customers"))["data"] == before  # consent, birthday, name


async def test_a_known_customer_is_handed_to_the_card_link_sender(
    tenant: Tenant, visitor: Visitor
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"], "ada@example.com")
    app = tenant.client._transport.app  # type: ignore[attr-defined]
    sent: list[KnownCustomer] = []

    class Recording:
        async def send_card_link(self, session: object, known: KnownCustomer) -> None:
            sent.append(known)

    default, app.state.card_link_sender = app.state.card_link_sender, Recording()
    try:
        await visitor.submit(
            join_path(tenant, program["id"]), {"name": "A", "email": "ada@example.com"}
        )
    finally:
        app.state.card_link_sender = default

    [known] = sent
    assert (known.customer_id, known.program_id) == (issued["customer_id"], program["id"])
    assert known.email == "ada@example.com"


async def test_archived_or_unknown_programs_show_a_friendly_404(
    tenant: Tenant, visitor: Visitor
) -> None:
    program = await coffee_program(tenant.client)
    token = await visitor.form_token(join_path(tenant, program["id"]))
    ok(await tenant.client.patch(f"/v1/programs/{program['id']}", json={"status": "archived"}))

    archived = await visitor.get(join_path(tenant, program["id"]))
    posted = await visitor.post(
        join_path(tenant, program["id"]), data={"name": "A", "csrf_token": token}
    )
    unknown = await visitor.get(f"/join/biz_nope/{program['id']}", params={"lang": "de"})

    assert archived.status_code == posted.status_code == unknown.status_code == 404
    assert archived.headers["content-type"].startswith("text/html")
    assert "This card program is not open for sign-ups." in archived.text
    assert "Für dieses Kartenprogramm ist keine Anmeldung möglich." in unknown.text


async def test_absurd_forms_are_refused_before_they_are_read(
    tenant: Tenant, visitor: Visitor
) -> None:
    program = await coffee_program(tenant.client)
    path = join_path(tenant, program["id"])

    huge = await visitor.post(path, data={"name": "A" * 10_000, "email": "a@example.com"})
    many = await visitor.post(path, content="&".join(f"f{i}=x" for i in range(50)))

    assert huge.status_code == many.status_code == 413
    assert huge.json()["code"] == "content_too_large"
    assert many.json()["code"] == "form_too_large"


# --- forged posts ------------------------------------------------------------------------------


async def test_a_post_without_this_browsers_token_is_refused(
    tenant: Tenant, visitor: Visitor
) -> None:
    program = await coffee_program(tenant.client)
    path = join_path(tenant, program["id"])
    details = {"name": "Ada", "email": "ada@example.com", "marketing_consent": "yes"}
    async with visitor_of(tenant) as attacker:
        stolen = await attacker.form_token(path)  # the attacker's own page's token

    no_token = await visitor.post(path, data=details)
    foreign = await visitor.post(path, data={**details, "csrf_token": stolen})
    expired = await visitor.post(path, data={**details, "csrf_token": "1000000000.abc"})

    for answer in (no_token, foreign, expired):
        assert answer.status_code == 403
        assert "This form has expired or was sent from another site." in answer.text
    assert ok(await tenant.client.get("/v1/customers"))["data"] == []


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
)
async def test_a_post_from_another_site_is_refused_even_with_a_token(
    tenant: Tenant, visitor: Visitor, headers: dict[str, str]
) -> None:
    program = await coffee_program(tenant.client)
    path = join_path(tenant, program["id"])
    answer = await visitor.submit(
        path, {"name": "Ada", "email": "ada@example.com"}, headers=headers
    )
    assert answer.status_code == 403
    assert ok(await tenant.client.get("/v1/customers"))["data"] == []


async def test_a_post_from_this_site_passes(tenant: Tenant, visitor: Visitor) -> None:
    program = await coffee_program(tenant.client)
    path = join_path(tenant, program["id"])
    headers = {"Origin": "http://punchcard.test", "Sec-Fetch-Site": "same-origin"}
    answer = await visitor.submit(path, {"name": "Ada", "email": "a@example.com"}, headers=headers)
    assert answer.status_code == 303


# --- limits ------------------------------------------------------------------------------------


async def test_joins_from_one_address_are_limited_with_retry_after(
    tenant: Tenant, visitor: Visitor
) -> None:
    program = await coffee_program(tenant.client)
    path = join_path(tenant, program["id"])
    token = await visitor.form_token(path)

    answers = [
        await visitor.post(
            path, data={"name": "Bot", "email": f"bot{n}@example.com", "csrf_token": token}
        )
        for n in range(11)
    ]

    assert [a.status_code for a in answers] == [303] * 10 + [429]
    assert 1 <= int(answers[-1].headers["retry-after"]) <= 600
    assert "too many attempts" in answers[-1].text
    async with visitor_of(tenant) as neighbour:  # another address is not held up
        assert (
            await neighbour.submit(path, {"name": "Ada", "email": "ada@example.com"})
        ).status_code == 303


# --- privacy notice ----------------------------------------------------------------------------


async def test_the_join_page_links_the_privacy_policy_and_imprint(
    tenant: Tenant, visitor: Visitor
) -> None:
    program = await coffee_program(tenant.client)
    links = {
        "privacy_policy_url": "https://cafe.example/privacy",
        "imprint_url": "https://cafe.example/imprint",
    }
    ok(await tenant.client.patch("/v1/business", json=links))

    page = await visitor.get(join_path(tenant, program["id"]))

    assert (
        '<a href="https://cafe.example/privacy" rel="noopener noreferrer">Privacy policy</a>'
        in page.text
    )
    assert (
        '<a href="https://cafe.example/imprint" rel="noopener noreferrer">Imprint</a>' in page.text
    )


async def test_a_business_may_require_its_privacy_links_before_sign_ups(
    tenant: Tenant, visitor: Visitor
) -> None:
    program = await coffee_program(tenant.client)
    path = join_path(tenant, program["id"])
    ok(await tenant.client.patch("/v1/business", json={"join_requires_privacy_links": True}))

    closed = await visitor.get(path)
    ok(
        await tenant.client.patch(
            "/v1/business",
            json={
                "privacy_policy_url": "https://cafe.example/privacy",
                "imprint_url": "http://cafe.example/imprint",
            },
        )
    )
    opened = await visitor.get(path)

    assert closed.status_code == 404
    assert opened.status_code == 200


async def test_privacy_links_must_be_web_addresses(tenant: Tenant) -> None:
    for url in ("javascript:alert(1)", "ftp://cafe.example/x", "data:text/html,x", "cafe"):
        answer = await tenant.client.patch("/v1/business", json={"privacy_policy_url": url})
        assert answer.status_code == 422, url
        assert answer.json()["errors"][0]["field"] == "body.privacy_policy_url"


async def test_the_join_page_and_web_card_show_the_business_logo_unless_the_design_has_one(
    tenant: Tenant, visitor: Visitor
) -> None:
    business_logo, program_logo = png_bytes((300, 90)), png_bytes((300, 90), "#0055AA")
    encoded = {logo: base64.b64encode(logo).decode() for logo in (business_logo, program_logo)}
    plain = await coffee_program(tenant.client, name="Plain")
    branded = await coffee_program(tenant.client, name="Branded")
    assert "data:image/png" not in (await visitor.get(join_path(tenant, plain["id"]))).text
    ok(await tenant.client.patch("/v1/business", json={"logo_png": encoded[business_logo]}))
    own = {"logo_png": encoded[program_logo]}
    ok(await tenant.client.put(f"/v1/programs/{branded['id']}/wallet-design", json=own))
    plain_card = await card(tenant.client, plain["id"])
    plain_join = (await visitor.get(join_path(tenant, plain["id"]))).text
    plain_web_card = (await visitor.get(card_path(tenant.business_id, plain_card["id"]))).text
    branded_join = (await visitor.get(join_path(tenant, branded["id"]))).text
    shown = "data:image/png;base64,"
    assert shown + encoded[business_logo] in plain_join
    assert shown + encoded[business_logo] in plain_web_card
    assert shown + encoded[program_logo] in branded_join
    assert encoded[business_logo] not in branded_join  # a program's own logo wins
