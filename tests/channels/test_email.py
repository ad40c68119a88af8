"""Email through a real SMTP server on loopback: the mail as received, parsed (headers, both
parts), the one-click unsubscribe link followed as a mail client does, SMTP's answers mapped to
retry or give up, STARTTLS and login."""

from pathlib import Path
from typing import Any

import httpx
import pytest

from punchcard.channels import delivery
from punchcard.channels.adapter import Context, GiveUp, Keys, Message, Recipient, RetryLater, Sent
from punchcard.channels.reach import Skip
from punchcard.channels.smtp import EmailChannel
from punchcard.config import get_settings
from punchcard.db.engine import Database
from tests.channels.conftest import PUBLIC_URL, Providers, email_settings, member, set_up
from tests.conftest import Tenant
from tests.support.factories import ok, problem
from tests.support.server import free_port
from tests.support.smtp_server import PASSWORD, USERNAME, SmtpServer, smtp_server, tls_files

NEWS = Message(
    key="dlv_01jd3x",
    subject="Double stamps today",
    text="Every coffee counts twice today.",
    html="<p>Every coffee counts <b>twice</b> today.</p>",
)


async def send(db: Database, tenant: Tenant, customer_id: str, message: Message = NEWS) -> Any:
    return await delivery.send(
        db,
        tenant.business_id,
        customer_id=customer_id,
        channel="email",
        kind="marketing",
        message=message,
    )


async def opted_in(tenant: Tenant, mail: SmtpServer, **fields: Any) -> str:
    await set_up(tenant.client, "email", email_settings(mail, **fields))
    customer = await member(tenant, email="ada@example.com", name="Ada", marketing_consent=True)
    return customer.customer_id


async def test_saving_connects_to_the_server_and_keeps_no_secret_in_sight(
    api: httpx.AsyncClient, mail: SmtpServer
) -> None:
    saved = await set_up(api, "email", email_settings(mail))

    assert saved["configured"] is True
    assert saved["settings"]["host"] == "127.0.0.1"
    assert saved["account"] == {"server": f"127.0.0.1:{mail.port}"}
    assert saved["webhook_url"] is None
    assert mail.mailbox.connections == 1


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
async def test_a_refused_login_is_a_422_with_the_servers_reason(api: httpx.AsyncClient) -> None:
    with smtp_server(login=True) as server:
        refused = await api.put(
            "/v1/channels/email",
            json=email_settings(server, username=USERNAME, password="wrong"),
        )

    assert "535" in problem(refused, 422, "channel_credentials_refused")["detail"]
    problem(await api.get("/v1/channels/email"), 404, "channel_not_found")


async def test_a_server_that_does_not_answer_is_a_502(api: httpx.AsyncClient) -> None:
    closed = {"host": "127.0.0.1", "port": free_port(), "security": "none"}

    refused = await api.put(
        "/v1/channels/email", json={**closed, "from_email": "hello@cafe.example"}
    )

    problem(refused, 502, "channel_provider_unavailable")


async def test_a_marketing_mail_arrives_multipart_with_one_click_unsubscribe(
    tenant: Tenant, mail: SmtpServer, db: Database, providers: Providers
) -> None:
    customer_id = await opted_in(
        tenant, mail, reply_to="team@cafe.example", unsubscribe_mailto="leave@cafe.example"
    )

    sent = await send(db, tenant, customer_id)

    assert isinstance(sent, Sent)
    [received] = mail.mailbox.received
    message = received.message
    assert received.rcpt_tos == ["ada@example.com"]
    assert message["From"] == "Café Nord <hello@cafe.example>"
    assert message["To"] == "Ada <ada@example.com>"
    assert message["Subject"] == "Double stamps today"
    assert message["Reply-To"] == "team@cafe.example"
    assert message["Message-ID"] == "<dlv_01jd3x@cafe.example>" == sent.provider_message_id
    assert message.get_content_type() == "multipart/alternative"
    plain, html = message.iter_parts()
    assert plain.get_content().strip() == "Every coffee counts twice today."
    assert html.get_content_type() == "text/html"
    assert "<b>twice</b>" in html.get_content()
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    https, mailto = message["List-Unsubscribe"].split(", ")
    assert https.startswith(f"<{PUBLIC_URL}/unsubscribe/{tenant.business_id}/{customer_id}/email/")
    assert mailto == "<mailto:leave@cafe.example?subject=unsubscribe>"


