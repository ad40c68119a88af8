"""The channel interface: one rendered message to one address, an inbound call verified and read,
credentials checked. Campaigns and automations only ever see this module's types.

An adapter is stateless (its connections are shared per process); what it needs of a business's
channel comes in ``Keys``. ``send`` never raises for what the provider answers: it returns
``Sent``, ``RetryLater`` (worth another try, after ``retry_after`` seconds when the provider says)
or ``GiveUp`` (permanent: the provider's reason, and whether the address is dead), each with a
stable code a delivery row can keep.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from punchcard.db.engine import Database
from punchcard.kit.errors import ProblemError, Unauthorized, Unprocessable

ChannelType = Literal["wallet", "email", "telegram", "whatsapp", "viber"]
CHANNEL_TYPES: tuple[ChannelType, ...] = ("wallet", "email", "telegram", "whatsapp", "viber")
MESSENGERS: tuple[ChannelType, ...] = ("telegram", "whatsapp", "viber")
MessageKind = Literal["marketing", "transactional"]

RetryReason = Literal["rate_limited", "provider_unavailable", "timeout", "network_error"]
GiveUpReason = Literal[
    "recipient_blocked",  # the recipient blocked us or never subscribed
    "invalid_address",  # no such recipient (unknown mailbox, chat, number, user)
    "outside_window",  # WhatsApp: the 24-hour window is closed and there is no template
    "message_rejected",  # the provider refused this message (format, content, size)
    "channel_unusable",  # credentials refused, account blocked or suspended: stop the channel
]


@dataclass(frozen=True)
class ProviderTemplate:
    """A message template approved at the provider (WhatsApp: name, language code, and the body
    parameters {{1}}, {{2}}, ... in order)."""

    name: str
    language: str
    parameters: tuple[str, ...] = ()


@dataclass(frozen=True)
class Message:
    """One rendered message, the same for every recipient of a delivery or made for one.

    ``key`` identifies the delivery: email's Message-ID is made from it (a retried send is
    recognisable), the wallet keeps it as the message's id. Which fields a channel uses: email
    ``subject``, ``text`` and ``html`` (the HTML part); Telegram ``html`` (Telegram's HTML subset)
    or else ``text``; WhatsApp ``text`` inside the 24-hour window, else ``template``; Viber
    ``text``; wallet ``subject`` (the field's label) and ``text``."""

    key: str
    text: str
    subject: str | None = None
    html: str | None = None
    template: ProviderTemplate | None = None


@dataclass(frozen=True)
class Recipient:
    address: str  # email, E.164 phone, Telegram chat id, Viber user id, card id (wallet)
    name: str | None = None
    language: str | None = None
    unsubscribe_url: str | None = None  # email: List-Unsubscribe (one-click, RFC 8058)
    window_open: bool = False  # WhatsApp: inside the 24-hour customer service window


@dataclass(frozen=True)
class Sent:
    provider_message_id: str
    status: Literal["sent"] = "sent"


@dataclass(frozen=True)
class RetryLater:
    reason: RetryReason
    detail: str
    retry_after: float | None = None  # seconds, when the provider said
    status: Literal["retry"] = "retry"


@dataclass(frozen=True)
class GiveUp:
    reason: GiveUpReason
    detail: str  # the provider's words
    address_dead: bool = False  # a messenger link to drop (blocked bot, unknown chat or user)
    status: Literal["failed"] = "failed"


SendResult = Sent | RetryLater | GiveUp


@dataclass(frozen=True)
class Keys:
    """A business's channel as an adapter needs it, credentials unsealed."""

    business_id: str
    channel_id: str
    settings: Mapping[str, Any]
    account: Mapping[str, Any]  # what the provider said when the credentials were checked
    credentials: Mapping[str, str] = field(repr=False)


@dataclass(frozen=True)
class Context:
    """What an adapter may use beside the process's shared HTTP client (``channels.http``): the
    database (the wallet channel writes the pass)."""

    db: Database


@dataclass(frozen=True)
class Inbound:
    body: bytes
    headers: Mapping[str, str]  # lower-case names
    query: Mapping[str, str]


# What an inbound call means, whatever the provider: the same rules apply to all.
@dataclass(frozen=True)
class LinkRequest:
    """The person at ``address`` presents a link token (Telegram /start, Viber context, a
    WhatsApp message with the code)."""

    address: str
    token: str
    language: str | None = None


@dataclass(frozen=True)
class Stop:
    """The person at ``address`` asked to stop (STOP, /stop, blocked the bot, unsubscribed)."""

    address: str
    language: str | None = None


@dataclass(frozen=True)
class Activity:
    """The person at ``address`` wrote to us (WhatsApp: the 24-hour window opens)."""

    address: str


InboundEvent = LinkRequest | Stop | Activity
# What came of an event, for the adapter's answer to the provider (a reply to the person).
Outcome = Literal["linked", "link_invalid", "stopped", "noted", "ignored"]


@dataclass(frozen=True)
class Answered:
    """An event and what came of it, with the words to reply in the person's language."""

    event: InboundEvent
    outcome: Outcome
    reply: str | None


@dataclass(frozen=True)
class Account:
    """What a credential check learnt: shown in the channel's settings, used for deep links."""

    details: dict[str, Any]


class BadSignature(Unauthorized):
    def __init__(self, detail: str) -> None:
        super().__init__("channel_signature_invalid", detail)


class CredentialsRefused(Unprocessable):
    """The provider refused the credentials (or the webhook): nothing is saved."""

    def __init__(self, detail: str) -> None:
        super().__init__("channel_credentials_refused", detail)


class ProviderUnavailable(ProblemError):
    status = 502
    title = "Bad gateway"

    def __init__(self, detail: str) -> None:
        super().__init__("channel_provider_unavailable", detail)


class Channel(Protocol):
    type: ChannelType
    # A hint for senders: the provider's message rate per account (None: no published limit).
    max_per_second: float | None

    async def check(self, context: Context, keys: Keys) -> Account:
        """A test call with the credentials; raises CredentialsRefused or ProviderUnavailable."""

    async def connect(self, context: Context, keys: Keys, webhook_url: str) -> None:
        """Point the provider's webhook at us (raises as ``check`` does); no-op without one."""

    async def disconnect(self, context: Context, keys: Keys) -> None:
        """Best effort: stop the provider's webhook calls (the channel is being deleted)."""

    async def send(
        self, context: Context, keys: Keys, recipient: Recipient, message: Message
    ) -> SendResult: ...

    def verify(self, keys: Keys, inbound: Inbound) -> None:
        """Raise BadSignature unless the provider signed this call."""

    def events(self, inbound: Inbound) -> list[InboundEvent]:
        """What a verified call means (anything else in it is ignored)."""

    def answer(self, keys: Keys, answered: list[Answered]) -> dict[str, Any] | None:
        """The webhook response body (Telegram and Viber can reply in it), or None."""
