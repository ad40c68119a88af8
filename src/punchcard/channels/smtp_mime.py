"""An email's bytes, written directly: the standard library's ``EmailMessage`` parses and refolds
every header through its header registry, which cost about 30 times the rest of a campaign
send. The message is the same: From, To, Subject (RFC 2047 when not ASCII), Date, Message-ID,
Reply-To, List-Unsubscribe (RFC 8058), and a plain-text part with an optional HTML alternative,
each 7bit when it can be and quoted-printable otherwise (so the message is 7-bit clean).

What is the same for every message of a sender (From, Reply-To, the mailto unsubscribe target)
is made once per channel settings (``Letterhead``); per recipient only the variable parts are
encoded."""

import binascii
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from email.header import Header
from email.utils import formataddr, formatdate
from functools import lru_cache
from typing import Any

from punchcard.channels.adapter import Message, Recipient

NOT_IN_ID = re.compile(r"[^A-Za-z0-9._-]")
LINE_BREAKS = re.compile(r"\r\n|\r|\n")
LEADING_DOT = re.compile(rb"^\.", re.MULTILINE)
MAX_LINE = 998  # RFC 5322 without the CRLF


def message_id(key: str, from_email: str) -> str:
    domain = from_email.rpartition("@")[2] or "punchcard.invalid"
    return f"<{NOT_IN_ID.sub('-', key)}@{domain}>"


def _one_line(value: str) -> str:
    """A header value never carries a line break of its own (no header injection)."""
    return " ".join(value.splitlines())


def _header(name: str, value: str) -> bytes:
    """``Name: value``, RFC 2047-encoded (and folded) when the value is not ASCII; an ASCII
    value is folded only past the line limit (addresses and links read better whole)."""
    value = _one_line(value)
    if value.isascii() and len(name) + len(value) < MAX_LINE - 2:
        return f"{name}: {value}\r\n".encode()
    charset = "us-ascii" if value.isascii() else "utf-8"
    encoded = Header(value, charset, header_name=name).encode(linesep="\r\n")
    return f"{name}: {encoded}\r\n".encode("ascii")


def _address(name: str | None, address: str) -> str:
    return formataddr((_one_line(name or ""), address))


@dataclass(frozen=True)
class Letterhead:
    """The headers one sender's messages share, encoded once."""

    from_email: str
    head: bytes  # From and Reply-To
    mailto: str | None  # the List-Unsubscribe mailto target


@lru_cache(maxsize=256)
def _letterhead(
    from_name: str, from_email: str, reply_to: str, unsubscribe_mailto: str
) -> Letterhead:
    head = _header("From", _address(from_name, from_email))
    if reply_to:
        head += _header("Reply-To", reply_to)
    mailto = f"<mailto:{unsubscribe_mailto}?subject=unsubscribe>" if unsubscribe_mailto else None
    return Letterhead(from_email, head, mailto)


def letterhead(settings: Mapping[str, Any]) -> Letterhead:
    return _letterhead(
        settings.get("from_name") or "",
        settings["from_email"],
        settings.get("reply_to") or "",
        settings.get("unsubscribe_mailto") or "",
    )


def _part(content_type: str, text: str) -> bytes:
    """One text part's headers and body, CRLF line ends."""
    lines = LINE_BREAKS.split(text)
    if text.isascii() and all(len(line) <= MAX_LINE for line in lines):
        encoding, body = "7bit", "\r\n".join(lines).encode("ascii")
    else:
        raw = "\n".join(lines).encode()
        encoding = "quoted-printable"
        body = binascii.b2a_qp(raw, istext=True).replace(b"\n", b"\r\n")
    head = f'Content-Type: {content_type}; charset="utf-8"\r\nContent-Transfer-Encoding: {encoding}'
    return head.encode("ascii") + b"\r\n\r\n" + body + b"\r\n"


def compose(letter: Letterhead, recipient: Recipient, message: Message) -> bytes:
    """The message as it goes after DATA (dot-stuffed, without the final ``.``)."""
    head = [
        letter.head,
        _header("To", _address(recipient.name, recipient.address)),
        _header("Subject", message.subject or ""),
        f"Date: {formatdate(usegmt=True)}\r\n".encode(),
        f"Message-ID: {message_id(message.key, letter.from_email)}\r\n".encode(),
    ]
    if recipient.unsubscribe_url:
        targets = f"<{_one_line(recipient.unsubscribe_url)}>"
        if letter.mailto:
            targets += ", " + letter.mailto
        head.append(_header("List-Unsubscribe", targets))
        head.append(b"List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n")
    head.append(b"MIME-Version: 1.0\r\n")
    plain = _part("text/plain", message.text)
    if message.html is None:
        body = plain
    else:
        boundary = f"=_{secrets.token_hex(12)}".encode()
        body = (
            b'Content-Type: multipart/alternative; boundary="' + boundary + b'"\r\n\r\n'
            b"--" + boundary + b"\r\n" + plain + b"--" + boundary + b"\r\n"
            + _part("text/html", message.html) + b"--" + boundary + b"--\r\n"
        )  # fmt: skip
    return LEADING_DOT.sub(b"..", b"".join(head) + body)
