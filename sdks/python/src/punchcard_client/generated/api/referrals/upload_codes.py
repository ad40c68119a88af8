from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.pool_upload import PoolUpload
from ...models.pool_uploaded import PoolUploaded
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    program_id: str,
    *,
    body: PoolUpload,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/referral-programs/{program_id}/codes".format(
            program_id=quote(str(program_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PoolUploaded | Problem | None:
    if response.status_code == 201:
        response_201 = PoolUploaded.from_dict(response.json())

        return response_201

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
) -> Response[PoolUploaded | Problem]:
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
    body: PoolUpload,
) -> Response[PoolUploaded | Problem]:
    """Upload codes into a pool program's pool (all or nothing)

     Upload codes into a pool program's pool (all or nothing). Each code goes to one referrer, in
    upload order. **Who:** Managers and owners (staff of every location). **Emits:** none.

    Args:
        program_id (str):
        body (PoolUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PoolUploaded | Problem]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    program_id: str,
    *,
    client: AuthenticatedClient,
    body: PoolUpload,
) -> PoolUploaded | Problem | None:
    """Upload codes into a pool program's pool (all or nothing)

     Upload codes into a pool program's pool (all or nothing). Each code goes to one referrer, in
    upload order. **Who:** Managers and owners (staff of every location). **Emits:** none.

    Args:
        program_id (str):
        body (PoolUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PoolUploaded | Problem
    """

    return sync_detailed(
        program_id=program_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    program_id: str,
    *,
    client: AuthenticatedClient,
    body: PoolUpload,
) -> Response[PoolUploaded | Problem]:
    """Upload codes into a pool program's pool (all or nothing)

     Upload codes into a pool program's pool (all or nothing). Each code goes to one referrer, in
    upload order. **Who:** Managers and owners (staff of every location). **Emits:** none.

    Args:
        program_id (str):
        body (PoolUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PoolUploaded | Problem]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    program_id: str,
    *,
    client: AuthenticatedClient,
    body: PoolUpload,
) -> PoolUploaded | Problem | None:
    """Upload codes into a pool program's pool (all or nothing)

     Upload codes into a pool program's pool (all or nothing). Each code goes to one referrer, in
    upload order. **Who:** Managers and owners (staff of every location). **Emits:** none.

    Args:
        program_id (str):
        body (PoolUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PoolUploaded | Problem
    """

    return (
        await asyncio_detailed(
            program_id=program_id,
            client=client,
            body=body,
        )
    ).parsed
