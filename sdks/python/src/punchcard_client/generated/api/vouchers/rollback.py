from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.rollback_in import RollbackIn
from ...models.voucher_out import VoucherOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    voucher_id: str,
    *,
    body: None | RollbackIn | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/vouchers/{voucher_id}/redemption/rollback".format(
            voucher_id=quote(str(voucher_id), safe=""),
        ),
    }

    if isinstance(body, RollbackIn):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | HTTPValidationError | VoucherOut | None:
    if response.status_code == 200:
        response_200 = VoucherOut.from_dict(response.json())

        return response_200

    if response.status_code == 403:
        response_403 = cast(Any, None)
        return response_403

    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

    if response.status_code == 409:
        response_409 = cast(Any, None)
        return response_409

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | HTTPValidationError | VoucherOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    voucher_id: str,
    *,
    client: AuthenticatedClient,
    body: None | RollbackIn | Unset = UNSET,
) -> Response[Any | HTTPValidationError | VoucherOut]:
    """Roll back a redemption within the rollback window (the voucher is redeemable again)

    Args:
        voucher_id (str):
        body (None | RollbackIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | VoucherOut]
    """

    kwargs = _get_kwargs(
        voucher_id=voucher_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    voucher_id: str,
    *,
    client: AuthenticatedClient,
    body: None | RollbackIn | Unset = UNSET,
) -> Any | HTTPValidationError | VoucherOut | None:
    """Roll back a redemption within the rollback window (the voucher is redeemable again)

    Args:
        voucher_id (str):
        body (None | RollbackIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | VoucherOut
    """

    return sync_detailed(
        voucher_id=voucher_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    voucher_id: str,
    *,
    client: AuthenticatedClient,
    body: None | RollbackIn | Unset = UNSET,
) -> Response[Any | HTTPValidationError | VoucherOut]:
    """Roll back a redemption within the rollback window (the voucher is redeemable again)

    Args:
        voucher_id (str):
        body (None | RollbackIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | VoucherOut]
    """

    kwargs = _get_kwargs(
        voucher_id=voucher_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    voucher_id: str,
    *,
    client: AuthenticatedClient,
    body: None | RollbackIn | Unset = UNSET,
) -> Any | HTTPValidationError | VoucherOut | None:
    """Roll back a redemption within the rollback window (the voucher is redeemable again)

    Args:
        voucher_id (str):
        body (None | RollbackIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | VoucherOut
    """

    return (
        await asyncio_detailed(
            voucher_id=voucher_id,
            client=client,
            body=body,
        )
    ).parsed
