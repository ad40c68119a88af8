"""Mail transactions over one SMTP connection, pipelined (RFC 2920) when the server offers
PIPELINING: each message's MAIL, RCPT and DATA go in one write, and its content goes with the
next message's MAIL, RCPT and DATA, so a message costs one round trip instead of four.

aiosmtplib opens the connection (TLS, STARTTLS, login, EHLO); its reader takes one reply per
command written, so the connection's transport is then handed to ``Replies``, which reads any
number of replies from one packet. Replies that refuse come back as aiosmtplib's exceptions, so
``smtp._failure`` maps both the same way."""

import asyncio
import contextlib
from collections import deque
from dataclasses import dataclass
from typing import cast

import aiosmtplib

# A reply: its code and its text (continuation lines joined with "\n", as aiosmtplib does).
Reply = tuple[int, str]


class Replies(asyncio.Protocol):
    """The connection's incoming side: complete replies, in order."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout  # for each reply
        self.buffer = bytearray()
        self.lines: list[bytes] = []
        self.ready: deque[Reply] = deque()
        self.waiter: asyncio.Future[None] | None = None
        self.lost: Exception | None = None

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\n")) >= 0:
            line = bytes(self.buffer[: end + 1])
            del self.buffer[: end + 1]
            self.lines.append(line)
            if line[3:4] != b"-":  # the last line of a reply
                code = int(line[:3]) if line[:3].isdigit() else 0
                text = "\n".join(part[4:].strip().decode("utf-8", "replace") for part in self.lines)
                self.lines = []
                self.ready.append((code, text))
        self._wake()

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = aiosmtplib.SMTPServerDisconnected(
            f"Connection lost: {exc}" if exc else "The server closed the connection."
        )
        self._wake()

    def eof_received(self) -> bool:
        return False  # close our side too

    def _wake(self) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)

    async def next(self) -> Reply:
        async with asyncio.timeout(self.timeout):
            while not self.ready:
                if self.lost is not None:
                    raise self.lost
                self.waiter = asyncio.get_running_loop().create_future()
                await self.waiter
        return self.ready.popleft()


@dataclass(frozen=True)
class Mail:
    """One message's envelope and content (dot-stuffed, CRLF, without the final dot)."""

    sender: str
    recipient: str
    content: bytes
    utf8: bool  # an address that is not ASCII (SMTPUTF8)


class Pipe:
    """A connection aiosmtplib opened, taken over for mail transactions."""

    def __init__(self, smtp: aiosmtplib.SMTP, timeout: float) -> None:
        assert smtp.protocol is not None
        self.transport = cast(asyncio.WriteTransport, smtp.protocol.transport)
        self.replies = Replies(timeout)
        self.transport.set_protocol(self.replies)
        self.pipelining = smtp.supports_extension("pipelining")
        self.smtputf8 = smtp.supports_extension("smtputf8")

    @property
    def is_open(self) -> bool:
        return self.replies.lost is None and not self.transport.is_closing()

    def close(self) -> None:
        self.transport.close()

    async def quit(self) -> None:
        if self.is_open:
            self.transport.write(b"QUIT\r\n")
            with contextlib.suppress(aiosmtplib.SMTPException, TimeoutError, OSError):
                await self.replies.next()
        self.close()

    def _write(self, data: bytes) -> None:
        if not self.is_open:
            raise self.replies.lost or aiosmtplib.SMTPServerDisconnected("Connection closed.")
        self.transport.write(data)

    def _envelope(self, mail: Mail) -> list[bytes]:
        option = b" SMTPUTF8" if mail.utf8 and self.smtputf8 else b""
        return [
            b"MAIL FROM:<" + mail.sender.encode() + b">" + option + b"\r\n",
            b"RCPT TO:<" + mail.recipient.encode() + b">\r\n",
            b"DATA\r\n",
        ]

    async def send(self, mails: list[Mail]) -> list[Exception | None]:
        """Each mail's outcome: None (accepted) or the refusal (aiosmtplib's exception). A
        broken connection (timeout, disconnect) raises ``Broken`` with the outcomes so far."""
        outcomes: list[Exception | None] = []
        try:
            if self.pipelining:
                await self._pipelined(mails, outcomes)
            else:
                for mail in mails:
                    outcomes.append(await self._one_by_one(mail))
        except (aiosmtplib.SMTPException, TimeoutError, OSError) as exc:
            self.close()
            raise Broken(outcomes, exc) from None
        return outcomes

    async def _pipelined(self, mails: list[Mail], outcomes: list[Exception | None]) -> None:
        self._write(b"".join(self._envelope(mails[0])))
        for position, mail in enumerate(mails):
            following = mails[position + 1] if position + 1 < len(mails) else None
            after = b"".join(self._envelope(following)) if following is not None else b""
            mail_from, rcpt_to, data = [await self.replies.next() for _ in range(3)]
            refused = _refusal(mail, mail_from, rcpt_to, data)
            if refused is not None:
                outcomes.append(refused)
                self._write(b"RSET\r\n" + after)
                await self.replies.next()
                continue
            self._write(mail.content + b".\r\n" + after)
            code, text = await self.replies.next()
            outcomes.append(None if code == 250 else aiosmtplib.SMTPDataError(code, text))

    async def _one_by_one(self, mail: Mail) -> Exception | None:
        replies = []
        for command in self._envelope(mail):
            self._write(command)
            replies.append(await self.replies.next())
            if replies[-1][0] >= 400:
                break
        while len(replies) < 3:
            replies.append((503, "Not sent: an earlier command was refused."))
        refused = _refusal(mail, *replies)
        if refused is not None:
            self._write(b"RSET\r\n")
            await self.replies.next()
            return refused
        self._write(mail.content + b".\r\n")
        code, text = await self.replies.next()
        return None if code == 250 else aiosmtplib.SMTPDataError(code, text)


class Broken(Exception):
    """The connection broke: ``done`` holds the outcomes of the mails before the break."""

    def __init__(self, done: list[Exception | None], cause: Exception) -> None:
        super().__init__(str(cause))
        self.done = done
        self.cause = cause


def _refusal(mail: Mail, mail_from: Reply, rcpt_to: Reply, data: Reply) -> Exception | None:
    if mail_from[0] != 250:
        return aiosmtplib.SMTPSenderRefused(*mail_from, mail.sender)
    if rcpt_to[0] not in (250, 251):
        return aiosmtplib.SMTPRecipientRefused(*rcpt_to, mail.recipient)
    if data[0] != 354:
        return aiosmtplib.SMTPDataError(*data)
    return None
