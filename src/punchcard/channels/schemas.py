from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    Field,
    StrictBool,
    StringConstraints,
    TypeAdapter,
    ValidationError,
)

from punchcard.channels.adapter import ChannelType, ProviderTemplate
from punchcard.customers.schemas import CustomerOut, Email, Phone
from punchcard.kit.errors import Unprocessable
from punchcard.kit.schemas import Input, Name, Output

Transactional = Literal["send", "require_consent"]
ConsentState = Literal["granted", "withdrawn"]


def _no_control_characters(value: str) -> str:
    if any(ord(char) < 32 or ord(char) == 127 for char in value):
        raise ValueError("must not contain control characters (NUL, line breaks, ...)")
    return value


Line = Annotated[str, AfterValidator(_no_control_characters)]
Secret = Annotated[Line, StringConstraints(min_length=1, max_length=1000)]
Hostname = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9.\-]{1,253}$|^\[[0-9A-Fa-f:.]{2,45}\]$")
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4096)]


# --- setting a channel up: PUT /v1/channels/{type} ------------------------------------------


class ChannelIn(Input):
    transactional: Transactional = Field(
        "send",
        description="Transactional messages (your reward is ready): 'send' to every customer "
        "the channel reaches, or only to those who consented ('require_consent'). Marketing "
        "always needs consent.",
    )


class WalletIn(ChannelIn):
    """Wallet push: no credentials (the server's Apple and Google Wallet set-up carries it)."""


class EmailIn(ChannelIn):
    """Your SMTP server. ``security``: 'starttls' (port 587), 'ssl' (implicit TLS, port 465) or
    'none' (a local relay)."""

    host: Hostname
    port: int = Field(587, ge=1, le=65535)
    security: Literal["starttls", "ssl", "none"] = "starttls"
    username: Secret | None = None
    password: Secret | None = None
    from_email: Email
    from_name: Annotated[Name, AfterValidator(_no_control_characters)] | None = None
    reply_to: Email | None = None
    unsubscribe_mailto: Email | None = Field(
        None, description="Also offered in List-Unsubscribe as a mailto: address."
    )


class TelegramIn(ChannelIn):
    """The token @BotFather gave your bot."""

    bot_token: Annotated[str, StringConstraints(pattern=r"^\d{1,20}:[A-Za-z0-9_-]{20,100}$")]


class WhatsAppIn(ChannelIn):
    """From your Meta app: the business phone number's id, a (system user) access token, and
    the app secret that signs webhooks."""

    phone_number_id: Annotated[str, StringConstraints(pattern=r"^\d{1,30}$")]
    access_token: Secret
    app_secret: Annotated[Line, StringConstraints(min_length=1, max_length=200)]


class ViberIn(ChannelIn):
    """Your Viber bot's authentication token, and the sender name shown (default: the bot's)."""

    auth_token: Annotated[Line, StringConstraints(min_length=1, max_length=200)]
    sender_name: Annotated[Line, StringConstraints(min_length=1, max_length=28)] | None = None


CONFIG_SCHEMAS: dict[ChannelType, type[ChannelIn]] = {
    "wallet": WalletIn,
    "email": EmailIn,
    "telegram": TelegramIn,
    "whatsapp": WhatsAppIn,
    "viber": ViberIn,
}
SECRET_FIELDS: dict[ChannelType, tuple[str, ...]] = {
    "wallet": (),
    "email": ("username", "password"),
    "telegram": ("bot_token",),
    "whatsapp": ("access_token", "app_secret"),
    "viber": ("auth_token",),
}


class ChannelOut(Output):
    type: ChannelType
    configured: bool
    id: str | None = None
    transactional: Transactional | None = None
    settings: dict[str, Any] = Field(
        default_factory=dict, description="What was set, without the credentials."
    )
    account: dict[str, Any] = Field(
        default_factory=dict,
        description="What the provider said when the credentials were checked.",
    )
    credentials_set: bool = False
    webhook_url: str | None = Field(None, description="Where the provider calls us.")
    created_at: datetime | None = None
    updated_at: datetime | None = None


