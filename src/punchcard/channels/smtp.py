"""Email over the business's SMTP server (aiosmtplib): STARTTLS, implicit TLS or plain, with or
without login. Each message is multipart (plain text, and HTML when given), carries a Message-ID
made from the delivery's key (a retried send is recognisable as the same message) and, for a
customer, ``List-Unsubscribe`` with ``List-Unsubscribe-Post: List-Unsubscribe=One-Click``
(RFC 8058: mail clients unsubscribe with one POST to the link); ``smtp_mime`` writes it.

Connections are kept open per SMTP account and reused (a campaign does not reconnect for each
message); one that the server closed meanwhile is replaced once. A batch (``send_batch``, what
the campaign sender uses) is shared over up to ``smtp_connections`` connections at once, each
sending its share pipelined (``smtp_pipe``).
"""

import asyncio
import time
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
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
from punchcard.channels.smtp_mime import compose, letterhead, message_id
from punchcard.channels.smtp_pipe import Broken, Mail, Pipe
from punchcard.config import get_settings

Security = Literal["starttls", "ssl", "none"]
IDLE_SECONDS = 60.0  # servers drop idle clients after a few minutes; we let go sooner


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
        if smtp.is_ehlo_or_helo_needed:
            await smtp.ehlo()
        return smtp

    async def pipe(self) -> Pipe:
        return Pipe(await self.connect(), get_settings().smtp_timeout_seconds)


class Pool:
    """Idle connections by SMTP account, for one event loop."""

    def __init__(self) -> None:
        self.idle: dict[Server, list[tuple[float, Pipe]]] = {}

    async def take(self, server: Server) -> tuple[Pipe, bool]:
        """A connection, and whether it was reused (it may have been closed by the server)."""
        waiting = self.idle.get(server, [])
        while waiting:
            since, pipe = waiting.pop()
            if pipe.is_open and time.monotonic() - since < IDLE_SECONDS:
                return pipe, True
            await pipe.quit()
        return await server.pipe(), False

    async def give_back(self, server: Server, pipe: Pipe) -> None:
        waiting = self.idle.setdefault(server, [])
        if len(waiting) < get_settings().smtp_connections:
            waiting.append((time.monotonic(), pipe))
        else:
            await pipe.quit()

    async def close(self) -> None:
        for waiting in self.idle.values():
            for _, pipe in waiting:
                await pipe.quit()
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
        [result] = await self.send_batch(context, keys, [(recipient, message)])
        return result

    async def send_batch(
        self, context: Context, keys: Keys, items: Sequence[tuple[Recipient, Message]]
    ) -> list[SendResult]:
        """Each message's result, in order: the batch split over up to ``smtp_connections``
        connections, each sending its share in turn (pipelined where the server allows)."""
        server = Server.of(keys)
        letter = letterhead(keys.settings)
        mails = [
            Mail(
                sender=letter.from_email,
                recipient=recipient.address,
                content=compose(letter, recipient, message),
                utf8=not recipient.address.isascii(),
            )
            for recipient, message in items
        ]
        ids = [message_id(message.key, letter.from_email) for _, message in items]
        connections = max(1, min(get_settings().smtp_connections, len(mails)))
        shares = [mails[n::connections] for n in range(connections)]
        outcomes = await asyncio.gather(*(_send_share(server, share) for share in shares))
        results: list[SendResult | None] = [None] * len(mails)
        for n, share in enumerate(outcomes):
            results[n::connections] = share
        return [
            Sent(ids[position]) if result is None else result
            for position, result in enumerate(results)
        ]

    def verify(self, keys: Keys, inbound: Inbound) -> None:
        raise BadSignature("Email has no inbound webhook.")

    def events(self, inbound: Inbound) -> list[InboundEvent]:
        return []

    def answer(self, keys: Keys, answered: list[Answered]) -> dict[str, Any] | None:
        return None


async def _send_share(server: Server, mails: list[Mail]) -> list[SendResult | None]:
    """The mails over one connection: None for each accepted, else its failure. A connection
    that the server closed while idle is replaced once; any other break fails what is left."""
    outcomes: list[SendResult | None] = []
    for _ in range(2):
        try:
            pipe, reused = await pool().take(server)
        except (aiosmtplib.SMTPException, OSError) as exc:
            return outcomes + [_failure(exc)] * (len(mails) - len(outcomes))
        try:
            done = await pipe.send(mails[len(outcomes) :])
        except Broken as broken:
            outcomes += [_result(exc) for exc in broken.done]
            if reused and not broken.done:
                continue  # closed while idle: once more on a new one
            return outcomes + [_failure(broken.cause)] * (len(mails) - len(outcomes))
        await pool().give_back(server, pipe)
        return outcomes + [_result(exc) for exc in done]
    raise AssertionError("unreachable: the second try uses a new connection")


def _result(refused: Exception | None) -> SendResult | None:
    return None if refused is None else _failure(refused)
