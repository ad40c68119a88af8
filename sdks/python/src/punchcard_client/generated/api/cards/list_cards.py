from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_cards_status_type_0 import ListCardsStatusType0
from ...models.page_card_state import PageCardState
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    customer_id: None | str | Unset = UNSET,
    program_id: None | str | Unset = UNSET,
    status: ListCardsStatusType0 | None | Unset = UNSET,
    scan_code: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_customer_id: None | str | Unset
    if isinstance(customer_id, Unset):
        json_customer_id = UNSET
    else:
        json_customer_id = customer_id
    params["customer_id"] = json_customer_id

    json_program_id: None | str | Unset
    if isinstance(program_id, Unset):
        json_program_id = UNSET
    else:
        json_program_id = program_id
    params["program_id"] = json_program_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListCardsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_scan_code: None | str | Unset
    if isinstance(scan_code, Unset):
        json_scan_code = UNSET
    else:
        json_scan_code = scan_code
    params["scan_code"] = json_scan_code

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
        "url": "/v1/cards",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageCardState | Problem | None:
    if response.status_code == 200:
        response_200 = PageCardState.from_dict(response.json())

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
) -> Response[PageCardState | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    customer_id: None | str | Unset = UNSET,
    program_id: None | str | Unset = UNSET,
    status: ListCardsStatusType0 | None | Unset = UNSET,
    scan_code: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageCardState | Problem]:
    """List cards

     List cards. **Who:** Any staff key (owner, manager or scanner). **Emits:** none.

    Args:
        customer_id (None | str | Unset):
        program_id (None | str | Unset):
        status (ListCardsStatusType0 | None | Unset):
        scan_code (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCardState | Problem]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        program_id=program_id,
        status=status,
        scan_code=scan_code,
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
    customer_id: None | str | Unset = UNSET,
    program_id: None | str | Unset = UNSET,
    status: ListCardsStatusType0 | None | Unset = UNSET,
    scan_code: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageCardState | Problem | None:
    """List cards

     List cards. **Who:** Any staff key (owner, manager or scanner). **Emits:** none.

    Args:
        customer_id (None | str | Unset):
        program_id (None | str | Unset):
        status (ListCardsStatusType0 | None | Unset):
        scan_code (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCardState | Problem
    """

    return sync_detailed(
        client=client,
        customer_id=customer_id,
        program_id=program_id,
        status=status,
        scan_code=scan_code,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    customer_id: None | str | Unset = UNSET,
    program_id: None | str | Unset = UNSET,
    status: ListCardsStatusType0 | None | Unset = UNSET,
    scan_code: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageCardState | Problem]:
    """List cards

     List cards. **Who:** Any staff key (owner, manager or scanner). **Emits:** none.

    Args:
        customer_id (None | str | Unset):
        program_id (None | str | Unset):
        status (ListCardsStatusType0 | None | Unset):
        scan_code (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCardState | Problem]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        program_id=program_id,
        status=status,
        scan_code=scan_code,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    customer_id: None | str | Unset = UNSET,
    program_id: None | str | Unset = UNSET,
    status: ListCardsStatusType0 | None | Unset = UNSET,
    scan_code: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageCardState | Problem | None:
    """List cards

     List cards. **Who:** Any staff key (owner, manager or scanner). **Emits:** none.

    Args:
        customer_id (None | str | Unset):
        program_id (None | str | Unset):
        status (ListCardsStatusType0 | None | Unset):
        scan_code (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCardState | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            customer_id=customer_id,
            program_id=program_id,
            status=status,
            scan_code=scan_code,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
