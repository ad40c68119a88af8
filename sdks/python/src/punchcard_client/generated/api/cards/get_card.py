from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.card_out import CardOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    card_ref: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cards/{card_ref}".format(
            card_ref=quote(str(card_ref), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CardOut | Problem | None:
    if response.status_code == 200:
        response_200 = CardOut.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CardOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    card_ref: str,
    *,
    client: AuthenticatedClient,
) -> Response[CardOut | Problem]:
    """A card: stamps, progress, vouchers

     A card: stamps, progress, vouchers. **Who:** Any staff key (owner, manager or scanner).
    **Emits:** none.

    Args:
        card_ref (str): The card id (card_...) or its scan code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CardOut | Problem]
    """

    kwargs = _get_kwargs(
        card_ref=card_ref,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    card_ref: str,
    *,
    client: AuthenticatedClient,
) -> CardOut | Problem | None:
    """A card: stamps, progress, vouchers

     A card: stamps, progress, vouchers. **Who:** Any staff key (owner, manager or scanner).
    **Emits:** none.

    Args:
        card_ref (str): The card id (card_...) or its scan code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CardOut | Problem
    """

    return sync_detailed(
        card_ref=card_ref,
        client=client,
    ).parsed


async def asyncio_detailed(
    card_ref: str,
    *,
    client: AuthenticatedClient,
) -> Response[CardOut | Problem]:
    """A card: stamps, progress, vouchers

     A card: stamps, progress, vouchers. **Who:** Any staff key (owner, manager or scanner).
    **Emits:** none.

    Args:
        card_ref (str): The card id (card_...) or its scan code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CardOut | Problem]
    """

    kwargs = _get_kwargs(
        card_ref=card_ref,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    card_ref: str,
    *,
    client: AuthenticatedClient,
) -> CardOut | Problem | None:
    """A card: stamps, progress, vouchers

     A card: stamps, progress, vouchers. **Who:** Any staff key (owner, manager or scanner).
    **Emits:** none.

    Args:
        card_ref (str): The card id (card_...) or its scan code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CardOut | Problem
    """

    return (
        await asyncio_detailed(
            card_ref=card_ref,
            client=client,
        )
    ).parsed
