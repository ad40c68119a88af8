from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_code_lookup_failure_out import PageCodeLookupFailureOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    location_id: None | str | Unset = UNSET,
    staff_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_location_id: None | str | Unset
    if isinstance(location_id, Unset):
        json_location_id = UNSET
    else:
        json_location_id = location_id
    params["location_id"] = json_location_id

    json_staff_id: None | str | Unset
    if isinstance(staff_id, Unset):
        json_staff_id = UNSET
    else:
        json_staff_id = staff_id
    params["staff_id"] = json_staff_id

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
        "url": "/v1/code-lookup-failures",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageCodeLookupFailureOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageCodeLookupFailureOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[PageCodeLookupFailureOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    location_id: None | str | Unset = UNSET,
    staff_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageCodeLookupFailureOut | Problem]:
    """Redeem codes that matched no voucher (typos and guesses), newest first

     Redeem codes that matched no voucher (typos and guesses), newest first. **Who:** Owners and
    managers. **Emits:** none.

    Args:
        location_id (None | str | Unset):
        staff_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCodeLookupFailureOut | Problem]
    """

    kwargs = _get_kwargs(
        location_id=location_id,
        staff_id=staff_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    location_id: None | str | Unset = UNSET,
    staff_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageCodeLookupFailureOut | Problem | None:
    """Redeem codes that matched no voucher (typos and guesses), newest first

     Redeem codes that matched no voucher (typos and guesses), newest first. **Who:** Owners and
    managers. **Emits:** none.

    Args:
        location_id (None | str | Unset):
        staff_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCodeLookupFailureOut | Problem
    """

    return sync_detailed(
        client=client,
        location_id=location_id,
        staff_id=staff_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    location_id: None | str | Unset = UNSET,
    staff_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageCodeLookupFailureOut | Problem]:
    """Redeem codes that matched no voucher (typos and guesses), newest first

     Redeem codes that matched no voucher (typos and guesses), newest first. **Who:** Owners and
    managers. **Emits:** none.

    Args:
        location_id (None | str | Unset):
        staff_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCodeLookupFailureOut | Problem]
    """

    kwargs = _get_kwargs(
        location_id=location_id,
        staff_id=staff_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    location_id: None | str | Unset = UNSET,
    staff_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageCodeLookupFailureOut | Problem | None:
    """Redeem codes that matched no voucher (typos and guesses), newest first

     Redeem codes that matched no voucher (typos and guesses), newest first. **Who:** Owners and
    managers. **Emits:** none.

    Args:
        location_id (None | str | Unset):
        staff_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCodeLookupFailureOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            location_id=location_id,
            staff_id=staff_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
