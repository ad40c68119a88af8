from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_sales_outcome_type_0 import ListSalesOutcomeType0
from ...models.page_sale_out import PageSaleOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    connector_id: str,
    *,
    outcome: ListSalesOutcomeType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_outcome: None | str | Unset
    if isinstance(outcome, Unset):
        json_outcome = UNSET
    elif isinstance(outcome, ListSalesOutcomeType0):
        json_outcome = outcome.value
    else:
        json_outcome = outcome
    params["outcome"] = json_outcome

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
        "url": "/v1/pos-connectors/{connector_id}/sales".format(
            connector_id=quote(str(connector_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageSaleOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageSaleOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[PageSaleOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    connector_id: str,
    *,
    client: AuthenticatedClient,
    outcome: ListSalesOutcomeType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageSaleOut | Problem]:
    """The connector's log: every sale reported and what came of it, newest first

     The connector's log: every sale reported and what came of it, newest first. **Who:** Owners
    and managers. **Emits:** none.

    Args:
        connector_id (str):
        outcome (ListSalesOutcomeType0 | None | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSaleOut | Problem]
    """

    kwargs = _get_kwargs(
        connector_id=connector_id,
        outcome=outcome,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    connector_id: str,
    *,
    client: AuthenticatedClient,
    outcome: ListSalesOutcomeType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageSaleOut | Problem | None:
    """The connector's log: every sale reported and what came of it, newest first

     The connector's log: every sale reported and what came of it, newest first. **Who:** Owners
    and managers. **Emits:** none.

    Args:
        connector_id (str):
        outcome (ListSalesOutcomeType0 | None | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSaleOut | Problem
    """

    return sync_detailed(
        connector_id=connector_id,
        client=client,
        outcome=outcome,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    connector_id: str,
    *,
    client: AuthenticatedClient,
    outcome: ListSalesOutcomeType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageSaleOut | Problem]:
    """The connector's log: every sale reported and what came of it, newest first

     The connector's log: every sale reported and what came of it, newest first. **Who:** Owners
    and managers. **Emits:** none.

    Args:
        connector_id (str):
        outcome (ListSalesOutcomeType0 | None | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSaleOut | Problem]
    """

    kwargs = _get_kwargs(
        connector_id=connector_id,
        outcome=outcome,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    connector_id: str,
    *,
    client: AuthenticatedClient,
    outcome: ListSalesOutcomeType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageSaleOut | Problem | None:
    """The connector's log: every sale reported and what came of it, newest first

     The connector's log: every sale reported and what came of it, newest first. **Who:** Owners
    and managers. **Emits:** none.

    Args:
        connector_id (str):
        outcome (ListSalesOutcomeType0 | None | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSaleOut | Problem
    """

    return (
        await asyncio_detailed(
            connector_id=connector_id,
            client=client,
            outcome=outcome,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
