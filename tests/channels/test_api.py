"""The channel settings API and the public channel routes against bad input: wrong types, nulls,
NUL bytes, unknown fields, huge bodies, foreign and unknown ids, other roles."""

from typing import Any

import httpx
import pytest

from tests.channels.conftest import TELEGRAM, Providers, email_settings, member, set_up
from tests.conftest import Tenant
from tests.support.factories import ok, problem, staff_key
from tests.support.smtp_server import PASSWORD, USERNAME, SmtpServer, smtp_server


async def test_the_list_names_every_channel_type(api: httpx.AsyncClient, mail: SmtpServer) -> None:
    await set_up(api, "email", email_settings(mail))

    listed = ok(await api.get("/v1/channels"))["data"]

    assert [(c["type"], c["configured"]) for c in listed] == [
        ("wallet", False),
        ("email", True),
        ("telegram", False),
        ("whatsapp", False),
        ("viber", False),
    ]


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
async def test_a_password_is_never_returned(api: httpx.AsyncClient) -> None:
    with smtp_server(login=True) as server:
        login = {"username": USERNAME, "password": PASSWORD}
        saved = await set_up(api, "email", email_settings(server, **login))

    shown = ok(await api.get("/v1/channels/email"))

    assert shown == saved
    assert PASSWORD not in str(shown)
    assert "username" not in shown["settings"]
    assert shown["credentials_set"] is True


async def test_managers_manage_channels_and_scanners_may_not(
    tenant: Tenant, mail: SmtpServer
) -> None:
    _, manager_key = await staff_key(tenant.client, "manager")
    _, scanner_key = await staff_key(tenant.client, "scanner")
    manager = await tenant.client_for(manager_key)
    scanner = await tenant.client_for(scanner_key)

    ok(await manager.put("/v1/channels/email", json=email_settings(mail)))

    for request in (
        scanner.get("/v1/channels"),
        scanner.put("/v1/channels/email", json=email_settings(mail)),
        scanner.delete("/v1/channels/email"),
        scanner.post("/v1/channels/email/test", json={"address": "a@example.com"}),
    ):
        body = problem(await request, 403, "insufficient_role")
        assert body["required_permission"] == "channels:manage"


async def test_another_businesss_channel_is_not_there(
    tenant: Tenant, stranger: Tenant, mail: SmtpServer
) -> None:
    await set_up(tenant.client, "email", email_settings(mail))

    problem(await stranger.client.get("/v1/channels/email"), 404, "channel_not_found")
    problem(await stranger.client.delete("/v1/channels/email"), 404, "channel_not_found")
    refused = await stranger.client.post("/v1/channels/email/test", json={"address": "a@b.co"})
    problem(refused, 404, "channel_not_found")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"host": "mail\x00.example", "from_email": "a@b.co"}, "body.host"),
        ({"host": None, "from_email": "a@b.co"}, "body.host"),
        ({"host": "mail.example", "from_email": "a@b.co", "port": "twenty-five"}, "body.port"),
        ({"host": "mail.example", "from_email": "a@b.co", "port": 70000}, "body.port"),
        ({"host": "mail.example", "from_email": "not an address"}, "body.from_email"),
        ({"host": "mail.example", "from_email": "a@b.co", "security": "tls1.0"}, "body.security"),
        ({"host": "mail.example", "from_email": "a@b.co", "password": "pa\x00ss"}, "body.password"),
        ({"host": "mail.example", "from_email": "a@b.co", "tls": True}, "body.tls"),
        ({"host": "x" * 300, "from_email": "a@b.co"}, "body.host"),
        (
            {"host": "mail.example", "from_email": "a@b.co", "transactional": "always"},
            "body.transactional",
        ),
    ],
)
async def test_a_bad_email_setting_is_a_422_naming_the_field(
    api: httpx.AsyncClient, body: dict[str, Any], field: str
) -> None:
    refused = await api.put("/v1/channels/email", json=body)

    errors = problem(refused, 422, "validation_error")["errors"]
    assert field in [error["field"] for error in errors]


@pytest.mark.parametrize("body", [[], "telegram", 42, None])
async def test_a_body_that_is_not_an_object_is_a_422(api: httpx.AsyncClient, body: Any) -> None:
    problem(await api.put("/v1/channels/telegram", json=body), 422, "validation_error")


async def test_a_telegram_token_of_the_wrong_shape_is_refused_before_telegram_is_asked(
    api: httpx.AsyncClient, providers: Providers
) -> None:
    refused = await api.put("/v1/channels/telegram", json={"bot_token": "not-a-token\x00"})

    assert problem(refused, 422, "validation_error")["errors"][0]["field"] == "body.bot_token"
    assert providers.telegram.webhook == {}


