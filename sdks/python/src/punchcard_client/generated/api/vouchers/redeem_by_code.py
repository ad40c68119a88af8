from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.redeem_by_code import RedeemByCode
from ...models.voucher_out import VoucherOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RedeemByCode,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/vouchers/redeem",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VoucherOut | None:
    if response.status_code == 200:
        response_200 = VoucherOut.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | VoucherOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RedeemByCode,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VoucherOut]:
    """Redeem a voucher by its redeem code (exactly once)

     Redeem a voucher by its redeem code (exactly once). One conditional update redeems the
    voucher, however many requests race for it; a shared POS code also needs `card_id` or
    `customer_id`. A code matches case-insensitively, ignoring surrounding spaces. Digits a till
    read from an EAN-13 symbol also name the code it was drawn from: a 12-digit code is drawn with
    its check digit appended, so the 13 digits scanned (or 12 as UPC-A, when the EAN-13 starts with
    0) name it; a wrong check digit names nothing. A voucher whose own code is exactly what was sent
    comes first. **Who:** Any staff key (owner, manager or scanner). **Emits:** code_pool_empty,
    referral_converted, voucher_issued, voucher_redeemed.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (RedeemByCode):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VoucherOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: RedeemByCode,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VoucherOut | None:
    """Redeem a voucher by its redeem code (exactly once)

     Redeem a voucher by its redeem code (exactly once). One conditional update redeems the
    voucher, however many requests race for it; a shared POS code also needs `card_id` or
    `customer_id`. A code matches case-insensitively, ignoring surrounding spaces. Digits a till
    read from an EAN-13 symbol also name the code it was drawn from: a 12-digit code is drawn with
    its check digit appended, so the 13 digits scanned (or 12 as UPC-A, when the EAN-13 starts with
    0) name it; a wrong check digit names nothing. A voucher whose own code is exactly what was sent
    comes first. **Who:** Any staff key (owner, manager or scanner). **Emits:** code_pool_empty,
    referral_converted, voucher_issued, voucher_redeemed.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (RedeemByCode):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VoucherOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RedeemByCode,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VoucherOut]:
    """Redeem a voucher by its redeem code (exactly once)

     Redeem a voucher by its redeem code (exactly once). One conditional update redeems the
    voucher, however many requests race for it; a shared POS code also needs `card_id` or
    `customer_id`. A code matches case-insensitively, ignoring surrounding spaces. Digits a till
    read from an EAN-13 symbol also name the code it was drawn from: a 12-digit code is drawn with
    its check digit appended, so the 13 digits scanned (or 12 as UPC-A, when the EAN-13 starts with
    0) name it; a wrong check digit names nothing. A voucher whose own code is exactly what was sent
    comes first. **Who:** Any staff key (owner, manager or scanner). **Emits:** code_pool_empty,
    referral_converted, voucher_issued, voucher_redeemed.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (RedeemByCode):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VoucherOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RedeemByCode,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VoucherOut | None:
    """Redeem a voucher by its redeem code (exactly once)

     Redeem a voucher by its redeem code (exactly once). One conditional update redeems the
    voucher, however many requests race for it; a shared POS code also needs `card_id` or
    `customer_id`. A code matches case-insensitively, ignoring surrounding spaces. Digits a till
    read from an EAN-13 symbol also name the code it was drawn from: a 12-digit code is drawn with
    its check digit appended, so the 13 digits scanned (or 12 as UPC-A, when the EAN-13 starts with
    0) name it; a wrong check digit names nothing. A voucher whose own code is exactly what was sent
    comes first. **Who:** Any staff key (owner, manager or scanner). **Emits:** code_pool_empty,
    referral_converted, voucher_issued, voucher_redeemed.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (RedeemByCode):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VoucherOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
