from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.list_messages_status_type_0 import ListMessagesStatusType0
from ...models.page_message_out import PageMessageOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: str,
    *,
    status: ListMessagesStatusType0 | None | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListMessagesStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_event_type: None | str | Unset
    if isinstance(event_type, Unset):
        json_event_type = UNSET
    else:
        json_event_type = event_type
    params["event_type"] = json_event_type

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
        "url": "/v1/webhooks/{endpoint_id}/messages".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | PageMessageOut | None:
    if response.status_code == 200:
        response_200 = PageMessageOut.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HTTPValidationError | PageMessageOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    status: ListMessagesStatusType0 | None | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[HTTPValidationError | PageMessageOut]:
    """Messages sent (or to send) to this endpoint, newest first

    Args:
        endpoint_id (str):
        status (ListMessagesStatusType0 | None | Unset):
        event_type (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | PageMessageOut]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        status=status,
        event_type=event_type,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    status: ListMessagesStatusType0 | None | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> HTTPValidationError | PageMessageOut | None:
    """Messages sent (or to send) to this endpoint, newest first

    Args:
        endpoint_id (str):
        status (ListMessagesStatusType0 | None | Unset):
        event_type (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | PageMessageOut
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        status=status,
        event_type=event_type,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    status: ListMessagesStatusType0 | None | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[HTTPValidationError | PageMessageOut]:
    """Messages sent (or to send) to this endpoint, newest first

    Args:
        endpoint_id (str):
        status (ListMessagesStatusType0 | None | Unset):
        event_type (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | PageMessageOut]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        status=status,
        event_type=event_type,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    status: ListMessagesStatusType0 | None | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> HTTPValidationError | PageMessageOut | None:
    """Messages sent (or to send) to this endpoint, newest first

    Args:
        endpoint_id (str):
        status (ListMessagesStatusType0 | None | Unset):
        event_type (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | PageMessageOut
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            status=status,
            event_type=event_type,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
