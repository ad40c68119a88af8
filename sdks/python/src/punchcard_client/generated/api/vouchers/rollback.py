from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
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
    voucher_id: str,
    *,
    client: AuthenticatedClient,
    body: None | RollbackIn | Unset = UNSET,
) -> Response[Problem | VoucherOut]:
    """Roll back a redemption within the rollback window (the voucher is redeemable again)

     Roll back a redemption within the rollback window (the voucher is redeemable again). **Who:**
    Any staff key (owner, manager or scanner). **Emits:** voucher_redemption_rolled_back.

    Args:
        voucher_id (str):
        body (None | RollbackIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VoucherOut]
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
) -> Problem | VoucherOut | None:
    """Roll back a redemption within the rollback window (the voucher is redeemable again)

     Roll back a redemption within the rollback window (the voucher is redeemable again). **Who:**
    Any staff key (owner, manager or scanner). **Emits:** voucher_redemption_rolled_back.

    Args:
        voucher_id (str):
        body (None | RollbackIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VoucherOut
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
) -> Response[Problem | VoucherOut]:
    """Roll back a redemption within the rollback window (the voucher is redeemable again)

     Roll back a redemption within the rollback window (the voucher is redeemable again). **Who:**
    Any staff key (owner, manager or scanner). **Emits:** voucher_redemption_rolled_back.

    Args:
        voucher_id (str):
        body (None | RollbackIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VoucherOut]
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
) -> Problem | VoucherOut | None:
    """Roll back a redemption within the rollback window (the voucher is redeemable again)

     Roll back a redemption within the rollback window (the voucher is redeemable again). **Who:**
    Any staff key (owner, manager or scanner). **Emits:** voucher_redemption_rolled_back.

    Args:
        voucher_id (str):
        body (None | RollbackIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VoucherOut
    """

    return (
        await asyncio_detailed(
            voucher_id=voucher_id,
            client=client,
            body=body,
        )
    ).parsed
