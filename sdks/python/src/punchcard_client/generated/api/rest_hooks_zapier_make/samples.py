from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.samples_response_200_item import SamplesResponse200Item
from ...types import Response


def _get_kwargs(
    event_type: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/hooks/samples/{event_type}".format(
            event_type=quote(str(event_type), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[SamplesResponse200Item] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = SamplesResponse200Item.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Problem | list[SamplesResponse200Item]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    event_type: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[SamplesResponse200Item]]:
    """Latest events of a type in the webhook body's shape (a sample if none yet)

     Latest events of a type in the webhook body's shape (a sample if none yet). **Who:** Owners
    and managers not bound to a location. **Emits:** none.

    Args:
        event_type (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[SamplesResponse200Item]]
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
    client: AuthenticatedClient,
) -> Problem | list[SamplesResponse200Item] | None:
    """Latest events of a type in the webhook body's shape (a sample if none yet)

     Latest events of a type in the webhook body's shape (a sample if none yet). **Who:** Owners
    and managers not bound to a location. **Emits:** none.

    Args:
        event_type (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[SamplesResponse200Item]
    """

    return sync_detailed(
        event_type=event_type,
        client=client,
    ).parsed


async def asyncio_detailed(
    event_type: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[SamplesResponse200Item]]:
    """Latest events of a type in the webhook body's shape (a sample if none yet)

     Latest events of a type in the webhook body's shape (a sample if none yet). **Who:** Owners
    and managers not bound to a location. **Emits:** none.

    Args:
        event_type (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[SamplesResponse200Item]]
    """

    kwargs = _get_kwargs(
        event_type=event_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    event_type: str,
    *,
    client: AuthenticatedClient,
) -> Problem | list[SamplesResponse200Item] | None:
    """Latest events of a type in the webhook body's shape (a sample if none yet)

     Latest events of a type in the webhook body's shape (a sample if none yet). **Who:** Owners
    and managers not bound to a location. **Emits:** none.

    Args:
        event_type (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[SamplesResponse200Item]
    """

    return (
        await asyncio_detailed(
            event_type=event_type,
            client=client,
        )
    ).parsed
