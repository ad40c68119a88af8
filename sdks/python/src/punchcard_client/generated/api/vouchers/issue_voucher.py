from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
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


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | VoucherOut | None:
    if response.status_code == 201:
        response_201 = VoucherOut.from_dict(response.json())

        return response_201

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HTTPValidationError | VoucherOut]:
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
) -> Response[HTTPValidationError | VoucherOut]:
    """Issue a voucher to a card or customer (from a template, or custom)

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (VoucherIssue):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | VoucherOut]
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
) -> HTTPValidationError | VoucherOut | None:
    """Issue a voucher to a card or customer (from a template, or custom)

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (VoucherIssue):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | VoucherOut
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
) -> Response[HTTPValidationError | VoucherOut]:
    """Issue a voucher to a card or customer (from a template, or custom)

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (VoucherIssue):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | VoucherOut]
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
) -> HTTPValidationError | VoucherOut | None:
    """Issue a voucher to a card or customer (from a template, or custom)

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (VoucherIssue):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | VoucherOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
