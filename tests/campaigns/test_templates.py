"""Message templates: checked when saved (unknown variables, syntax, sandbox, Telegram's tags),
previewed for a real and a sample customer, HTML parts escaped."""

import httpx
import pytest

from tests.campaigns.conftest import consenting, email_template
from tests.conftest import Tenant
from tests.support.factories import ok, problem


async def test_an_unknown_variable_is_refused_when_saved(api: httpx.AsyncClient) -> None:
    body = {
        "name": "Oops",
        "channel": "email",
        "bodies": {"en": {"subject": "Hi", "text": "Hello {{ customer_nam }}"}},
    }
    refused = problem(await api.post("/v1/message-templates", json=body), 422, "validation_error")
    assert "customer_nam" in refused["detail"]
    assert ok(await api.get("/v1/message-templates"))["data"] == []


@pytest.mark.parametrize(
    ("parts", "says"),
    [
        ({"subject": "Hi", "text": "{{ stamps"}, "not a valid template"),
        ({"subject": "Hi", "text": "{{ stamps.__class__.__mro__ }}"}, "does not render"),
        ({"text": "no subject"}, "needs a subject"),
        ({"subject": "Hi", "text": "a\x00b"}, "NUL"),
    ],
)
async def test_a_template_that_cannot_render_is_refused(
    api: httpx.AsyncClient, parts: dict[str, str], says: str
) -> None:
    body = {"name": "Bad", "channel": "email", "bodies": {"en": parts}}
    refused = problem(await api.post("/v1/message-templates", json=body), 422, "validation_error")
    assert says in refused["detail"]


async def test_telegram_templates_take_only_telegrams_html_tags(api: httpx.AsyncClient) -> None:
    parts = {"text": "hi", "html": "<b>{{ first_name }}</b> <div>no</div>"}
    body = {"name": "Tg", "channel": "telegram", "bodies": {"en": parts}}
    refused = problem(await api.post("/v1/message-templates", json=body), 422, "validation_error")
    assert "div" in refused["detail"]


async def test_preview_renders_for_a_sample_customer_and_escapes_html(
    api: httpx.AsyncClient,
) -> None:
    made = await email_template(api, html="<p>{{ business_name }}</p>")
    shown = ok(await api.post(f"/v1/message-templates/{made['id']}/preview", json={}))
    assert shown["subject"] == "Hi Ada"
    assert shown["html"] == "<p>Café Nord</p>"
    assert shown["customer_id"] is None


async def test_preview_renders_for_a_real_customer_in_their_language(tenant: Tenant) -> None:
    api = tenant.client
    fan = await consenting(tenant, name="Björn <b>", language="de-AT")
    body = {
        "name": "Both",
        "channel": "email",
        "default_language": "en",
        "bodies": {
            "en": {
                "subject": "Hi {{ first_name }}",
                "text": "{{ stamps }}",
                "html": "{{ customer_name }}",
            },
            "de": {
                "subject": "Hallo {{ first_name }}",
                "text": "{{ card_link }}",
                "html": "{{ customer_name }}",
            },
        },
    }
    made = ok(await api.post("/v1/message-templates", json=body), 201)
    shown = ok(
        await api.post(
            f"/v1/message-templates/{made['id']}/preview", json={"customer_id": fan.customer_id}
        )
    )
    assert shown["language"] == "de"
    assert shown["subject"] == "Hallo Björn"
    assert shown["text"].endswith(fan.card_path)
    assert shown["html"] == "Björn &lt;b&gt;"


async def test_preview_for_another_business_customer_is_not_found(
    api: httpx.AsyncClient,
) -> None:
    made = await email_template(api)
    missing = await api.post(
        f"/v1/message-templates/{made['id']}/preview", json={"customer_id": "cus_nope"}
    )
    problem(missing, 404, "customer_not_found")


async def test_a_patch_is_checked_as_a_whole(api: httpx.AsyncClient) -> None:
    made = await email_template(api)
    refused = await api.patch(
        f"/v1/message-templates/{made['id']}", json={"default_language": "fr"}
    )
    problem(refused, 422, "template_invalid")
    changed = ok(
        await api.patch(
            f"/v1/message-templates/{made['id']}",
            json={
                "bodies": {"fr": {"subject": "Salut", "text": "{{ stamps }}"}},
                "default_language": "fr",
            },
        )
    )
    assert set(changed["bodies"]) == {"fr"}


async def test_the_variables_are_listed_with_samples(api: httpx.AsyncClient) -> None:
    found = {row["name"]: row for row in ok(await api.get("/v1/message-templates/variables"))}
    assert found["voucher_code"]["sample"] == "COOKIE-7K2Q"
    assert "unsubscribe_link" in found
