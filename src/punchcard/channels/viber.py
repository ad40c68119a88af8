"""Viber REST bot API: ``POST {base}/pa/<method>`` with ``X-Viber-Auth-Token``; every answer is
HTTP 200 with ``{"status": 0, "status_message": "ok", ...}`` or another status (2
invalidAuthToken, 5 receiverNotRegistered, 6 receiverNotSubscribed, 12 tooManyRequests, ...).

get_account_info checks the token (and gives the bot's ``uri`` for deep links); set_webhook points
callbacks at us, after which Viber sends a ``webhook`` callback that must be answered 200. Each
callback is signed: ``X-Viber-Content-Signature`` is the hex HMAC-SHA256 of the body under the
auth token. A customer links with ``viber://pa?chatURI=<uri>&context=<one-time token>``: the
``conversation_started`` callback carries the token as ``context``; ``unsubscribed`` unlinks.
"""

import hashlib
import hmac
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

PROVIDER = "Viber"
SIGNATURE_HEADER = "x-viber-content-signature"
EVENT_TYPES = ["subscribed", "unsubscribed", "conversation_started"]
MAX_SENDER_NAME = 28
NAMES = {
    1: "invalidUrl",
    2: "invalidAuthToken",
    3: "badData",
    4: "missingData",
    5: "receiverNotRegistered",
    6: "receiverNotSubscribed",
    7: "publicAccountBlocked",
    8: "publicAccountNotFound",
    9: "publicAccountSuspended",
    10: "webhookNotSet",
    11: "receiverNoSuitableDevice",
    12: "tooManyRequests",
    15: "publicAccountNotAuthorized",
}
UNUSABLE = {1, 2, 7, 8, 9, 10, 15}  # 1: Viber could not reach our webhook


def deep_link(account: dict[str, Any], token: str) -> str:
    return f"viber://pa?chatURI={quote(str(account['uri']), safe='')}&context={token}"


def _failure(body: dict[str, Any], response: httpx.Response) -> RetryLater | GiveUp:
    status = body.get("status")
    if not isinstance(status, int):
        if response.status_code >= 500 or response.status_code == 429:
            return RetryLater("provider_unavailable", f"Viber answered {response.status_code}.")
        return GiveUp("message_rejected", f"Viber answered {response.status_code}.")
    words = body.get("status_message") or NAMES.get(status, "error")
    detail = f"Viber ({status}): {words}"
    if status == 12:
        return RetryLater("rate_limited", detail, http.retry_after(response.headers))
    if status in UNUSABLE:
        return GiveUp("channel_unusable", detail)
    if status in (5, 11):  # not a Viber user, or a client that cannot receive bot messages
        return GiveUp("invalid_address", detail, address_dead=True)
    if status == 6:  # not subscribed (yet, or any more): Viber tells us when they subscribe
        return GiveUp("recipient_blocked", detail)
    if status in (3, 4):
        return GiveUp("message_rejected", detail)
    return RetryLater("provider_unavailable", detail)  # "general error" and the unknown


async def _call(keys: Keys, method: str, payload: dict[str, Any]) -> httpx.Response:
    settings = get_settings()
    return await http.client().post(
        f"{settings.viber_api_base_url.rstrip('/')}/pa/{method}",
        json=payload,
        headers={"X-Viber-Auth-Token": keys.credentials["auth_token"]},
        timeout=settings.viber_timeout_seconds,
    )


async def _checked(keys: Keys, method: str, payload: dict[str, Any]) -> dict[str, Any]:
    try:
        response = await _call(keys, method, payload)
    except httpx.HTTPError as exc:
        raise http.unavailable(PROVIDER, exc) from None
    body = http.json_body(response)
    if response.is_success and body.get("status") == 0:
        return body
    failure = _failure(body, response)
    if isinstance(failure, RetryLater):
        raise ProviderUnavailable(failure.detail)
    raise CredentialsRefused(failure.detail)


def _sender_name(keys: Keys) -> str:
    name = keys.settings.get("sender_name") or keys.account.get("name") or "Punchcard"
    return str(name)[:MAX_SENDER_NAME]


class ViberChannel:
    type: ChannelType = "viber"
    max_per_second: float | None = None

    async def check(self, context: Context, keys: Keys) -> Account:
        info = await _checked(keys, "get_account_info", {})
        if not info.get("uri"):
            raise CredentialsRefused("Viber: get_account_info did not name the bot's URI.")
        return Account({"id": info.get("id"), "name": info.get("name"), "uri": info["uri"]})

    async def connect(self, context: Context, keys: Keys, webhook_url: str) -> None:
        payload = {
            "url": webhook_url,
            "event_types": EVENT_TYPES,
            "send_name": False,
            "send_photo": False,
        }
        await _checked(keys, "set_webhook", payload)

    async def disconnect(self, context: Context, keys: Keys) -> None:
        await _call(keys, "set_webhook", {"url": ""})

    async def send(
        self, context: Context, keys: Keys, recipient: Recipient, message: Message
    ) -> SendResult:
        payload = {
            "receiver": recipient.address,
            "min_api_version": 1,
            "sender": {"name": _sender_name(keys)},
            "tracking_data": message.key,
            "type": "text",
            "text": message.text,
        }
        try:
            response = await _call(keys, "send_message", payload)
        except httpx.HTTPError as exc:
            return http.transport_failure(PROVIDER, exc)
        body = http.json_body(response)
        if response.is_success and body.get("status") == 0 and body.get("message_token"):
            return Sent(str(body["message_token"]))
        return _failure(body, response)

    def verify(self, keys: Keys, inbound: Inbound) -> None:
        token = keys.credentials["auth_token"].encode()
        expected = hmac.new(token, inbound.body, hashlib.sha256).hexdigest()
        offered = inbound.headers.get(SIGNATURE_HEADER, "").lower()
        if not hmac.compare_digest(expected.encode(), offered.encode()):
            raise BadSignature("X-Viber-Content-Signature does not match the body and the token.")

    def events(self, inbound: Inbound) -> list[InboundEvent]:
        callback = http.parsed_object(inbound.body)
        event = callback.get("event")
        user = callback.get("user")
        user = user if isinstance(user, dict) else {}
        user_id = _user_id(user.get("id"))
        language = user.get("language") if isinstance(user.get("language"), str) else None
        if event == "conversation_started" and user_id:
            context = callback.get("context")
            if isinstance(context, str) and context:
                return [LinkRequest(user_id, context, language)]
            return []
        if event == "subscribed" and user_id:
            return [Activity(user_id)]
        if event == "unsubscribed":
            unsubscribed = _user_id(callback.get("user_id"))
            return [Stop(unsubscribed)] if unsubscribed else []
        if event == "message":
            sender = callback.get("sender")
            sender_id = _user_id(sender.get("id")) if isinstance(sender, dict) else None
            return [Activity(sender_id)] if sender_id else []
        return []  # webhook, delivered, seen, failed: nothing to do

    def answer(self, keys: Keys, answered: list[Answered]) -> dict[str, Any] | None:
        """A conversation_started callback may be answered with a welcome message."""
        for item in answered:
            if item.reply and isinstance(item.event, LinkRequest):
                return {"sender": {"name": _sender_name(keys)}, "type": "text", "text": item.reply}
        return None


def _user_id(value: Any) -> str | None:
    """Viber user ids are short base64 strings; anything else names nobody."""
    if isinstance(value, str) and 0 < len(value) <= 100 and value.isprintable():
        return value
    return None
