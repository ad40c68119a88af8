from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_type_out import EventTypeOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    event_type: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/event-types/{event_type}".format(
            event_type=quote(str(event_type), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EventTypeOut | Problem | None:
    if response.status_code == 200:
        response_200 = EventTypeOut.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EventTypeOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    event_type: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EventTypeOut | Problem]:
    """One event type

     One event type. **Who:** Anyone; no API key needed. **Emits:** none.

    Args:
        event_type (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventTypeOut | Problem]
    """

    kwargs = _get_kwargs(
        event_type=event_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    event_type: str,
    *,
    client: AuthenticatedClient | Client,
) -> EventTypeOut | Problem | None:
    """One event type

     One event type. **Who:** Anyone; no API key needed. **Emits:** none.

    Args:
        event_type (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventTypeOut | Problem
    """

    return sync_detailed(
        event_type=event_type,
        client=client,
    ).parsed


async def asyncio_detailed(
    event_type: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EventTypeOut | Problem]:
    """One event type

     One event type. **Who:** Anyone; no API key needed. **Emits:** none.

    Args:
        event_type (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventTypeOut | Problem]
    """

    kwargs = _get_kwargs(
        event_type=event_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    event_type: str,
    *,
    client: AuthenticatedClient | Client,
) -> EventTypeOut | Problem | None:
    """One event type

     One event type. **Who:** Anyone; no API key needed. **Emits:** none.

    Args:
        event_type (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventTypeOut | Problem
    """

    return (
        await asyncio_detailed(
            event_type=event_type,
            client=client,
        )
    ).parsed
