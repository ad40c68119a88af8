"""Telegram Bot API: ``{base}/bot<token>/<method>``, JSON in, ``{"ok": true, "result": ...}`` or
``{"ok": false, "error_code": ..., "description": ..., "parameters": {"retry_after": ...}}`` out.

Sends with sendMessage (HTML parse mode); getMe checks the token; setWebhook points updates at
us with a ``secret_token`` that Telegram repeats in ``X-Telegram-Bot-Api-Secret-Token``. A
customer links their chat with the deep link ``https://t.me/<bot>?start=<one-time token>``
(Telegram sends "/start <token>"); "/stop" or blocking the bot (``my_chat_member`` with status
``kicked``) unlinks.
"""

import hmac
import html
from typing import Any

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

PROVIDER = "Telegram"
SECRET_HEADER = "x-telegram-bot-api-secret-token"
UPDATES = ["message", "my_chat_member"]


def webhook_secret(channel_id: str) -> str:
    """The secret_token Telegram sends with every update: derived from the channel, so nothing
    is stored and a deleted channel's updates verify against nothing (1-256 of A-Za-z0-9_-)."""
    return token_for("telegram-webhook", channel_id)


def deep_link(account: dict[str, Any], token: str) -> str:
    return f"https://t.me/{account['username']}?start={token}"


async def _call(keys: Keys, method: str, payload: dict[str, Any]) -> http.Answer:
    settings = get_settings()
    base = settings.telegram_api_base_url.rstrip("/")
    url = f"{base}/bot{keys.credentials['bot_token']}/{method}"
    return await http.post_json(url, payload, settings.telegram_timeout_seconds)


def _failure(response: http.Answer) -> RetryLater | GiveUp:
    body = response.body
    code = int(body.get("error_code") or response.status)
    detail = f"Telegram: {body.get('description') or response.reason}"
    if code == 429:
        parameters = body.get("parameters") or {}
        wait = parameters.get("retry_after") if isinstance(parameters, dict) else None
        after = float(wait) if isinstance(wait, int | float) else http.retry_after(response.headers)
        return RetryLater("rate_limited", detail, after)
    if code >= 500:
        return RetryLater("provider_unavailable", detail, http.retry_after(response.headers))
    if code in (401, 404):  # a revoked or malformed bot token
        return GiveUp("channel_unusable", detail)
    if code == 403:  # "bot was blocked by the user", "user is deactivated"
        return GiveUp("recipient_blocked", detail, address_dead=True)
    if "chat not found" in detail.lower():
        return GiveUp("invalid_address", detail, address_dead=True)
    return GiveUp("message_rejected", detail)


async def _checked(keys: Keys, method: str, payload: dict[str, Any]) -> Any:
    """The call's ``result``; a refusal or no answer raises (for saving a channel)."""
    try:
        response = await _call(keys, method, payload)
    except http.TRANSPORT_ERRORS as exc:
        raise http.unavailable(PROVIDER, exc) from None
    if response.is_success and response.body.get("ok") is True:
        return response.body.get("result")
    failure = _failure(response)
    if isinstance(failure, RetryLater):
        raise ProviderUnavailable(failure.detail)
    raise CredentialsRefused(failure.detail)


def _command(text: str) -> tuple[str, str]:
    """'/start@MyBot abc' -> ('/start', 'abc')."""
    head, _, rest = text.strip().partition(" ")
    return head.split("@", 1)[0].lower(), rest.strip()


class TelegramChannel:
    type: ChannelType = "telegram"
    max_per_second: float | None = 30.0  # Telegram's broadcast limit per bot

    async def check(self, context: Context, keys: Keys) -> Account:
        me = await _checked(keys, "getMe", {})
        if not isinstance(me, dict) or not me.get("username"):
            raise CredentialsRefused("Telegram: getMe did not describe a bot.")
        return Account({"bot_id": me.get("id"), "username": me["username"]})

    async def connect(self, context: Context, keys: Keys, webhook_url: str) -> None:
        await _checked(
            keys,
            "setWebhook",
            {
                "url": webhook_url,
                "secret_token": webhook_secret(keys.channel_id),
                "allowed_updates": UPDATES,
            },
        )

    async def disconnect(self, context: Context, keys: Keys) -> None:
        await _call(keys, "deleteWebhook", {})

    async def send(
        self, context: Context, keys: Keys, recipient: Recipient, message: Message
    ) -> SendResult:
        payload = {
            "chat_id": recipient.address,
            "text": message.html or html.escape(message.text, quote=False),
            "parse_mode": "HTML",
            "link_preview_options": {"is_disabled": True},
        }
        try:
            response = await _call(keys, "sendMessage", payload)
        except http.TRANSPORT_ERRORS as exc:
            return http.transport_failure(PROVIDER, exc)
        result = response.body.get("result")
        if response.is_success and response.body.get("ok") is True and isinstance(result, dict):
            return Sent(str(result.get("message_id")))
        return _failure(response)

    def verify(self, keys: Keys, inbound: Inbound) -> None:
        offered = inbound.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(webhook_secret(keys.channel_id).encode(), offered.encode()):
            raise BadSignature("X-Telegram-Bot-Api-Secret-Token does not match this channel.")

    def events(self, inbound: Inbound) -> list[InboundEvent]:
        update = http.parsed_object(inbound.body)
        message = update.get("message")
        if isinstance(message, dict):
            return _message_events(message)
        member = update.get("my_chat_member")
        if isinstance(member, dict):
            chat = _private_chat(member)
            status = (member.get("new_chat_member") or {}).get("status")
            if chat is not None and status == "kicked":  # the person blocked the bot
                return [Stop(chat)]
        return []

    def answer(self, keys: Keys, answered: list[Answered]) -> dict[str, Any] | None:
        """Telegram takes one method call as the webhook's response: the reply, if any."""
        for item in answered:
            if item.reply:
                return {"method": "sendMessage", "chat_id": item.event.address, "text": item.reply}
        return None


def _private_chat(container: dict[str, Any]) -> str | None:
    chat = container.get("chat")
    if not isinstance(chat, dict) or chat.get("type") != "private":
        return None
    chat_id = chat.get("id")
    return str(chat_id) if isinstance(chat_id, int) and not isinstance(chat_id, bool) else None


def _message_events(message: dict[str, Any]) -> list[InboundEvent]:
    chat = _private_chat(message)
    text = message.get("text")
    if chat is None or not isinstance(text, str):
        return []
    sender = message.get("from") if isinstance(message.get("from"), dict) else {}
    language = sender.get("language_code") if isinstance(sender, dict) else None
    language = language if isinstance(language, str) else None
    command, argument = _command(text)
    if command == "/start" and argument:
        return [LinkRequest(chat, argument, language)]
    if command == "/stop":
        return [Stop(chat, language)]
    return [Activity(chat)]
