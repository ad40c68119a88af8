import re

import httpx

from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, stamp


def join_path(tenant: Tenant, program_id: str) -> str:
    return f"/join/{tenant.business_id}/{program_id}"


def error_of(html: str, field: str) -> str | None:
    found = re.search(rf'<p class="error" id="{field}-error">([^<]*)</p>', html)
    return found.group(1) if found else None


async def customer_by_email(api: httpx.AsyncClient, email: str) -> dict[str, object]:
    found = ok(await api.get("/v1/customers", params={"email": email}))["data"]
    assert len(found) == 1
    return found[0]  # type: ignore[no-any-return]


async def test_join_page_speaks_the_browsers_language(
    tenant: Tenant, visitor: httpx.AsyncClient
) -> None:
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
    tenant: Tenant, visitor: httpx.AsyncClient
) -> None:
    program = await coffee_program(tenant.client)
    path = join_path(tenant, program["id"])

    nothing = await visitor.post(path, data={"name": " ", "email": "", "phone": ""})
    wrong = await visitor.post(
        path,
        data={"name": "Ada", "email": "ada@", "phone": "12", "birthday": "2999-01-01"},
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


async def test_joining_creates_the_customer_with_consent_and_a_card(
    tenant: Tenant, visitor: httpx.AsyncClient
) -> None:
    program = await coffee_program(tenant.client)
    details = {
        "name": "Grace",
        "email": "Grace@Example.com",
        "birthday": "1990-12-09",
        "marketing_consent": "yes",
    }

    joined = await visitor.post(
        join_path(tenant, program["id"]), data=details, headers={"Accept-Language": "de"}
    )

    assert joined.status_code == 303
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


async def test_joining_twice_with_the_same_email_reuses_the_card(
    tenant: Tenant, visitor: httpx.AsyncClient
) -> None:
    program = await coffee_program(tenant.client)
    path = join_path(tenant, program["id"])
    details = {"name": "Linus", "email": "linus@example.com"}

    first = await visitor.post(path, data=details)
    again = await visitor.post(path, data={**details, "name": "Someone else"})

    assert first.status_code == again.status_code == 303
    assert again.headers["location"] == first.headers["location"]
    customer = await customer_by_email(tenant.client, "linus@example.com")
    assert customer["name"] == "Linus"  # a public form does not rewrite a member's details
    assert customer["marketing_consent"] is False
    cards = ok(await tenant.client.get("/v1/cards", params={"customer_id": customer["id"]}))
    assert len(cards["data"]) == 1


async def test_a_card_with_stamps_is_not_shown_to_whoever_types_its_email(
    tenant: Tenant, visitor: httpx.AsyncClient
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"], "regular@example.com")
    await stamp(tenant.client, issued["id"], 5)  # a free cookie is waiting on it

    answer = await visitor.post(
        join_path(tenant, program["id"]),
        data={"name": "Mallory", "email": "regular@example.com", "marketing_consent": "yes"},
    )

    assert answer.status_code == 200
    assert "You already have a card" in answer.text
    assert issued["id"] not in answer.text
    assert issued["scan_code"] not in answer.text
    customer = await customer_by_email(tenant.client, "regular@example.com")
    assert customer["name"] is None


async def test_email_of_one_member_and_phone_of_another_is_a_field_error(
    tenant: Tenant, visitor: httpx.AsyncClient
) -> None:
    program = await coffee_program(tenant.client)
    ok(await tenant.client.post("/v1/customers", json={"email": "one@example.com"}), 201)
    ok(await tenant.client.post("/v1/customers", json={"phone": "+4915112345678"}), 201)

    answer = await visitor.post(
        join_path(tenant, program["id"]),
        data={"name": "Eve", "email": "one@example.com", "phone": "+4915112345678"},
    )

    assert answer.status_code == 422
    assert error_of(answer.text, "phone") == (
        "This email and phone number belong to different members."
    )


async def test_archived_or_unknown_programs_show_a_friendly_404(
    tenant: Tenant, visitor: httpx.AsyncClient
) -> None:
    program = await coffee_program(tenant.client)
    ok(await tenant.client.patch(f"/v1/programs/{program['id']}", json={"status": "archived"}))

    archived = await visitor.get(join_path(tenant, program["id"]))
    posted = await visitor.post(join_path(tenant, program["id"]), data={"name": "A"})
    unknown = await visitor.get(f"/join/biz_nope/{program['id']}", params={"lang": "de"})

    assert archived.status_code == posted.status_code == unknown.status_code == 404
    assert archived.headers["content-type"].startswith("text/html")
    assert "This card program is not open for sign-ups." in archived.text
    assert "Für dieses Kartenprogramm ist keine Anmeldung möglich." in unknown.text


async def test_absurd_forms_are_refused_before_they_are_read(
    tenant: Tenant, visitor: httpx.AsyncClient
) -> None:
    program = await coffee_program(tenant.client)
    path = join_path(tenant, program["id"])

    huge = await visitor.post(path, data={"name": "A" * 10_000, "email": "a@example.com"})
    many = await visitor.post(path, content="&".join(f"f{i}=x" for i in range(50)))

    assert huge.status_code == many.status_code == 413
    assert huge.json()["code"] == "content_too_large"
    assert many.json()["code"] == "form_too_large"
