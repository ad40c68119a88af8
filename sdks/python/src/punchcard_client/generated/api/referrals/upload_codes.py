from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.pool_upload import PoolUpload
from ...models.pool_uploaded import PoolUploaded
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


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | HTTPValidationError | PoolUploaded | None:
    if response.status_code == 201:
        response_201 = PoolUploaded.from_dict(response.json())

        return response_201

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
) -> Response[Any | HTTPValidationError | PoolUploaded]:
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
) -> Response[Any | HTTPValidationError | PoolUploaded]:
    """Upload codes into a pool program's pool (all or nothing)

     Managers and owners (staff of every location). Each code goes to one referrer, in upload order.

    Args:
        program_id (str):
        body (PoolUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | PoolUploaded]
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
) -> Any | HTTPValidationError | PoolUploaded | None:
    """Upload codes into a pool program's pool (all or nothing)

     Managers and owners (staff of every location). Each code goes to one referrer, in upload order.

    Args:
        program_id (str):
        body (PoolUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | PoolUploaded
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
) -> Response[Any | HTTPValidationError | PoolUploaded]:
    """Upload codes into a pool program's pool (all or nothing)

     Managers and owners (staff of every location). Each code goes to one referrer, in upload order.

    Args:
        program_id (str):
        body (PoolUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | PoolUploaded]
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
) -> Any | HTTPValidationError | PoolUploaded | None:
    """Upload codes into a pool program's pool (all or nothing)

     Managers and owners (staff of every location). Each code goes to one referrer, in upload order.

    Args:
        program_id (str):
        body (PoolUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | PoolUploaded
    """

    return (
        await asyncio_detailed(
            program_id=program_id,
            client=client,
            body=body,
        )
    ).parsed
