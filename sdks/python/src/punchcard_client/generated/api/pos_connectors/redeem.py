from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.pos_redeem import PosRedeem
from ...models.problem import Problem
from ...models.voucher_out import VoucherOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    connector_id: str,
    *,
    body: PosRedeem,
    webhook_id: None | str | Unset = UNSET,
    webhook_timestamp: None | str | Unset = UNSET,
    webhook_signature: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(webhook_id, Unset):
        headers["webhook-id"] = webhook_id

    if not isinstance(webhook_timestamp, Unset):
        headers["webhook-timestamp"] = webhook_timestamp

    if not isinstance(webhook_signature, Unset):
        headers["webhook-signature"] = webhook_signature

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/pos/{connector_id}/redeem".format(
            connector_id=quote(str(connector_id), safe=""),
        ),
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
    connector_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PosRedeem,
    webhook_id: None | str | Unset = UNSET,
    webhook_timestamp: None | str | Unset = UNSET,
    webhook_signature: None | str | Unset = UNSET,
) -> Response[Problem | VoucherOut]:
    """A till redeems a voucher by code (signed like a generic webhook)

     A till redeems a voucher by code (signed like a generic webhook). **Who:** The till or POS
    system, signing with the connector's secret (no API key). **Emits:** code_pool_empty,
    referral_converted, voucher_issued, voucher_redeemed.

    Args:
        connector_id (str):
        webhook_id (None | str | Unset): A unique id of this request (generic webhooks and
            redemptions).
        webhook_timestamp (None | str | Unset): Unix seconds; refused when more than 5 minutes
            off.
        webhook_signature (None | str | Unset): v1,<base64 HMAC-SHA256 of
            '{id}.{timestamp}.{body}'>.
        body (PosRedeem): A till redeeming a voucher by the code the customer shows.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VoucherOut]
    """

    kwargs = _get_kwargs(
        connector_id=connector_id,
        body=body,
        webhook_id=webhook_id,
        webhook_timestamp=webhook_timestamp,
        webhook_signature=webhook_signature,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    connector_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PosRedeem,
    webhook_id: None | str | Unset = UNSET,
    webhook_timestamp: None | str | Unset = UNSET,
    webhook_signature: None | str | Unset = UNSET,
) -> Problem | VoucherOut | None:
    """A till redeems a voucher by code (signed like a generic webhook)

     A till redeems a voucher by code (signed like a generic webhook). **Who:** The till or POS
    system, signing with the connector's secret (no API key). **Emits:** code_pool_empty,
    referral_converted, voucher_issued, voucher_redeemed.

    Args:
        connector_id (str):
        webhook_id (None | str | Unset): A unique id of this request (generic webhooks and
            redemptions).
        webhook_timestamp (None | str | Unset): Unix seconds; refused when more than 5 minutes
            off.
        webhook_signature (None | str | Unset): v1,<base64 HMAC-SHA256 of
            '{id}.{timestamp}.{body}'>.
        body (PosRedeem): A till redeeming a voucher by the code the customer shows.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VoucherOut
    """

    return sync_detailed(
        connector_id=connector_id,
        client=client,
        body=body,
        webhook_id=webhook_id,
        webhook_timestamp=webhook_timestamp,
        webhook_signature=webhook_signature,
    ).parsed


async def asyncio_detailed(
    connector_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PosRedeem,
    webhook_id: None | str | Unset = UNSET,
    webhook_timestamp: None | str | Unset = UNSET,
    webhook_signature: None | str | Unset = UNSET,
) -> Response[Problem | VoucherOut]:
    """A till redeems a voucher by code (signed like a generic webhook)

     A till redeems a voucher by code (signed like a generic webhook). **Who:** The till or POS
    system, signing with the connector's secret (no API key). **Emits:** code_pool_empty,
    referral_converted, voucher_issued, voucher_redeemed.

    Args:
        connector_id (str):
        webhook_id (None | str | Unset): A unique id of this request (generic webhooks and
            redemptions).
        webhook_timestamp (None | str | Unset): Unix seconds; refused when more than 5 minutes
            off.
        webhook_signature (None | str | Unset): v1,<base64 HMAC-SHA256 of
            '{id}.{timestamp}.{body}'>.
        body (PosRedeem): A till redeeming a voucher by the code the customer shows.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VoucherOut]
    """

    kwargs = _get_kwargs(
        connector_id=connector_id,
        body=body,
        webhook_id=webhook_id,
        webhook_timestamp=webhook_timestamp,
        webhook_signature=webhook_signature,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    connector_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PosRedeem,
    webhook_id: None | str | Unset = UNSET,
    webhook_timestamp: None | str | Unset = UNSET,
    webhook_signature: None | str | Unset = UNSET,
) -> Problem | VoucherOut | None:
    """A till redeems a voucher by code (signed like a generic webhook)

     A till redeems a voucher by code (signed like a generic webhook). **Who:** The till or POS
    system, signing with the connector's secret (no API key). **Emits:** code_pool_empty,
    referral_converted, voucher_issued, voucher_redeemed.

    Args:
        connector_id (str):
        webhook_id (None | str | Unset): A unique id of this request (generic webhooks and
            redemptions).
        webhook_timestamp (None | str | Unset): Unix seconds; refused when more than 5 minutes
            off.
        webhook_signature (None | str | Unset): v1,<base64 HMAC-SHA256 of
            '{id}.{timestamp}.{body}'>.
        body (PosRedeem): A till redeeming a voucher by the code the customer shows.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VoucherOut
    """

    return (
        await asyncio_detailed(
            connector_id=connector_id,
            client=client,
            body=body,
            webhook_id=webhook_id,
            webhook_timestamp=webhook_timestamp,
            webhook_signature=webhook_signature,
        )
    ).parsed