async def test_the_unsubscribe_link_withdraws_email_consent_with_one_post(
    tenant: Tenant, mail: SmtpServer, db: Database, providers: Providers
) -> None:
    customer_id = await opted_in(tenant, mail)
    await send(db, tenant, customer_id)
    link = httpx.URL(mail.mailbox.received[0].message["List-Unsubscribe"].strip("<>"))

    # What a mail client does for RFC 8058: POST the body below, nothing else.
    answer = await providers.public.post(
        link.path,
        content=b"List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert answer.status_code == 200
    assert "You are unsubscribed" in answer.text
    assert await send(db, tenant, customer_id) == Skip(
        "unsubscribed", "The customer withdrew consent for email."
    )
    changes = ok(await tenant.client.get(f"/v1/customers/{customer_id}/consent-changes"))
    latest = changes["data"][0]
    assert (latest["channel"], latest["granted"], latest["source"]) == (
        "email",
        False,
        "unsubscribe_link",
    )


async def test_opening_the_unsubscribe_link_only_asks(
    tenant: Tenant, mail: SmtpServer, db: Database, providers: Providers
) -> None:
    customer_id = await opted_in(tenant, mail)
    await send(db, tenant, customer_id)
    link = httpx.URL(mail.mailbox.received[0].message["List-Unsubscribe"].strip("<>"))

    page = await providers.public.get(link.path)

    assert page.status_code == 200
    assert '<form method="post"' in page.text
    assert "Unsubscribe" in page.text
    shown = ok(await tenant.client.get(f"/v1/customers/{customer_id}"))
    assert shown["channels"]["email"]["consent"] == "granted"


@pytest.mark.parametrize("method", ["GET", "POST"])
async def test_a_forged_unsubscribe_link_is_not_found(
    tenant: Tenant, mail: SmtpServer, providers: Providers, method: str
) -> None:
    customer_id = await opted_in(tenant, mail)
    path = f"/unsubscribe/{tenant.business_id}/{customer_id}/email/{'A' * 43}"

    answer = await providers.public.request(method, path)

    assert answer.status_code == 404
    shown = ok(await tenant.client.get(f"/v1/customers/{customer_id}"))
    assert shown["channels"]["email"]["consent"] == "granted"


async def test_a_retried_send_carries_the_same_message_id(
    tenant: Tenant, mail: SmtpServer, db: Database
) -> None:
    customer_id = await opted_in(tenant, mail)

    await send(db, tenant, customer_id)
    await send(db, tenant, customer_id)

    first, second = (received.message["Message-ID"] for received in mail.mailbox.received)
    assert first == second


async def test_a_campaign_reuses_its_smtp_connection(
    tenant: Tenant, mail: SmtpServer, db: Database
) -> None:
    customer_id = await opted_in(tenant, mail)
    before = mail.mailbox.connections

    for key in ("dlv_1", "dlv_2", "dlv_3"):
        await send(db, tenant, customer_id, Message(key=key, subject="Hi", text="Hello"))

    assert len(mail.mailbox.received) == 3
    assert mail.mailbox.connections == before + 1


@pytest.mark.parametrize("pipelining", [True, False])
async def test_a_batch_shares_one_connection_and_a_refusal_stays_its_own(
    pipelining: bool, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PUNCHCARD_SMTP_CONNECTIONS", "1")
    get_settings.cache_clear()
    with smtp_server() as mail:
        mail.mailbox.pipelining = pipelining
        mail.mailbox.refuse["c@example.com"] = "550 5.1.1 <c@example.com>: user unknown"
        settings = {"host": mail.host, "port": mail.port, "security": "none"}
        keys = Keys("biz_1", "chn_1", settings | {"from_email": "hi@cafe.example"}, {}, {})
        batch = [
            (Recipient(f"{name}@example.com"), Message(key=f"dlv_{name}", text=f".{name}\n."))
            for name in "abcde"
        ]

        results = await EmailChannel().send_batch(Context(db), keys, batch)

    assert results[2] == GiveUp(
        "invalid_address", "SMTP 550: 5.1.1 <c@example.com>: user unknown", address_dead=True
    )
    assert [result for n, result in enumerate(results) if n != 2] == [
        Sent(f"<dlv_{name}@cafe.example>") for name in "abde"
    ]
    received = {item.rcpt_tos[0]: item.message for item in mail.mailbox.received}
    assert list(received) == [f"{name}@example.com" for name in "abde"]
    assert [message.get_content() for message in received.values()] == [
        f".{name}\r\n.\r\n"
        for name in "abde"  # leading dots arrive as written
    ]
    assert mail.mailbox.connections == 1
    get_settings.cache_clear()


async def test_a_mailbox_the_server_refuses_for_good_is_given_up(
    tenant: Tenant, mail: SmtpServer, db: Database
) -> None:
    customer_id = await opted_in(tenant, mail)
    mail.mailbox.refuse["ada@example.com"] = "550 5.1.1 <ada@example.com>: user unknown"

    result = await send(db, tenant, customer_id)

    assert result == GiveUp(
        "invalid_address", "SMTP 550: 5.1.1 <ada@example.com>: user unknown", address_dead=True
    )


async def test_a_mailbox_the_server_defers_is_retried(
    tenant: Tenant, mail: SmtpServer, db: Database
) -> None:
    customer_id = await opted_in(tenant, mail)
    mail.mailbox.refuse["ada@example.com"] = "451 4.7.1 Greylisted, try again later"

    result = await send(db, tenant, customer_id)

    assert isinstance(result, RetryLater)
    assert result.reason == "provider_unavailable"
    assert "451" in result.detail


async def test_starttls_with_a_verified_certificate_and_login(
    tenant: Tenant, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ca, cert, key = tls_files(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))  # the system's trust store, as an operator adds
    with smtp_server(login=True, tls=(cert, key)) as server:
        customer_id = await opted_in(
            tenant, server, security="starttls", username=USERNAME, password=PASSWORD
        )

        sent = await send(db, tenant, customer_id)

    assert isinstance(sent, Sent)
    assert server.mailbox.received[0].message["Subject"] == "Double stamps today"


async def test_a_server_without_the_asked_for_login_is_refused(api: httpx.AsyncClient) -> None:
    with smtp_server() as server:  # no AUTH offered
        login = {"username": USERNAME, "password": PASSWORD}
        refused = await api.put("/v1/channels/email", json=email_settings(server, **login))

    assert "AUTH" in problem(refused, 422, "channel_credentials_refused")["detail"]


async def test_a_test_message_goes_to_any_address(api: httpx.AsyncClient, mail: SmtpServer) -> None:
    await set_up(api, "email", email_settings(mail))

    answer = ok(await api.post("/v1/channels/email/test", json={"address": "Boss@Cafe.Example"}))

    assert answer["status"] == "sent"
    [received] = mail.mailbox.received
    assert received.rcpt_tos == ["boss@cafe.example"]
    assert received.message["Subject"] == "Punchcard test"
    assert received.message["List-Unsubscribe"] is None