class ChannelList(Output):
    data: list[ChannelOut]


# --- a test message ----------------------------------------------------------------------------


class TemplateIn(Input):
    name: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,512}$")]
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")]
    parameters: list[Annotated[Line, StringConstraints(max_length=1024)]] = Field(
        default_factory=list, max_length=20
    )

    def as_template(self) -> ProviderTemplate:
        return ProviderTemplate(self.name, self.language, tuple(self.parameters))


class ChannelTest(Input):
    """``address``: an email address, a phone number (WhatsApp), a Telegram chat id, a Viber
    user id, or a card id (wallet: the card must be held by a wallet)."""

    address: Annotated[Line, StringConstraints(strip_whitespace=True, min_length=1, max_length=320)]
    text: Text = "This is a test message from Punchcard."
    subject: Annotated[Line, StringConstraints(max_length=200)] | None = "Punchcard test"
    html: Annotated[str, StringConstraints(max_length=100_000)] | None = None
    template: TemplateIn | None = Field(
        None, description="WhatsApp: an approved template, sent instead of the text."
    )


ADDRESSES: dict[ChannelType, TypeAdapter[str]] = {
    "email": TypeAdapter(Email),
    "whatsapp": TypeAdapter(Phone),
    "telegram": TypeAdapter(Annotated[str, StringConstraints(pattern=r"^-?\d{1,20}$")]),
    "viber": TypeAdapter(Annotated[str, StringConstraints(max_length=100)]),
    "wallet": TypeAdapter(Annotated[str, StringConstraints(pattern=r"^card_[0-9a-z]{1,60}$")]),
}


def test_address(channel: ChannelType, address: str) -> str:
    """The test's address as the channel needs it; 422 naming ``address`` otherwise."""
    try:
        return ADDRESSES[channel].validate_python(address)
    except ValidationError as exc:
        message = str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
        raise Unprocessable(
            "validation_error",
            f"Invalid address for {channel}: {message}.",
            errors=[{"field": "body.address", "message": message, "type": "value_error"}],
        ) from None


class SendResultOut(Output):
    """What the provider answered: sent (with its message id), retry (later, after
    ``retry_after`` seconds when it said) or failed (permanently, with its reason)."""

    status: Literal["sent", "retry", "failed"]
    provider_message_id: str | None = None
    reason: str | None = None
    detail: str | None = None
    retry_after: float | None = None
    address_dead: bool | None = None


# --- customers on channels -------------------------------------------------------------------


class CustomerChannelOut(Output):
    address: str | None = Field(
        description="Email, WhatsApp number, Telegram chat id, Viber user id, or the card a "
        "wallet holds."
    )
    linked_at: datetime | None
    consent: ConsentState | None = Field(description="Marketing consent; null: never given.")
    consent_source: str | None
    consent_at: datetime | None = Field(description="When the consent last changed.")
    window_open_until: datetime | None = Field(
        None,
        description="WhatsApp: free-form messages may go until then (24 h after the last "
        "message from the customer); afterwards only templates.",
    )
    marketing: str = Field(
        description="'send', or why a marketing message would be skipped (no_consent, ...)."
    )
    transactional: str = Field(description="The same for a transactional message.")


class CustomerWithChannels(CustomerOut):
    channels: dict[ChannelType, CustomerChannelOut]


class CustomerPatch(Input):
    consents: dict[ChannelType, StrictBool] = Field(
        min_length=1,
        description="Marketing consent per channel as the business recorded it (source 'api'). "
        "WhatsApp opts in by the customer's phone number.",
        examples=[{"email": True, "whatsapp": False}],
    )


class ConsentChangeOut(Output):
    id: str
    channel: ChannelType
    granted: bool
    source: str
    at: datetime
