from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.list_deliveries_status_type_0 import ListDeliveriesStatusType0
from ...models.page_delivery_out import PageDeliveryOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    campaign_id: str,
    *,
    status: ListDeliveriesStatusType0 | None | Unset = UNSET,
    reason: None | str | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListDeliveriesStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_reason: None | str | Unset
    if isinstance(reason, Unset):
        json_reason = UNSET
    else:
        json_reason = reason
    params["reason"] = json_reason

    json_customer_id: None | str | Unset
    if isinstance(customer_id, Unset):
        json_customer_id = UNSET
    else:
        json_customer_id = customer_id
    params["customer_id"] = json_customer_id

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
        "url": "/v1/campaigns/{campaign_id}/deliveries".format(
            campaign_id=quote(str(campaign_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | HTTPValidationError | PageDeliveryOut | None:
    if response.status_code == 200:
        response_200 = PageDeliveryOut.from_dict(response.json())

        return response_200

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
) -> Response[Any | HTTPValidationError | PageDeliveryOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    status: ListDeliveriesStatusType0 | None | Unset = UNSET,
    reason: None | str | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[Any | HTTPValidationError | PageDeliveryOut]:
    """A campaign's deliveries: one per recipient, with status, reason and attempts

    Args:
        campaign_id (str):
        status (ListDeliveriesStatusType0 | None | Unset):
        reason (None | str | Unset):
        customer_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | PageDeliveryOut]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        status=status,
        reason=reason,
        customer_id=customer_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    status: ListDeliveriesStatusType0 | None | Unset = UNSET,
    reason: None | str | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Any | HTTPValidationError | PageDeliveryOut | None:
    """A campaign's deliveries: one per recipient, with status, reason and attempts

    Args:
        campaign_id (str):
        status (ListDeliveriesStatusType0 | None | Unset):
        reason (None | str | Unset):
        customer_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | PageDeliveryOut
    """

    return sync_detailed(
        campaign_id=campaign_id,
        client=client,
        status=status,
        reason=reason,
        customer_id=customer_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    status: ListDeliveriesStatusType0 | None | Unset = UNSET,
    reason: None | str | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[Any | HTTPValidationError | PageDeliveryOut]:
    """A campaign's deliveries: one per recipient, with status, reason and attempts

    Args:
        campaign_id (str):
        status (ListDeliveriesStatusType0 | None | Unset):
        reason (None | str | Unset):
        customer_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | PageDeliveryOut]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        status=status,
        reason=reason,
        customer_id=customer_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    status: ListDeliveriesStatusType0 | None | Unset = UNSET,
    reason: None | str | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Any | HTTPValidationError | PageDeliveryOut | None:
    """A campaign's deliveries: one per recipient, with status, reason and attempts

    Args:
        campaign_id (str):
        status (ListDeliveriesStatusType0 | None | Unset):
        reason (None | str | Unset):
        customer_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | PageDeliveryOut
    """

    return (
        await asyncio_detailed(
            campaign_id=campaign_id,
            client=client,
            status=status,
            reason=reason,
            customer_id=customer_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
