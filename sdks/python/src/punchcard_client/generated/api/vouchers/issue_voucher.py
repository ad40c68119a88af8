from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.voucher_issue import VoucherIssue
from ...models.voucher_out import VoucherOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: VoucherIssue,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/vouchers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VoucherOut | None:
    if response.status_code == 201:
        response_201 = VoucherOut.from_dict(response.json())

        return response_201

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
    body: VoucherIssue,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VoucherOut]:
    """Issue a voucher to a card or customer (from a template, or custom)

     Issue a voucher to a card or customer (from a template, or custom). **Who:** Owners and
    managers. **Emits:** code_pool_empty, voucher_issued.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (VoucherIssue):

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
    body: VoucherIssue,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VoucherOut | None:
    """Issue a voucher to a card or customer (from a template, or custom)

     Issue a voucher to a card or customer (from a template, or custom). **Who:** Owners and
    managers. **Emits:** code_pool_empty, voucher_issued.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (VoucherIssue):

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
    body: VoucherIssue,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VoucherOut]:
    """Issue a voucher to a card or customer (from a template, or custom)

     Issue a voucher to a card or customer (from a template, or custom). **Who:** Owners and
    managers. **Emits:** code_pool_empty, voucher_issued.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (VoucherIssue):

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
    body: VoucherIssue,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VoucherOut | None:
    """Issue a voucher to a card or customer (from a template, or custom)

     Issue a voucher to a card or customer (from a template, or custom). **Who:** Owners and
    managers. **Emits:** code_pool_empty, voucher_issued.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (VoucherIssue):

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
