from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.join_qr_image_type import JoinQrImageType
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    program_id: str,
    image_type: JoinQrImageType,
    *,
    size: int | Unset = 600,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["size"] = size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/programs/{program_id}/join-qr.{image_type}".format(
            program_id=quote(str(program_id), safe=""),
            image_type=quote(str(image_type), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | None:
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    program_id: str,
    image_type: JoinQrImageType,
    *,
    client: AuthenticatedClient,
    size: int | Unset = 600,
) -> Response[Problem]:
    """The join link as a QR code to print (PNG, SVG or PDF)

     The join link as a QR code to print (PNG, SVG or PDF). **Who:** Any staff key (owner, manager
    or scanner). **Emits:** none.

    Args:
        program_id (str):
        image_type (JoinQrImageType):
        size (int | Unset): Width in pixels (PDF: points), about. Default: 600.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        image_type=image_type,
        size=size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    program_id: str,
    image_type: JoinQrImageType,
    *,
    client: AuthenticatedClient,
    size: int | Unset = 600,
) -> Problem | None:
    """The join link as a QR code to print (PNG, SVG or PDF)

     The join link as a QR code to print (PNG, SVG or PDF). **Who:** Any staff key (owner, manager
    or scanner). **Emits:** none.

    Args:
        program_id (str):
        image_type (JoinQrImageType):
        size (int | Unset): Width in pixels (PDF: points), about. Default: 600.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return sync_detailed(
        program_id=program_id,
        image_type=image_type,
        client=client,
        size=size,
    ).parsed


async def asyncio_detailed(
    program_id: str,
    image_type: JoinQrImageType,
    *,
    client: AuthenticatedClient,
    size: int | Unset = 600,
) -> Response[Problem]:
    """The join link as a QR code to print (PNG, SVG or PDF)

     The join link as a QR code to print (PNG, SVG or PDF). **Who:** Any staff key (owner, manager
    or scanner). **Emits:** none.

    Args:
        program_id (str):
        image_type (JoinQrImageType):
        size (int | Unset): Width in pixels (PDF: points), about. Default: 600.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        image_type=image_type,
        size=size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    program_id: str,
    image_type: JoinQrImageType,
    *,
    client: AuthenticatedClient,
    size: int | Unset = 600,
) -> Problem | None:
    """The join link as a QR code to print (PNG, SVG or PDF)

     The join link as a QR code to print (PNG, SVG or PDF). **Who:** Any staff key (owner, manager
    or scanner). **Emits:** none.

    Args:
        program_id (str):
        image_type (JoinQrImageType):
        size (int | Unset): Width in pixels (PDF: points), about. Default: 600.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return (
        await asyncio_detailed(
            program_id=program_id,
            image_type=image_type,
            client=client,
            size=size,
        )
    ).parsed
