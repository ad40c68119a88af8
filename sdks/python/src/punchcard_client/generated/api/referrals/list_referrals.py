from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_referrals_status_type_0 import ListReferralsStatusType0
from ...models.page_referral_out import PageReferralOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    program_id: str,
    *,
    status: ListReferralsStatusType0 | None | Unset = UNSET,
    referrer_customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListReferralsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_referrer_customer_id: None | str | Unset
    if isinstance(referrer_customer_id, Unset):
        json_referrer_customer_id = UNSET
    else:
        json_referrer_customer_id = referrer_customer_id
    params["referrer_customer_id"] = json_referrer_customer_id

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
        "url": "/v1/referral-programs/{program_id}/referrals".format(
            program_id=quote(str(program_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageReferralOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageReferralOut.from_dict(response.json())

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
) -> Response[PageReferralOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    program_id: str,
    *,
    client: AuthenticatedClient,
    status: ListReferralsStatusType0 | None | Unset = UNSET,
    referrer_customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageReferralOut | Problem]:
    """A program's referrals, newest first: who brought whom, the conversion, the reward

     A program's referrals, newest first: who brought whom, the conversion, the reward. **Who:**
    Any staff login. **Emits:** none.

    Args:
        program_id (str):
        status (ListReferralsStatusType0 | None | Unset):
        referrer_customer_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReferralOut | Problem]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        status=status,
        referrer_customer_id=referrer_customer_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    program_id: str,
    *,
    client: AuthenticatedClient,
    status: ListReferralsStatusType0 | None | Unset = UNSET,
    referrer_customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageReferralOut | Problem | None:
    """A program's referrals, newest first: who brought whom, the conversion, the reward

     A program's referrals, newest first: who brought whom, the conversion, the reward. **Who:**
    Any staff login. **Emits:** none.

    Args:
        program_id (str):
        status (ListReferralsStatusType0 | None | Unset):
        referrer_customer_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReferralOut | Problem
    """

    return sync_detailed(
        program_id=program_id,
        client=client,
        status=status,
        referrer_customer_id=referrer_customer_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    program_id: str,
    *,
    client: AuthenticatedClient,
    status: ListReferralsStatusType0 | None | Unset = UNSET,
    referrer_customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageReferralOut | Problem]:
    """A program's referrals, newest first: who brought whom, the conversion, the reward

     A program's referrals, newest first: who brought whom, the conversion, the reward. **Who:**
    Any staff login. **Emits:** none.

    Args:
        program_id (str):
        status (ListReferralsStatusType0 | None | Unset):
        referrer_customer_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReferralOut | Problem]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        status=status,
        referrer_customer_id=referrer_customer_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    program_id: str,
    *,
    client: AuthenticatedClient,
    status: ListReferralsStatusType0 | None | Unset = UNSET,
    referrer_customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageReferralOut | Problem | None:
    """A program's referrals, newest first: who brought whom, the conversion, the reward

     A program's referrals, newest first: who brought whom, the conversion, the reward. **Who:**
    Any staff login. **Emits:** none.

    Args:
        program_id (str):
        status (ListReferralsStatusType0 | None | Unset):
        referrer_customer_id (None | str | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReferralOut | Problem
    """

    return (
        await asyncio_detailed(
            program_id=program_id,
            client=client,
            status=status,
            referrer_customer_id=referrer_customer_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
