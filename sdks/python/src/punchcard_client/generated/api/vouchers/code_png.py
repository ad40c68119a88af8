from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.code_png_format import CodePngFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    voucher_id: str,
    *,
    format_: CodePngFormat | Unset = CodePngFormat.QR,
    scale: int | None | Unset = UNSET,
    height: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_scale: int | None | Unset
    if isinstance(scale, Unset):
        json_scale = UNSET
    else:
        json_scale = scale
    params["scale"] = json_scale

    json_height: int | None | Unset
    if isinstance(height, Unset):
        json_height = UNSET
    else:
        json_height = height
    params["height"] = json_height

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/vouchers/{voucher_id}/code.png".format(
            voucher_id=quote(str(voucher_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | None:
    if response.status_code == 304:
        return None

    if response.status_code == 404:
        return None

    if response.status_code == 422:
        return None

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    voucher_id: str,
    *,
    client: AuthenticatedClient,
    format_: CodePngFormat | Unset = CodePngFormat.QR,
    scale: int | None | Unset = UNSET,
    height: int | None | Unset = UNSET,
) -> Response[Any]:
    """The voucher's redeem code as a PNG QR code or barcode

    Args:
        voucher_id (str):
        format_ (CodePngFormat | Unset): qr needs the voucher format `qr`; code128 and ean13 (a
            code of 12 or 13 digits) need `barcode`. Default: CodePngFormat.QR.
        scale (int | None | Unset): Pixels per module (default: 8 for qr, 3 for barcodes).
        height (int | None | Unset): Bar height in pixels, code128 and ean13 only (default 80).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        voucher_id=voucher_id,
        format_=format_,
        scale=scale,
        height=height,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    voucher_id: str,
    *,
    client: AuthenticatedClient,
    format_: CodePngFormat | Unset = CodePngFormat.QR,
    scale: int | None | Unset = UNSET,
    height: int | None | Unset = UNSET,
) -> Response[Any]:
    """The voucher's redeem code as a PNG QR code or barcode

    Args:
        voucher_id (str):
        format_ (CodePngFormat | Unset): qr needs the voucher format `qr`; code128 and ean13 (a
            code of 12 or 13 digits) need `barcode`. Default: CodePngFormat.QR.
        scale (int | None | Unset): Pixels per module (default: 8 for qr, 3 for barcodes).
        height (int | None | Unset): Bar height in pixels, code128 and ean13 only (default 80).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        voucher_id=voucher_id,
        format_=format_,
        scale=scale,
        height=height,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
