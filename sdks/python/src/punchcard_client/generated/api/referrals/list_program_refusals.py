from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_program_refusals_reason_type_0 import ListProgramRefusalsReasonType0
from ...models.page_refusal_out import PageRefusalOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    program_id: str,
    *,
    reason: ListProgramRefusalsReasonType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_reason: None | str | Unset
    if isinstance(reason, Unset):
        json_reason = UNSET
    elif isinstance(reason, ListProgramRefusalsReasonType0):
        json_reason = reason.value
    else:
        json_reason = reason
    params["reason"] = json_reason

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
        "url": "/v1/referral-programs/{program_id}/refusals".format(
            program_id=quote(str(program_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageRefusalOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageRefusalOut.from_dict(response.json())

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
) -> Response[PageRefusalOut | Problem]:
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
    reason: ListProgramRefusalsReasonType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageRefusalOut | Problem]:
    """Referral codes this program refused, newest first, with the reason

     Referral codes this program refused, newest first, with the reason. **Who:** Managers and
    owners; staff bound to a location see those made there. **Emits:** none.

    Args:
        program_id (str):
        reason (ListProgramRefusalsReasonType0 | None | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRefusalOut | Problem]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        reason=reason,
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
    reason: ListProgramRefusalsReasonType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageRefusalOut | Problem | None:
    """Referral codes this program refused, newest first, with the reason

     Referral codes this program refused, newest first, with the reason. **Who:** Managers and
    owners; staff bound to a location see those made there. **Emits:** none.

    Args:
        program_id (str):
        reason (ListProgramRefusalsReasonType0 | None | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRefusalOut | Problem
    """

    return sync_detailed(
        program_id=program_id,
        client=client,
        reason=reason,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    program_id: str,
    *,
    client: AuthenticatedClient,
    reason: ListProgramRefusalsReasonType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageRefusalOut | Problem]:
    """Referral codes this program refused, newest first, with the reason

     Referral codes this program refused, newest first, with the reason. **Who:** Managers and
    owners; staff bound to a location see those made there. **Emits:** none.

    Args:
        program_id (str):
        reason (ListProgramRefusalsReasonType0 | None | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRefusalOut | Problem]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        reason=reason,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    program_id: str,
    *,
    client: AuthenticatedClient,
    reason: ListProgramRefusalsReasonType0 | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageRefusalOut | Problem | None:
    """Referral codes this program refused, newest first, with the reason

     Referral codes this program refused, newest first, with the reason. **Who:** Managers and
    owners; staff bound to a location see those made there. **Emits:** none.

    Args:
        program_id (str):
        reason (ListProgramRefusalsReasonType0 | None | Unset):
        limit (int | Unset): Items per page (1-100). Default: 20.
        cursor (None | str | Unset): `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRefusalOut | Problem
    """

    return (
        await asyncio_detailed(
            program_id=program_id,
            client=client,
            reason=reason,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