async def test_an_unknown_channel_type_is_a_422(api: httpx.AsyncClient) -> None:
    problem(await api.put("/v1/channels/sms", json={}), 422, "validation_error")
    problem(await api.get("/v1/channels/fax"), 422, "validation_error")


async def test_a_huge_settings_body_is_refused(api: httpx.AsyncClient) -> None:
    huge = {"host": "mail.example", "from_email": "a@b.co", "from_name": "x" * 2_000_000}

    refused = await api.put("/v1/channels/email", json=huge)

    assert refused.status_code in (413, 422)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"address": None}, "body.address"),
        ({"address": "a@b.co", "text": None}, "body.text"),
        ({"address": "a@b.co", "text": "x" * 5000}, "body.text"),
        ({"address": "a\x00@b.co"}, "body.address"),
        ({"address": "not-an-email"}, "body.address"),
        (
            {"address": "a@b.co", "template": {"name": "Bad Name", "language": "en"}},
            "body.template.name",
        ),
    ],
)
async def test_a_bad_test_message_is_a_422_naming_the_field(
    api: httpx.AsyncClient, mail: SmtpServer, body: dict[str, Any], field: str
) -> None:
    await set_up(api, "email", email_settings(mail))

    errors = problem(await api.post("/v1/channels/email/test", json=body), 422, "validation_error")

    assert field in [error["field"] for error in errors["errors"]]
    assert mail.mailbox.received == []


async def test_a_test_message_to_a_channel_not_set_up_is_not_found(api: httpx.AsyncClient) -> None:
    refused = await api.post("/v1/channels/viber/test", json={"address": "01234567890A="})

    problem(refused, 404, "channel_not_found")


async def test_a_webhook_for_an_unknown_channel_is_not_found(providers: Providers) -> None:
    answer = await providers.public.post("/channels/chn_nothing/webhook", content=b"{}")

    problem(answer, 404, "channel_not_found")


async def test_a_huge_webhook_is_refused_unread(
    api: httpx.AsyncClient, providers: Providers
) -> None:
    saved = await set_up(api, "telegram", TELEGRAM)

    answer = await providers.public.post(
        f"/channels/{saved['id']}/webhook", content=b"{" + b" " * 200_000 + b"}"
    )

    problem(answer, 413, "content_too_large")


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b"null",
        b'{"message": null}',
        b'{"message": {"chat": "\\u0000"}}',
        b'{"update_id": 1, "message": {"chat": {"id": 1, "type": "private"}, "text": 5}}',
    ],
)
async def test_a_signed_update_that_says_nothing_is_answered_and_ignored(
    api: httpx.AsyncClient, providers: Providers, body: bytes
) -> None:
    saved = await set_up(api, "telegram", TELEGRAM)
    secret = providers.telegram.webhook["secret_token"]

    answer = await providers.public.post(
        f"/channels/{saved['id']}/webhook",
        content=body,
        headers={"X-Telegram-Bot-Api-Secret-Token": secret},
    )

    assert answer.status_code == 200
    assert answer.content == b""


@pytest.mark.parametrize("suffix", ["connect/telegram", "connect/sms", "connect/email"])
async def test_a_connect_link_without_a_set_up_messenger_is_a_friendly_404(
    tenant: Tenant, providers: Providers, suffix: str
) -> None:
    customer = await member(tenant)

    answer = await providers.public.get(f"{customer.card_path}/{suffix}")

    assert answer.status_code == 404
    assert "text/html" in answer.headers["content-type"]


async def test_a_connect_link_with_a_wrong_card_token_is_a_404(
    tenant: Tenant, providers: Providers
) -> None:
    await set_up(tenant.client, "telegram", TELEGRAM)
    customer = await member(tenant)
    forged = customer.card_path.rsplit("/", 1)[0] + "/" + "A" * 43

    assert (await providers.public.get(f"{forged}/connect/telegram")).status_code == 404


@pytest.mark.parametrize(
    "consents",
    [{}, {"sms": True}, {"email": "yes"}, {"email": None}, None, [], {"email\x00": True}],
)
async def test_bad_consents_are_a_422(tenant: Tenant, consents: Any) -> None:
    customer = await member(tenant)

    refused = await tenant.client.patch(
        f"/v1/customers/{customer.customer_id}", json={"consents": consents}
    )

    problem(refused, 422, "validation_error")


async def test_an_unknown_customer_is_not_found(api: httpx.AsyncClient) -> None:
    problem(await api.get("/v1/customers/cus_nobody"), 404, "customer_not_found")
    problem(
        await api.patch("/v1/customers/cus_nobody", json={"consents": {"email": True}}),
        404,
        "customer_not_found",
    )
    problem(await api.get("/v1/customers/" + "x" * 100), 422, "validation_error")
