from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_vouchers_status_type_0 import ListVouchersStatusType0
from ...models.list_vouchers_type_type_0 import ListVouchersTypeType0
from ...models.page_voucher_out import PageVoucherOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    customer_id: None | str | Unset = UNSET,
    card_id: None | str | Unset = UNSET,
    status: ListVouchersStatusType0 | None | Unset = UNSET,
    code: None | str | Unset = UNSET,
    type_: ListVouchersTypeType0 | None | Unset = UNSET,
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

    json_card_id: None | str | Unset
    if isinstance(card_id, Unset):
        json_card_id = UNSET
    else:
        json_card_id = card_id
    params["card_id"] = json_card_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListVouchersStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_code: None | str | Unset
    if isinstance(code, Unset):
        json_code = UNSET
    else:
        json_code = code
    params["code"] = json_code

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, ListVouchersTypeType0):
        json_type_ = type_.value
    else:
        json_type_ = type_
    params["type"] = json_type_

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
        "url": "/v1/vouchers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageVoucherOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageVoucherOut.from_dict(response.json())

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
) -> Response[PageVoucherOut | Problem]:
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
    card_id: None | str | Unset = UNSET,
    status: ListVouchersStatusType0 | None | Unset = UNSET,
    code: None | str | Unset = UNSET,
    type_: ListVouchersTypeType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageVoucherOut | Problem]:
    """List vouchers

     List vouchers. **Who:** Any staff key (owner, manager or scanner). **Emits:** none.

    Args:
        customer_id (None | str | Unset):
        card_id (None | str | Unset):
        status (ListVouchersStatusType0 | None | Unset):
        code (None | str | Unset): Vouchers this code names. A code matches case-insensitively,
            ignoring surrounding spaces. Digits a till read from an EAN-13 symbol also name the code
            it was drawn from: a 12-digit code is drawn with its check digit appended, so the 13
            digits scanned (or 12 as UPC-A, when the EAN-13 starts with 0) name it; a wrong check
            digit names nothing. A voucher whose own code is exactly what was sent comes first.
        type_ (ListVouchersTypeType0 | None | Unset): voucher: redeemable rewards; lottery:
            lottery tickets.
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageVoucherOut | Problem]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        card_id=card_id,
        status=status,
        code=code,
        type_=type_,
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
    card_id: None | str | Unset = UNSET,
    status: ListVouchersStatusType0 | None | Unset = UNSET,
    code: None | str | Unset = UNSET,
    type_: ListVouchersTypeType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageVoucherOut | Problem | None:
    """List vouchers

     List vouchers. **Who:** Any staff key (owner, manager or scanner). **Emits:** none.

    Args:
        customer_id (None | str | Unset):
        card_id (None | str | Unset):
        status (ListVouchersStatusType0 | None | Unset):
        code (None | str | Unset): Vouchers this code names. A code matches case-insensitively,
            ignoring surrounding spaces. Digits a till read from an EAN-13 symbol also name the code
            it was drawn from: a 12-digit code is drawn with its check digit appended, so the 13
            digits scanned (or 12 as UPC-A, when the EAN-13 starts with 0) name it; a wrong check
            digit names nothing. A voucher whose own code is exactly what was sent comes first.
        type_ (ListVouchersTypeType0 | None | Unset): voucher: redeemable rewards; lottery:
            lottery tickets.
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageVoucherOut | Problem
    """

    return sync_detailed(
        client=client,
        customer_id=customer_id,
        card_id=card_id,
        status=status,
        code=code,
        type_=type_,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    customer_id: None | str | Unset = UNSET,
    card_id: None | str | Unset = UNSET,
    status: ListVouchersStatusType0 | None | Unset = UNSET,
    code: None | str | Unset = UNSET,
    type_: ListVouchersTypeType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageVoucherOut | Problem]:
    """List vouchers

     List vouchers. **Who:** Any staff key (owner, manager or scanner). **Emits:** none.

    Args:
        customer_id (None | str | Unset):
        card_id (None | str | Unset):
        status (ListVouchersStatusType0 | None | Unset):
        code (None | str | Unset): Vouchers this code names. A code matches case-insensitively,
            ignoring surrounding spaces. Digits a till read from an EAN-13 symbol also name the code
            it was drawn from: a 12-digit code is drawn with its check digit appended, so the 13
            digits scanned (or 12 as UPC-A, when the EAN-13 starts with 0) name it; a wrong check
            digit names nothing. A voucher whose own code is exactly what was sent comes first.
        type_ (ListVouchersTypeType0 | None | Unset): voucher: redeemable rewards; lottery:
            lottery tickets.
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageVoucherOut | Problem]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        card_id=card_id,
        status=status,
        code=code,
        type_=type_,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    customer_id: None | str | Unset = UNSET,
    card_id: None | str | Unset = UNSET,
    status: ListVouchersStatusType0 | None | Unset = UNSET,
    code: None | str | Unset = UNSET,
    type_: ListVouchersTypeType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageVoucherOut | Problem | None:
    """List vouchers

     List vouchers. **Who:** Any staff key (owner, manager or scanner). **Emits:** none.

    Args:
        customer_id (None | str | Unset):
        card_id (None | str | Unset):
        status (ListVouchersStatusType0 | None | Unset):
        code (None | str | Unset): Vouchers this code names. A code matches case-insensitively,
            ignoring surrounding spaces. Digits a till read from an EAN-13 symbol also name the code
            it was drawn from: a 12-digit code is drawn with its check digit appended, so the 13
            digits scanned (or 12 as UPC-A, when the EAN-13 starts with 0) name it; a wrong check
            digit names nothing. A voucher whose own code is exactly what was sent comes first.
        type_ (ListVouchersTypeType0 | None | Unset): voucher: redeemable rewards; lottery:
            lottery tickets.
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageVoucherOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            customer_id=customer_id,
            card_id=card_id,
            status=status,
            code=code,
            type_=type_,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
