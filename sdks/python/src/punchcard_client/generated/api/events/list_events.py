from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.history_out import HistoryOut
from ...models.list_events_type_type_0 import ListEventsTypeType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    type_: ListEventsTypeType0 | None | Unset = UNSET,
    card_id: None | str | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    voucher_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, ListEventsTypeType0):
        json_type_ = type_.value
    else:
        json_type_ = type_
    params["type"] = json_type_

    json_card_id: None | str | Unset
    if isinstance(card_id, Unset):
        json_card_id = UNSET
    else:
        json_card_id = card_id
    params["card_id"] = json_card_id

    json_customer_id: None | str | Unset
    if isinstance(customer_id, Unset):
        json_customer_id = UNSET
    else:
        json_customer_id = customer_id
    params["customer_id"] = json_customer_id

    json_voucher_id: None | str | Unset
    if isinstance(voucher_id, Unset):
        json_voucher_id = UNSET
    else:
        json_voucher_id = voucher_id
    params["voucher_id"] = json_voucher_id

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
        "url": "/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> HistoryOut | Problem | None:
    if response.status_code == 200:
        response_200 = HistoryOut.from_dict(response.json())

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
) -> Response[HistoryOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    type_: ListEventsTypeType0 | None | Unset = UNSET,
    card_id: None | str | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    voucher_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[HistoryOut | Problem]:
    """Loyalty events of the business, newest first

     Loyalty events of the business, newest first. **Who:** Owners and managers.
    **Emits:** none.

    Args:
        type_ (ListEventsTypeType0 | None | Unset): Only events of this type.
        card_id (None | str | Unset):
        customer_id (None | str | Unset):
        voucher_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HistoryOut | Problem]
    """

    kwargs = _get_kwargs(
        type_=type_,
        card_id=card_id,
        customer_id=customer_id,
        voucher_id=voucher_id,
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
    type_: ListEventsTypeType0 | None | Unset = UNSET,
    card_id: None | str | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    voucher_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> HistoryOut | Problem | None:
    """Loyalty events of the business, newest first

     Loyalty events of the business, newest first. **Who:** Owners and managers.
    **Emits:** none.

    Args:
        type_ (ListEventsTypeType0 | None | Unset): Only events of this type.
        card_id (None | str | Unset):
        customer_id (None | str | Unset):
        voucher_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HistoryOut | Problem
    """

    return sync_detailed(
        client=client,
        type_=type_,
        card_id=card_id,
        customer_id=customer_id,
        voucher_id=voucher_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    type_: ListEventsTypeType0 | None | Unset = UNSET,
    card_id: None | str | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    voucher_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[HistoryOut | Problem]:
    """Loyalty events of the business, newest first

     Loyalty events of the business, newest first. **Who:** Owners and managers.
    **Emits:** none.

    Args:
        type_ (ListEventsTypeType0 | None | Unset): Only events of this type.
        card_id (None | str | Unset):
        customer_id (None | str | Unset):
        voucher_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HistoryOut | Problem]
    """

    kwargs = _get_kwargs(
        type_=type_,
        card_id=card_id,
        customer_id=customer_id,
        voucher_id=voucher_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    type_: ListEventsTypeType0 | None | Unset = UNSET,
    card_id: None | str | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    voucher_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> HistoryOut | Problem | None:
    """Loyalty events of the business, newest first

     Loyalty events of the business, newest first. **Who:** Owners and managers.
    **Emits:** none.

    Args:
        type_ (ListEventsTypeType0 | None | Unset): Only events of this type.
        card_id (None | str | Unset):
        customer_id (None | str | Unset):
        voucher_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HistoryOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            type_=type_,
            card_id=card_id,
            customer_id=customer_id,
            voucher_id=voucher_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
