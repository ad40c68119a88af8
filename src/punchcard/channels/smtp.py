"""Email over the business's SMTP server (aiosmtplib): STARTTLS, implicit TLS or plain, with or
without login. Each message is multipart (plain text, and HTML when given), carries a Message-ID
made from the delivery's key (a retried send is recognisable as the same message) and, for a
customer, ``List-Unsubscribe`` with ``List-Unsubscribe-Post: List-Unsubscribe=One-Click``
(RFC 8058: mail clients unsubscribe with one POST to the link).

Connections are kept open per SMTP account and reused (a campaign does not reconnect for each
message); one that the server closed meanwhile is replaced once.
"""

import asyncio
import re
import time
import weakref
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formataddr, formatdate
from typing import Any, Literal

import aiosmtplib

from punchcard.channels.adapter import (
    Account,
    Answered,
    BadSignature,
    ChannelType,
    Context,
    CredentialsRefused,
    GiveUp,
    Inbound,
    InboundEvent,
    Keys,
    Message,
    ProviderUnavailable,
    Recipient,
    RetryLater,
    SendResult,
    Sent,
)
from punchcard.config import get_settings

Security = Literal["starttls", "ssl", "none"]
MAX_IDLE = 8  # open connections kept per SMTP account
IDLE_SECONDS = 60.0  # servers drop idle clients after a few minutes; we let go sooner
NOT_IN_ID = re.compile(r"[^A-Za-z0-9._-]")


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    security: Security
    username: str | None
    password: str | None = field(repr=False)

    @classmethod
    def of(cls, keys: Keys) -> "Server":
        return cls(
            host=str(keys.settings["host"]),
            port=int(keys.settings["port"]),
            security=keys.settings.get("security", "starttls"),
            username=keys.credentials.get("username"),
            password=keys.credentials.get("password"),
        )

    async def connect(self) -> aiosmtplib.SMTP:
        smtp = aiosmtplib.SMTP(
            hostname=self.host,
            port=self.port,
            username=self.username,
            password=self.password,
            use_tls=self.security == "ssl",
            start_tls=self.security == "starttls",
            timeout=get_settings().smtp_timeout_seconds,
        )
        await smtp.connect()  # TLS and login included
        return smtp


class Pool:
    """Idle connections by SMTP account, for one event loop."""

    def __init__(self) -> None:
        self.idle: dict[Server, list[tuple[float, aiosmtplib.SMTP]]] = {}

    async def take(self, server: Server) -> tuple[aiosmtplib.SMTP, bool]:
        """A connection, and whether it was reused (it may have been closed by the server)."""
        waiting = self.idle.get(server, [])
        while waiting:
            since, smtp = waiting.pop()
            if smtp.is_connected and time.monotonic() - since < IDLE_SECONDS:
                return smtp, True
            await _close(smtp)
        return await server.connect(), False

    async def give_back(self, server: Server, smtp: aiosmtplib.SMTP) -> None:
        waiting = self.idle.setdefault(server, [])
        if len(waiting) < MAX_IDLE:
            waiting.append((time.monotonic(), smtp))
        else:
            await _close(smtp)

    async def close(self) -> None:
        for waiting in self.idle.values():
            for _, smtp in waiting:
                await _close(smtp)
        self.idle.clear()


_pools: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Pool]" = weakref.WeakKeyDictionary()


def pool() -> Pool:
    return _pools.setdefault(asyncio.get_running_loop(), Pool())


async def close() -> None:
    found = _pools.pop(asyncio.get_running_loop(), None)
    if found is not None:
        await found.close()


async def _close(smtp: aiosmtplib.SMTP) -> None:
    if smtp.is_connected:
        try:
            await smtp.quit()
        except aiosmtplib.SMTPException:
            smtp.close()


def message_id(key: str, from_email: str) -> str:
    domain = from_email.rpartition("@")[2] or "punchcard.invalid"
    return f"<{NOT_IN_ID.sub('-', key)}@{domain}>"


