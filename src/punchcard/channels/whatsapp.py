"""WhatsApp Cloud API (Meta's Graph API): ``POST {base}/{phone-number-id}/messages`` with a
Bearer access token. Free-form text goes only inside the 24-hour customer service window (since
the customer last wrote); outside it, an approved template (name, language, body parameters).

Errors are ``{"error": {"message", "type", "code", "error_data": {"details"}, "fbtrace_id"}}``:
131047 the window has closed, 131026 undeliverable (no WhatsApp on that number), 190 the token
has expired, 130429/131056/80007/4 rate limits. The credentials are checked by reading the phone
number (``GET /{phone-number-id}``); saving points the number's webhook at us
(``webhook_configuration.override_callback_uri``), which Meta verifies with a GET carrying
``hub.mode``, ``hub.verify_token`` and ``hub.challenge``. Meta signs every webhook POST with
``X-Hub-Signature-256: sha256=<HMAC-SHA256 of the body under the app secret>``.
"""

import hashlib
import hmac
import re
from typing import Any
from urllib.parse import quote

import httpx

from punchcard.channels import http
from punchcard.channels.adapter import (
    Account,
    Activity,
    Answered,
    BadSignature,
    ChannelType,
    Context,
    CredentialsRefused,
    GiveUp,
    Inbound,
    InboundEvent,
    Keys,
    LinkRequest,
    Message,
    ProviderUnavailable,
    Recipient,
    RetryLater,
    SendResult,
    Sent,
    Stop,
)
from punchcard.config import get_settings
from punchcard.kit.crypto import token_for

PROVIDER = "WhatsApp"
SIGNATURE_HEADER = "x-hub-signature-256"
OUTSIDE_WINDOW = 131047
RATE_LIMITS = {4, 80007, 130429, 131048, 131056}
TRANSIENT = {1, 2, 131000, 131016}
AUTHORIZATION = {0, 3, 10, 190, 200}
UNREACHABLE_NUMBER = {131026, 131030, 133010}
STOP_WORDS = {"stop", "stopp", "unsubscribe", "abmelden", "cancel"}
# A link token in a customer's message: our tokens are 32 URL-safe characters.
TOKEN = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])")


def verify_token(channel_id: str) -> str:
    """The hub.verify_token Meta echoes when checking our webhook: derived, nothing stored."""
    return token_for("whatsapp-verify", channel_id)


def deep_link(account: dict[str, Any], text: str) -> str:
    """wa.me with the business number and a prefilled message (which carries the link token)."""
    number = re.sub(r"\D", "", str(account.get("display_phone_number", "")))
    return f"https://wa.me/{number}?text={quote(text)}"


def _url(keys: Keys, path: str = "") -> str:
    base = get_settings().whatsapp_api_base_url.rstrip("/")
    return f"{base}/{quote(keys.settings['phone_number_id'], safe='')}{path}"


def _auth(keys: Keys) -> dict[str, str]:
    return {"Authorization": f"Bearer {keys.credentials['access_token']}"}


def _timeout() -> float:
    return get_settings().whatsapp_timeout_seconds


def _failure(response: httpx.Response) -> tuple[int | None, RetryLater | GiveUp]:
    """The Graph error code and what it means for this send."""
    error = http.json_body(response).get("error")
    error = error if isinstance(error, dict) else {}
    code = error.get("code") if isinstance(error.get("code"), int) else None
    details = (error.get("error_data") or {}) if isinstance(error.get("error_data"), dict) else {}
    words = details.get("details") or error.get("message") or response.reason_phrase
    detail = f"WhatsApp ({code if code is not None else response.status_code}): {words}"
    if code in RATE_LIMITS or response.status_code == 429:
        return code, RetryLater("rate_limited", detail, http.retry_after(response.headers))
    if code in TRANSIENT or response.status_code >= 500:
        return code, RetryLater("provider_unavailable", detail, http.retry_after(response.headers))
    if code in AUTHORIZATION or response.status_code == 401:
        return code, GiveUp("channel_unusable", detail)
    if code == OUTSIDE_WINDOW:
        return code, GiveUp("outside_window", detail)
    if code in UNREACHABLE_NUMBER:
        return code, GiveUp("invalid_address", detail, address_dead=True)
    if code == 131050:  # the customer stopped marketing messages from this business
        return code, GiveUp("recipient_blocked", detail)
    return code, GiveUp("message_rejected", detail)


def _text_body(message: Message) -> dict[str, Any]:
    return {"type": "text", "text": {"preview_url": False, "body": message.text}}


def _template_body(message: Message) -> dict[str, Any]:
    assert message.template is not None
    template: dict[str, Any] = {
        "name": message.template.name,
        "language": {"code": message.template.language},
    }
    if message.template.parameters:
        parameters = [{"type": "text", "text": value} for value in message.template.parameters]
        template["components"] = [{"type": "body", "parameters": parameters}]
    return {"type": "template", "template": template}


