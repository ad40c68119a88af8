from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.channel_out import ChannelOut
from ...models.configure_channel_channel import ConfigureChannelChannel
from ...models.configure_channel_email_in import ConfigureChannelEmailIn
from ...models.configure_channel_telegram_in import ConfigureChannelTelegramIn
from ...models.configure_channel_viber_in import ConfigureChannelViberIn
from ...models.configure_channel_wallet_in import ConfigureChannelWalletIn
from ...models.configure_channel_whats_app_in import ConfigureChannelWhatsAppIn
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    channel: ConfigureChannelChannel,
    *,
    body: ConfigureChannelEmailIn
    | ConfigureChannelTelegramIn
    | ConfigureChannelViberIn
    | ConfigureChannelWalletIn
    | ConfigureChannelWhatsAppIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/channels/{channel}".format(
            channel=quote(str(channel), safe=""),
        ),
    }

    if isinstance(body, ConfigureChannelWalletIn):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, ConfigureChannelEmailIn):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, ConfigureChannelTelegramIn):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, ConfigureChannelWhatsAppIn):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChannelOut | Problem | None:
    if response.status_code == 200:
        response_200 = ChannelOut.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ChannelOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    channel: ConfigureChannelChannel,
    *,
    client: AuthenticatedClient,
    body: ConfigureChannelEmailIn
    | ConfigureChannelTelegramIn
    | ConfigureChannelViberIn
    | ConfigureChannelWalletIn
    | ConfigureChannelWhatsAppIn,
) -> Response[ChannelOut | Problem]:
    """Set a channel up, or replace its settings and credentials

     Set a channel up, or replace its settings and credentials. The body is the type's settings
    (see the schemas). The credentials are checked with the provider first (Telegram getMe, WhatsApp
    reading the phone number, Viber get_account_info, SMTP connect and login) and, for messengers,
    the provider's webhook is pointed at `PUNCHCARD_PUBLIC_URL` (which must be https). Credentials
    are stored encrypted and never returned. **Who:** Owners and managers. **Emits:** none.

    Args:
        channel (ConfigureChannelChannel):
        body (ConfigureChannelEmailIn | ConfigureChannelTelegramIn | ConfigureChannelViberIn |
            ConfigureChannelWalletIn | ConfigureChannelWhatsAppIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChannelOut | Problem]
    """

    kwargs = _get_kwargs(
        channel=channel,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    channel: ConfigureChannelChannel,
    *,
    client: AuthenticatedClient,
    body: ConfigureChannelEmailIn
    | ConfigureChannelTelegramIn
    | ConfigureChannelViberIn
    | ConfigureChannelWalletIn
    | ConfigureChannelWhatsAppIn,
) -> ChannelOut | Problem | None:
    """Set a channel up, or replace its settings and credentials

     Set a channel up, or replace its settings and credentials. The body is the type's settings
    (see the schemas). The credentials are checked with the provider first (Telegram getMe, WhatsApp
    reading the phone number, Viber get_account_info, SMTP connect and login) and, for messengers,
    the provider's webhook is pointed at `PUNCHCARD_PUBLIC_URL` (which must be https). Credentials
    are stored encrypted and never returned. **Who:** Owners and managers. **Emits:** none.

    Args:
        channel (ConfigureChannelChannel):
        body (ConfigureChannelEmailIn | ConfigureChannelTelegramIn | ConfigureChannelViberIn |
            ConfigureChannelWalletIn | ConfigureChannelWhatsAppIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChannelOut | Problem
    """

    return sync_detailed(
        channel=channel,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    channel: ConfigureChannelChannel,
    *,
    client: AuthenticatedClient,
    body: ConfigureChannelEmailIn
    | ConfigureChannelTelegramIn
    | ConfigureChannelViberIn
    | ConfigureChannelWalletIn
    | ConfigureChannelWhatsAppIn,
) -> Response[ChannelOut | Problem]:
    """Set a channel up, or replace its settings and credentials

     Set a channel up, or replace its settings and credentials. The body is the type's settings
    (see the schemas). The credentials are checked with the provider first (Telegram getMe, WhatsApp
    reading the phone number, Viber get_account_info, SMTP connect and login) and, for messengers,
    the provider's webhook is pointed at `PUNCHCARD_PUBLIC_URL` (which must be https). Credentials
    are stored encrypted and never returned. **Who:** Owners and managers. **Emits:** none.

    Args:
        channel (ConfigureChannelChannel):
        body (ConfigureChannelEmailIn | ConfigureChannelTelegramIn | ConfigureChannelViberIn |
            ConfigureChannelWalletIn | ConfigureChannelWhatsAppIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChannelOut | Problem]
    """

    kwargs = _get_kwargs(
        channel=channel,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    channel: ConfigureChannelChannel,
    *,
    client: AuthenticatedClient,
    body: ConfigureChannelEmailIn
    | ConfigureChannelTelegramIn
    | ConfigureChannelViberIn
    | ConfigureChannelWalletIn
    | ConfigureChannelWhatsAppIn,
) -> ChannelOut | Problem | None:
    """Set a channel up, or replace its settings and credentials

     Set a channel up, or replace its settings and credentials. The body is the type's settings
    (see the schemas). The credentials are checked with the provider first (Telegram getMe, WhatsApp
    reading the phone number, Viber get_account_info, SMTP connect and login) and, for messengers,
    the provider's webhook is pointed at `PUNCHCARD_PUBLIC_URL` (which must be https). Credentials
    are stored encrypted and never returned. **Who:** Owners and managers. **Emits:** none.

    Args:
        channel (ConfigureChannelChannel):
        body (ConfigureChannelEmailIn | ConfigureChannelTelegramIn | ConfigureChannelViberIn |
            ConfigureChannelWalletIn | ConfigureChannelWhatsAppIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChannelOut | Problem
    """

    return (
        await asyncio_detailed(
            channel=channel,
            client=client,
            body=body,
        )
    ).parsed
