from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.message_out import MessageOut
from ...types import Response


def _get_kwargs(
    endpoint_id: str,
    message_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhooks/{endpoint_id}/messages/{message_id}/replay".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
            message_id=quote(str(message_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | MessageOut | None:
    if response.status_code == 202:
        response_202 = MessageOut.from_dict(response.json())

        return response_202

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HTTPValidationError | MessageOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_id: str,
    message_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[HTTPValidationError | MessageOut]:
    """Deliver a message again now (same webhook-id)

    Args:
        endpoint_id (str):
        message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | MessageOut]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        message_id=message_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: str,
    message_id: str,
    *,
    client: AuthenticatedClient,
) -> HTTPValidationError | MessageOut | None:
    """Deliver a message again now (same webhook-id)

    Args:
        endpoint_id (str):
        message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | MessageOut
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        message_id=message_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    endpoint_id: str,
    message_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[HTTPValidationError | MessageOut]:
    """Deliver a message again now (same webhook-id)

    Args:
        endpoint_id (str):
        message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | MessageOut]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        message_id=message_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: str,
    message_id: str,
    *,
    client: AuthenticatedClient,
) -> HTTPValidationError | MessageOut | None:
    """Deliver a message again now (same webhook-id)

    Args:
        endpoint_id (str):
        message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | MessageOut
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            message_id=message_id,
            client=client,
        )
    ).parsed
