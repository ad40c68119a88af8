from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.accepted import Accepted
from ...models.problem import Problem
from ...models.receive_webhook_generic_sale import ReceiveWebhookGenericSale
from ...models.receive_webhook_poster_webhook import ReceiveWebhookPosterWebhook
from ...models.receive_webhook_syrve_event import ReceiveWebhookSyrveEvent
from ...types import UNSET, Response, Unset


def _get_kwargs(
    connector_id: str,
    *,
    body: list[ReceiveWebhookSyrveEvent] | ReceiveWebhookGenericSale | ReceiveWebhookPosterWebhook,
    webhook_id: str | Unset = UNSET,
    webhook_timestamp: str | Unset = UNSET,
    webhook_signature: str | Unset = UNSET,
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
        "url": "/v1/pos/{connector_id}/webhook".format(
            connector_id=quote(str(connector_id), safe=""),
        ),
    }

    if isinstance(body, ReceiveWebhookGenericSale):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, ReceiveWebhookPosterWebhook):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = []
        for body_type_2_item_data in body:
            body_type_2_item = body_type_2_item_data.to_dict()
            _kwargs["json"].append(body_type_2_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Accepted | Problem | None:
    if response.status_code == 200:
        response_200 = Accepted.from_dict(response.json())

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

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Accepted | Problem]:
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
    body: list[ReceiveWebhookSyrveEvent] | ReceiveWebhookGenericSale | ReceiveWebhookPosterWebhook,
    webhook_id: str | Unset = UNSET,
    webhook_timestamp: str | Unset = UNSET,
    webhook_signature: str | Unset = UNSET,
) -> Response[Accepted | Problem]:
    """A till reports a sale (Poster's or Syrve's webhook, or a signed generic webhook)

     A till reports a sale (Poster's or Syrve's webhook, or a signed generic webhook). No API key:
    a Poster webhook is verified by its `verify` md5, a Syrve webhook (a JSON array of events) by
    its `Authorization` header (the authToken of Syrve's webhook settings: the connector's signing
    secret), a generic webhook by its Standard Webhooks signature (headers `webhook-id`,
    `webhook-timestamp`, `webhook-signature`). Every verified webhook is answered 200 with the
    outcome of each sale it carries (stamped, no_customer, below_minimum, duplicate, ...), so the
    till never retries a decided sale; a transaction is decided once, however often it is sent.
    **Who:** The till or POS system, signing with the connector's secret (no API key). **Emits:**
    code_pool_empty, goal_reached, referral_converted, referral_joined, reward_issued, stamp_added,
    voucher_issued.

    Args:
        connector_id (str):
        webhook_id (str | Unset):
        webhook_timestamp (str | Unset):
        webhook_signature (str | Unset):
        body (list[ReceiveWebhookSyrveEvent] | ReceiveWebhookGenericSale |
            ReceiveWebhookPosterWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Accepted | Problem]
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
    body: list[ReceiveWebhookSyrveEvent] | ReceiveWebhookGenericSale | ReceiveWebhookPosterWebhook,
    webhook_id: str | Unset = UNSET,
    webhook_timestamp: str | Unset = UNSET,
    webhook_signature: str | Unset = UNSET,
) -> Accepted | Problem | None:
    """A till reports a sale (Poster's or Syrve's webhook, or a signed generic webhook)

     A till reports a sale (Poster's or Syrve's webhook, or a signed generic webhook). No API key:
    a Poster webhook is verified by its `verify` md5, a Syrve webhook (a JSON array of events) by
    its `Authorization` header (the authToken of Syrve's webhook settings: the connector's signing
    secret), a generic webhook by its Standard Webhooks signature (headers `webhook-id`,
    `webhook-timestamp`, `webhook-signature`). Every verified webhook is answered 200 with the
    outcome of each sale it carries (stamped, no_customer, below_minimum, duplicate, ...), so the
    till never retries a decided sale; a transaction is decided once, however often it is sent.
    **Who:** The till or POS system, signing with the connector's secret (no API key). **Emits:**
    code_pool_empty, goal_reached, referral_converted, referral_joined, reward_issued, stamp_added,
    voucher_issued.

    Args:
        connector_id (str):
        webhook_id (str | Unset):
        webhook_timestamp (str | Unset):
        webhook_signature (str | Unset):
        body (list[ReceiveWebhookSyrveEvent] | ReceiveWebhookGenericSale |
            ReceiveWebhookPosterWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Accepted | Problem
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
    body: list[ReceiveWebhookSyrveEvent] | ReceiveWebhookGenericSale | ReceiveWebhookPosterWebhook,
    webhook_id: str | Unset = UNSET,
    webhook_timestamp: str | Unset = UNSET,
    webhook_signature: str | Unset = UNSET,
) -> Response[Accepted | Problem]:
    """A till reports a sale (Poster's or Syrve's webhook, or a signed generic webhook)

     A till reports a sale (Poster's or Syrve's webhook, or a signed generic webhook). No API key:
    a Poster webhook is verified by its `verify` md5, a Syrve webhook (a JSON array of events) by
    its `Authorization` header (the authToken of Syrve's webhook settings: the connector's signing
    secret), a generic webhook by its Standard Webhooks signature (headers `webhook-id`,
    `webhook-timestamp`, `webhook-signature`). Every verified webhook is answered 200 with the
    outcome of each sale it carries (stamped, no_customer, below_minimum, duplicate, ...), so the
    till never retries a decided sale; a transaction is decided once, however often it is sent.
    **Who:** The till or POS system, signing with the connector's secret (no API key). **Emits:**
    code_pool_empty, goal_reached, referral_converted, referral_joined, reward_issued, stamp_added,
    voucher_issued.

    Args:
        connector_id (str):
        webhook_id (str | Unset):
        webhook_timestamp (str | Unset):
        webhook_signature (str | Unset):
        body (list[ReceiveWebhookSyrveEvent] | ReceiveWebhookGenericSale |
            ReceiveWebhookPosterWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Accepted | Problem]
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
    body: list[ReceiveWebhookSyrveEvent] | ReceiveWebhookGenericSale | ReceiveWebhookPosterWebhook,
    webhook_id: str | Unset = UNSET,
    webhook_timestamp: str | Unset = UNSET,
    webhook_signature: str | Unset = UNSET,
) -> Accepted | Problem | None:
    """A till reports a sale (Poster's or Syrve's webhook, or a signed generic webhook)

     A till reports a sale (Poster's or Syrve's webhook, or a signed generic webhook). No API key:
    a Poster webhook is verified by its `verify` md5, a Syrve webhook (a JSON array of events) by
    its `Authorization` header (the authToken of Syrve's webhook settings: the connector's signing
    secret), a generic webhook by its Standard Webhooks signature (headers `webhook-id`,
    `webhook-timestamp`, `webhook-signature`). Every verified webhook is answered 200 with the
    outcome of each sale it carries (stamped, no_customer, below_minimum, duplicate, ...), so the
    till never retries a decided sale; a transaction is decided once, however often it is sent.
    **Who:** The till or POS system, signing with the connector's secret (no API key). **Emits:**
    code_pool_empty, goal_reached, referral_converted, referral_joined, reward_issued, stamp_added,
    voucher_issued.

    Args:
        connector_id (str):
        webhook_id (str | Unset):
        webhook_timestamp (str | Unset):
        webhook_signature (str | Unset):
        body (list[ReceiveWebhookSyrveEvent] | ReceiveWebhookGenericSale |
            ReceiveWebhookPosterWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Accepted | Problem
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
