from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_draw_out import PageDrawOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    lottery_id: None | str | Unset = UNSET,
    card_id: None | str | Unset = UNSET,
    ticket_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_lottery_id: None | str | Unset
    if isinstance(lottery_id, Unset):
        json_lottery_id = UNSET
    else:
        json_lottery_id = lottery_id
    params["lottery_id"] = json_lottery_id

    json_card_id: None | str | Unset
    if isinstance(card_id, Unset):
        json_card_id = UNSET
    else:
        json_card_id = card_id
    params["card_id"] = json_card_id

    json_ticket_id: None | str | Unset
    if isinstance(ticket_id, Unset):
        json_ticket_id = UNSET
    else:
        json_ticket_id = ticket_id
    params["ticket_id"] = json_ticket_id

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/lottery-draws",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageDrawOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageDrawOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[PageDrawOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    lottery_id: None | str | Unset = UNSET,
    card_id: None | str | Unset = UNSET,
    ticket_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageDrawOut | Problem]:
    """List draws (the audit log of plays), newest first

     List draws (the audit log of plays), newest first. **Who:** Any staff key (owner, manager or
    scanner). **Emits:** none.

    Args:
        lottery_id (None | str | Unset):
        card_id (None | str | Unset):
        ticket_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDrawOut | Problem]
    """

    kwargs = _get_kwargs(
        lottery_id=lottery_id,
        card_id=card_id,
        ticket_id=ticket_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    lottery_id: None | str | Unset = UNSET,
    card_id: None | str | Unset = UNSET,
    ticket_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageDrawOut | Problem | None:
    """List draws (the audit log of plays), newest first

     List draws (the audit log of plays), newest first. **Who:** Any staff key (owner, manager or
    scanner). **Emits:** none.

    Args:
        lottery_id (None | str | Unset):
        card_id (None | str | Unset):
        ticket_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDrawOut | Problem
    """

    return sync_detailed(
        client=client,
        lottery_id=lottery_id,
        card_id=card_id,
        ticket_id=ticket_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    lottery_id: None | str | Unset = UNSET,
    card_id: None | str | Unset = UNSET,
    ticket_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageDrawOut | Problem]:
    """List draws (the audit log of plays), newest first

     List draws (the audit log of plays), newest first. **Who:** Any staff key (owner, manager or
    scanner). **Emits:** none.

    Args:
        lottery_id (None | str | Unset):
        card_id (None | str | Unset):
        ticket_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDrawOut | Problem]
    """

    kwargs = _get_kwargs(
        lottery_id=lottery_id,
        card_id=card_id,
        ticket_id=ticket_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    lottery_id: None | str | Unset = UNSET,
    card_id: None | str | Unset = UNSET,
    ticket_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageDrawOut | Problem | None:
    """List draws (the audit log of plays), newest first

     List draws (the audit log of plays), newest first. **Who:** Any staff key (owner, manager or
    scanner). **Emits:** none.

    Args:
        lottery_id (None | str | Unset):
        card_id (None | str | Unset):
        ticket_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDrawOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            lottery_id=lottery_id,
            card_id=card_id,
            ticket_id=ticket_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