class WhatsAppChannel:
    type: ChannelType = "whatsapp"
    max_per_second: float | None = 80.0  # Cloud API's default throughput per number

    async def check(self, context: Context, keys: Keys) -> Account:
        query = {"fields": "display_phone_number,verified_name"}
        try:
            response = await http.client().get(
                _url(keys), params=query, headers=_auth(keys), timeout=_timeout()
            )
        except httpx.HTTPError as exc:
            raise http.unavailable(PROVIDER, exc) from None
        body = http.json_body(response)
        if response.is_success and body.get("display_phone_number"):
            return Account(
                {
                    "display_phone_number": body["display_phone_number"],
                    "verified_name": body.get("verified_name"),
                }
            )
        _, failure = _failure(response)
        if isinstance(failure, RetryLater):
            raise ProviderUnavailable(failure.detail)
        raise CredentialsRefused(failure.detail)

    async def connect(self, context: Context, keys: Keys, webhook_url: str) -> None:
        configuration = {
            "override_callback_uri": webhook_url,
            "verify_token": verify_token(keys.channel_id),
        }
        try:
            response = await http.client().post(
                _url(keys),
                json={"webhook_configuration": configuration},
                headers=_auth(keys),
                timeout=_timeout(),
            )
        except httpx.HTTPError as exc:
            raise http.unavailable(PROVIDER, exc) from None
        if response.is_success and http.json_body(response).get("success") is True:
            return
        _, failure = _failure(response)
        if isinstance(failure, RetryLater):
            raise ProviderUnavailable(failure.detail)
        raise CredentialsRefused(failure.detail)

    async def disconnect(self, context: Context, keys: Keys) -> None:
        """Nothing to undo: Meta's webhook calls for a deleted channel are answered 404."""

    async def send(
        self, context: Context, keys: Keys, recipient: Recipient, message: Message
    ) -> SendResult:
        if recipient.window_open:
            result = await self._post(keys, recipient, _text_body(message))
            closed = isinstance(result, GiveUp) and result.reason == "outside_window"
            if not closed or message.template is None:
                return result  # the window closed since we looked: the template goes instead
        if message.template is None:
            return GiveUp(
                "outside_window",
                "WhatsApp: the 24-hour window is closed and the message has no template.",
            )
        return await self._post(keys, recipient, _template_body(message))

    async def _post(self, keys: Keys, recipient: Recipient, content: dict[str, Any]) -> SendResult:
        body = {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": recipient.address.lstrip("+"),
            **content,
        }
        try:
            response = await http.client().post(
                _url(keys, "/messages"), json=body, headers=_auth(keys), timeout=_timeout()
            )
        except httpx.HTTPError as exc:
            return http.transport_failure(PROVIDER, exc)
        messages = http.json_body(response).get("messages")
        if response.is_success and isinstance(messages, list) and messages:
            first = messages[0]
            if isinstance(first, dict) and first.get("id"):
                return Sent(str(first["id"]))
        return _failure(response)[1]

    def verify(self, keys: Keys, inbound: Inbound) -> None:
        secret = keys.credentials["app_secret"].encode()
        expected = "sha256=" + hmac.new(secret, inbound.body, hashlib.sha256).hexdigest()
        offered = inbound.headers.get(SIGNATURE_HEADER, "")
        if not hmac.compare_digest(expected.encode(), offered.encode()):
            raise BadSignature("X-Hub-Signature-256 does not match the body and the app secret.")

    def events(self, inbound: Inbound) -> list[InboundEvent]:
        found: list[InboundEvent] = []
        for value in _change_values(http.parsed_object(inbound.body)):
            for message in value.get("messages") or []:
                if isinstance(message, dict):
                    found.extend(_message_events(message))
        return found

    def answer(self, keys: Keys, answered: list[Answered]) -> dict[str, Any] | None:
        """Meta only wants a 200; replies would need an API call (not made)."""
        return None


def _change_values(update: dict[str, Any]) -> list[dict[str, Any]]:
    values = []
    for entry in update.get("entry") or []:
        for change in (entry.get("changes") or []) if isinstance(entry, dict) else []:
            value = change.get("value") if isinstance(change, dict) else None
            if isinstance(value, dict) and change.get("field") == "messages":
                values.append(value)
    return values


def _message_events(message: dict[str, Any]) -> list[InboundEvent]:
    sender = message.get("from")
    if not isinstance(sender, str) or not sender.isdigit() or len(sender) > 15:
        return []
    address = f"+{sender}"
    text = (message.get("text") or {}).get("body") if message.get("type") == "text" else None
    if not isinstance(text, str):
        return [Activity(address)]
    if text.strip().lower().rstrip(".!") in STOP_WORDS:
        return [Stop(address)]
    token = TOKEN.search(text)
    if token is not None:
        return [LinkRequest(address, token.group())]
    return [Activity(address)]
