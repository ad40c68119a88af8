from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.referrer_qr_image_type import ReferrerQrImageType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    program_id: str,
    customer_id: str,
    image_type: ReferrerQrImageType,
    *,
    size: int | Unset = 600,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["size"] = size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/referral-programs/{program_id}/referrers/{customer_id}/qr.{image_type}".format(
            program_id=quote(str(program_id), safe=""),
            customer_id=quote(str(customer_id), safe=""),
            image_type=quote(str(image_type), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | HTTPValidationError | None:
    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    program_id: str,
    customer_id: str,
    image_type: ReferrerQrImageType,
    *,
    client: AuthenticatedClient,
    size: int | Unset = 600,
) -> Response[Any | HTTPValidationError]:
    """A referrer's link as a QR code to print or show (PNG, SVG or PDF)

     Any staff login.

    Args:
        program_id (str):
        customer_id (str):
        image_type (ReferrerQrImageType):
        size (int | Unset): Width in pixels (PDF: points), about. Default: 600.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        customer_id=customer_id,
        image_type=image_type,
        size=size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    program_id: str,
    customer_id: str,
    image_type: ReferrerQrImageType,
    *,
    client: AuthenticatedClient,
    size: int | Unset = 600,
) -> Any | HTTPValidationError | None:
    """A referrer's link as a QR code to print or show (PNG, SVG or PDF)

     Any staff login.

    Args:
        program_id (str):
        customer_id (str):
        image_type (ReferrerQrImageType):
        size (int | Unset): Width in pixels (PDF: points), about. Default: 600.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError
    """

    return sync_detailed(
        program_id=program_id,
        customer_id=customer_id,
        image_type=image_type,
        client=client,
        size=size,
    ).parsed


async def asyncio_detailed(
    program_id: str,
    customer_id: str,
    image_type: ReferrerQrImageType,
    *,
    client: AuthenticatedClient,
    size: int | Unset = 600,
) -> Response[Any | HTTPValidationError]:
    """A referrer's link as a QR code to print or show (PNG, SVG or PDF)

     Any staff login.

    Args:
        program_id (str):
        customer_id (str):
        image_type (ReferrerQrImageType):
        size (int | Unset): Width in pixels (PDF: points), about. Default: 600.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        customer_id=customer_id,
        image_type=image_type,
        size=size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    program_id: str,
    customer_id: str,
    image_type: ReferrerQrImageType,
    *,
    client: AuthenticatedClient,
    size: int | Unset = 600,
) -> Any | HTTPValidationError | None:
    """A referrer's link as a QR code to print or show (PNG, SVG or PDF)

     Any staff login.

    Args:
        program_id (str):
        customer_id (str):
        image_type (ReferrerQrImageType):
        size (int | Unset): Width in pixels (PDF: points), about. Default: 600.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            program_id=program_id,
            customer_id=customer_id,
            image_type=image_type,
            client=client,
            size=size,
        )
    ).parsed
