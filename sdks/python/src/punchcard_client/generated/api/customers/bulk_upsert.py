from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_bulk_result import CustomerBulkResult
from ...models.customer_bulk_upsert import CustomerBulkUpsert
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CustomerBulkUpsert,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/customers/bulk",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerBulkResult | Problem | None:
    if response.status_code == 200:
        response_200 = CustomerBulkResult.from_dict(response.json())

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
) -> Response[CustomerBulkResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CustomerBulkUpsert,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CustomerBulkResult | Problem]:
    """Create or update up to 1,000 customers at once (all or nothing)

     Create or update up to 1,000 customers at once (all or nothing). Each row is matched like
    `POST /v1/customers` (source_id, else email, else phone). Any refused row (a clash with another
    customer, two rows naming one customer) refuses the whole call with `422 bulk_rejected` naming
    every refused row in `errors`, and nothing is written. Sending the same body again changes
    nothing (every row `unchanged`); an `Idempotency-Key` replays the first answer. Changed
    customers emit `customer_updated`. **Who:** Any staff key (owner, manager or scanner).
    **Emits:** customer_updated.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (CustomerBulkUpsert):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerBulkResult | Problem]
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
    body: CustomerBulkUpsert,
    idempotency_key: None | str | Unset = UNSET,
) -> CustomerBulkResult | Problem | None:
    """Create or update up to 1,000 customers at once (all or nothing)

     Create or update up to 1,000 customers at once (all or nothing). Each row is matched like
    `POST /v1/customers` (source_id, else email, else phone). Any refused row (a clash with another
    customer, two rows naming one customer) refuses the whole call with `422 bulk_rejected` naming
    every refused row in `errors`, and nothing is written. Sending the same body again changes
    nothing (every row `unchanged`); an `Idempotency-Key` replays the first answer. Changed
    customers emit `customer_updated`. **Who:** Any staff key (owner, manager or scanner).
    **Emits:** customer_updated.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (CustomerBulkUpsert):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerBulkResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CustomerBulkUpsert,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CustomerBulkResult | Problem]:
    """Create or update up to 1,000 customers at once (all or nothing)

     Create or update up to 1,000 customers at once (all or nothing). Each row is matched like
    `POST /v1/customers` (source_id, else email, else phone). Any refused row (a clash with another
    customer, two rows naming one customer) refuses the whole call with `422 bulk_rejected` naming
    every refused row in `errors`, and nothing is written. Sending the same body again changes
    nothing (every row `unchanged`); an `Idempotency-Key` replays the first answer. Changed
    customers emit `customer_updated`. **Who:** Any staff key (owner, manager or scanner).
    **Emits:** customer_updated.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (CustomerBulkUpsert):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerBulkResult | Problem]
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
    body: CustomerBulkUpsert,
    idempotency_key: None | str | Unset = UNSET,
) -> CustomerBulkResult | Problem | None:
    """Create or update up to 1,000 customers at once (all or nothing)

     Create or update up to 1,000 customers at once (all or nothing). Each row is matched like
    `POST /v1/customers` (source_id, else email, else phone). Any refused row (a clash with another
    customer, two rows naming one customer) refuses the whole call with `422 bulk_rejected` naming
    every refused row in `errors`, and nothing is written. Sending the same body again changes
    nothing (every row `unchanged`); an `Idempotency-Key` replays the first answer. Changed
    customers emit `customer_updated`. **Who:** Any staff key (owner, manager or scanner).
    **Emits:** customer_updated.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (CustomerBulkUpsert):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerBulkResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
