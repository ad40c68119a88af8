from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_runs_status_type_0 import ListRunsStatusType0
from ...models.page_run_out import PageRunOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    automation_id: str,
    *,
    status: ListRunsStatusType0 | None | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListRunsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

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
        "url": "/v1/automations/{automation_id}/runs".format(
            automation_id=quote(str(automation_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageRunOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageRunOut.from_dict(response.json())

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
) -> Response[PageRunOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    automation_id: str,
    *,
    client: AuthenticatedClient,
    status: ListRunsStatusType0 | None | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageRunOut | Problem]:
    """The automation's log: who matched, what was issued and sent, who was skipped

     The automation's log: who matched, what was issued and sent, who was skipped. Newest first.
    `status` skipped with `reason` when the voucher could not be issued (then no message either);
    `message` is the delivery with its own status and reason (queued, sent, skipped: no_consent,
    unsubscribed, not_linked, ...). **Who:** Owners and managers. **Emits:** none.

    Args:
        automation_id (str):
        status (ListRunsStatusType0 | None | Unset):
        customer_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRunOut | Problem]
    """

    kwargs = _get_kwargs(
        automation_id=automation_id,
        status=status,
        customer_id=customer_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    automation_id: str,
    *,
    client: AuthenticatedClient,
    status: ListRunsStatusType0 | None | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageRunOut | Problem | None:
    """The automation's log: who matched, what was issued and sent, who was skipped

     The automation's log: who matched, what was issued and sent, who was skipped. Newest first.
    `status` skipped with `reason` when the voucher could not be issued (then no message either);
    `message` is the delivery with its own status and reason (queued, sent, skipped: no_consent,
    unsubscribed, not_linked, ...). **Who:** Owners and managers. **Emits:** none.

    Args:
        automation_id (str):
        status (ListRunsStatusType0 | None | Unset):
        customer_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRunOut | Problem
    """

    return sync_detailed(
        automation_id=automation_id,
        client=client,
        status=status,
        customer_id=customer_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    automation_id: str,
    *,
    client: AuthenticatedClient,
    status: ListRunsStatusType0 | None | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageRunOut | Problem]:
    """The automation's log: who matched, what was issued and sent, who was skipped

     The automation's log: who matched, what was issued and sent, who was skipped. Newest first.
    `status` skipped with `reason` when the voucher could not be issued (then no message either);
    `message` is the delivery with its own status and reason (queued, sent, skipped: no_consent,
    unsubscribed, not_linked, ...). **Who:** Owners and managers. **Emits:** none.

    Args:
        automation_id (str):
        status (ListRunsStatusType0 | None | Unset):
        customer_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRunOut | Problem]
    """

    kwargs = _get_kwargs(
        automation_id=automation_id,
        status=status,
        customer_id=customer_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    automation_id: str,
    *,
    client: AuthenticatedClient,
    status: ListRunsStatusType0 | None | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageRunOut | Problem | None:
    """The automation's log: who matched, what was issued and sent, who was skipped

     The automation's log: who matched, what was issued and sent, who was skipped. Newest first.
    `status` skipped with `reason` when the voucher could not be issued (then no message either);
    `message` is the delivery with its own status and reason (queued, sent, skipped: no_consent,
    unsubscribed, not_linked, ...). **Who:** Owners and managers. **Emits:** none.

    Args:
        automation_id (str):
        status (ListRunsStatusType0 | None | Unset):
        customer_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRunOut | Problem
    """

    return (
        await asyncio_detailed(
            automation_id=automation_id,
            client=client,
            status=status,
            customer_id=customer_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