def compose(keys: Keys, recipient: Recipient, message: Message) -> EmailMessage:
    settings = keys.settings
    mail = EmailMessage()
    mail["From"] = formataddr((settings.get("from_name") or "", settings["from_email"]))
    mail["To"] = formataddr((recipient.name or "", recipient.address))
    mail["Subject"] = message.subject or ""
    mail["Date"] = formatdate(usegmt=True)
    mail["Message-ID"] = message_id(message.key, settings["from_email"])
    if settings.get("reply_to"):
        mail["Reply-To"] = settings["reply_to"]
    if recipient.unsubscribe_url:
        targets = [f"<{recipient.unsubscribe_url}>"]
        if settings.get("unsubscribe_mailto"):
            targets.append(f"<mailto:{settings['unsubscribe_mailto']}?subject=unsubscribe>")
        mail["List-Unsubscribe"] = ", ".join(targets)
        mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    mail.set_content(message.text)
    if message.html:
        mail.add_alternative(message.html, subtype="html")
    return mail


def _failure(exc: Exception) -> RetryLater | GiveUp:
    """An SMTP error as a send result: 4xx replies and lost connections are worth a retry,
    5xx replies are not."""
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused) and exc.recipients:
        exc = exc.recipients[0]
    if isinstance(exc, aiosmtplib.SMTPTimeoutError | asyncio.TimeoutError):
        return RetryLater("timeout", "The SMTP server did not answer in time.")
    if isinstance(exc, aiosmtplib.SMTPResponseException):
        detail = f"SMTP {exc.code}: {exc.message}"
        if exc.code < 500:
            return RetryLater("provider_unavailable", detail)
        if isinstance(exc, aiosmtplib.SMTPAuthenticationError):
            return GiveUp("channel_unusable", detail)
        if isinstance(exc, aiosmtplib.SMTPRecipientRefused):
            return GiveUp("invalid_address", detail, address_dead=True)
        if isinstance(exc, aiosmtplib.SMTPSenderRefused):
            return GiveUp("channel_unusable", detail)
        return GiveUp("message_rejected", detail)
    if isinstance(exc, OSError | aiosmtplib.SMTPConnectError | aiosmtplib.SMTPServerDisconnected):
        return RetryLater("network_error", f"SMTP server unreachable: {type(exc).__name__}: {exc}")
    # The server cannot do what the settings ask (no AUTH, no STARTTLS, ...).
    return GiveUp("channel_unusable", f"SMTP: {exc}")


class EmailChannel:
    type: ChannelType = "email"
    max_per_second: float | None = None

    async def check(self, context: Context, keys: Keys) -> Account:
        """Connect, start TLS and log in as a send would, then say goodbye."""
        server = Server.of(keys)
        try:
            smtp = await server.connect()
            await smtp.noop()
            await _close(smtp)
        except (aiosmtplib.SMTPException, OSError) as exc:
            failure = _failure(exc)
            if isinstance(failure, GiveUp):
                raise CredentialsRefused(failure.detail) from None
            raise ProviderUnavailable(failure.detail) from None
        return Account({"server": f"{server.host}:{server.port}"})

    async def connect(self, context: Context, keys: Keys, webhook_url: str) -> None:
        """Email has no inbound webhook (unsubscribes come through the one-click link)."""

    async def disconnect(self, context: Context, keys: Keys) -> None:
        """Nothing to undo."""

    async def send(
        self, context: Context, keys: Keys, recipient: Recipient, message: Message
    ) -> SendResult:
        server = Server.of(keys)
        mail = compose(keys, recipient, message)
        for _ in range(2):
            try:
                smtp, reused = await pool().take(server)
            except (aiosmtplib.SMTPException, OSError) as exc:
                return _failure(exc)
            try:
                await smtp.send_message(mail)
            except aiosmtplib.SMTPServerDisconnected as exc:
                smtp.close()
                if reused:
                    continue  # the server closed it while idle: once more on a new one
                return _failure(exc)
            except (aiosmtplib.SMTPException, OSError) as exc:
                smtp.close()  # its state after a refusal is unknown: not for reuse
                return _failure(exc)
            await pool().give_back(server, smtp)
            return Sent(str(mail["Message-ID"]))
        raise AssertionError("unreachable: the second try uses a new connection")

    def verify(self, keys: Keys, inbound: Inbound) -> None:
        raise BadSignature("Email has no inbound webhook.")

    def events(self, inbound: Inbound) -> list[InboundEvent]:
        return []

    def answer(self, keys: Keys, answered: list[Answered]) -> dict[str, Any] | None:
        return None
