from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.channel_test import ChannelTest
from ...models.problem import Problem
from ...models.send_result_out import SendResultOut
from ...models.test_channel_channel import TestChannelChannel
from ...types import Response


def _get_kwargs(
    channel: TestChannelChannel,
    *,
    body: ChannelTest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/channels/{channel}/test".format(
            channel=quote(str(channel), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SendResultOut | None:
    if response.status_code == 200:
        response_200 = SendResultOut.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SendResultOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    channel: TestChannelChannel,
    *,
    client: AuthenticatedClient,
    body: ChannelTest,
) -> Response[Problem | SendResultOut]:
    """Send a test message to an address; the provider's answer

     Send a test message to an address; the provider's answer. **Who:** Owners and managers.
    **Emits:** none.

    Args:
        channel (TestChannelChannel):
        body (ChannelTest): ``address``: an email address, a phone number (WhatsApp), a Telegram
            chat id, a Viber
            user id, or a card id (wallet: the card must be held by a wallet).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SendResultOut]
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
    channel: TestChannelChannel,
    *,
    client: AuthenticatedClient,
    body: ChannelTest,
) -> Problem | SendResultOut | None:
    """Send a test message to an address; the provider's answer

     Send a test message to an address; the provider's answer. **Who:** Owners and managers.
    **Emits:** none.

    Args:
        channel (TestChannelChannel):
        body (ChannelTest): ``address``: an email address, a phone number (WhatsApp), a Telegram
            chat id, a Viber
            user id, or a card id (wallet: the card must be held by a wallet).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SendResultOut
    """

    return sync_detailed(
        channel=channel,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    channel: TestChannelChannel,
    *,
    client: AuthenticatedClient,
    body: ChannelTest,
) -> Response[Problem | SendResultOut]:
    """Send a test message to an address; the provider's answer

     Send a test message to an address; the provider's answer. **Who:** Owners and managers.
    **Emits:** none.

    Args:
        channel (TestChannelChannel):
        body (ChannelTest): ``address``: an email address, a phone number (WhatsApp), a Telegram
            chat id, a Viber
            user id, or a card id (wallet: the card must be held by a wallet).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SendResultOut]
    """

    kwargs = _get_kwargs(
        channel=channel,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    channel: TestChannelChannel,
    *,
    client: AuthenticatedClient,
    body: ChannelTest,
) -> Problem | SendResultOut | None:
    """Send a test message to an address; the provider's answer

     Send a test message to an address; the provider's answer. **Who:** Owners and managers.
    **Emits:** none.

    Args:
        channel (TestChannelChannel):
        body (ChannelTest): ``address``: an email address, a phone number (WhatsApp), a Telegram
            chat id, a Viber
            user id, or a card id (wallet: the card must be held by a wallet).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SendResultOut
    """

    return (
        await asyncio_detailed(
            channel=channel,
            client=client,
            body=body,
        )
    ).parsed
