from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.code_svg_format import CodeSvgFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    voucher_id: str,
    *,
    format_: CodeSvgFormat | Unset = CodeSvgFormat.QR,
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
        "url": "/v1/vouchers/{voucher_id}/code.svg".format(
            voucher_id=quote(str(voucher_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
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
    format_: CodeSvgFormat | Unset = CodeSvgFormat.QR,
    scale: int | None | Unset = UNSET,
    height: int | None | Unset = UNSET,
) -> Response[Any | Problem]:
    """The voucher's redeem code as a SVG QR code or barcode

     The voucher's redeem code drawn as the customer shows it (QR, Code128 or EAN-13), in
    a format the voucher allows; the same code always gives the same image, so an
    `If-None-Match` with its ETag gets `304`. **Who:** any staff key (owner, manager or
    scanner). **Emits:** none.

    Args:
        voucher_id (str):
        format_ (CodeSvgFormat | Unset): qr needs the voucher format `qr`; code128 and ean13 (a
            code of 12 or 13 digits) need `barcode`. Default: CodeSvgFormat.QR.
        scale (int | None | Unset): Pixels per module (default: 8 for qr, 3 for barcodes).
        height (int | None | Unset): Bar height in pixels, code128 and ean13 only (default 80).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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


def sync(
    voucher_id: str,
    *,
    client: AuthenticatedClient,
    format_: CodeSvgFormat | Unset = CodeSvgFormat.QR,
    scale: int | None | Unset = UNSET,
    height: int | None | Unset = UNSET,
) -> Any | Problem | None:
    """The voucher's redeem code as a SVG QR code or barcode

     The voucher's redeem code drawn as the customer shows it (QR, Code128 or EAN-13), in
    a format the voucher allows; the same code always gives the same image, so an
    `If-None-Match` with its ETag gets `304`. **Who:** any staff key (owner, manager or
    scanner). **Emits:** none.

    Args:
        voucher_id (str):
        format_ (CodeSvgFormat | Unset): qr needs the voucher format `qr`; code128 and ean13 (a
            code of 12 or 13 digits) need `barcode`. Default: CodeSvgFormat.QR.
        scale (int | None | Unset): Pixels per module (default: 8 for qr, 3 for barcodes).
        height (int | None | Unset): Bar height in pixels, code128 and ean13 only (default 80).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        voucher_id=voucher_id,
        client=client,
        format_=format_,
        scale=scale,
        height=height,
    ).parsed


async def asyncio_detailed(
    voucher_id: str,
    *,
    client: AuthenticatedClient,
    format_: CodeSvgFormat | Unset = CodeSvgFormat.QR,
    scale: int | None | Unset = UNSET,
    height: int | None | Unset = UNSET,
) -> Response[Any | Problem]:
    """The voucher's redeem code as a SVG QR code or barcode

     The voucher's redeem code drawn as the customer shows it (QR, Code128 or EAN-13), in
    a format the voucher allows; the same code always gives the same image, so an
    `If-None-Match` with its ETag gets `304`. **Who:** any staff key (owner, manager or
    scanner). **Emits:** none.

    Args:
        voucher_id (str):
        format_ (CodeSvgFormat | Unset): qr needs the voucher format `qr`; code128 and ean13 (a
            code of 12 or 13 digits) need `barcode`. Default: CodeSvgFormat.QR.
        scale (int | None | Unset): Pixels per module (default: 8 for qr, 3 for barcodes).
        height (int | None | Unset): Bar height in pixels, code128 and ean13 only (default 80).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        voucher_id=voucher_id,
        format_=format_,
        scale=scale,
        height=height,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    voucher_id: str,
    *,
    client: AuthenticatedClient,
    format_: CodeSvgFormat | Unset = CodeSvgFormat.QR,
    scale: int | None | Unset = UNSET,
    height: int | None | Unset = UNSET,
) -> Any | Problem | None:
    """The voucher's redeem code as a SVG QR code or barcode

     The voucher's redeem code drawn as the customer shows it (QR, Code128 or EAN-13), in
    a format the voucher allows; the same code always gives the same image, so an
    `If-None-Match` with its ETag gets `304`. **Who:** any staff key (owner, manager or
    scanner). **Emits:** none.

    Args:
        voucher_id (str):
        format_ (CodeSvgFormat | Unset): qr needs the voucher format `qr`; code128 and ean13 (a
            code of 12 or 13 digits) need `barcode`. Default: CodeSvgFormat.QR.
        scale (int | None | Unset): Pixels per module (default: 8 for qr, 3 for barcodes).
        height (int | None | Unset): Bar height in pixels, code128 and ean13 only (default 80).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            voucher_id=voucher_id,
            client=client,
            format_=format_,
            scale=scale,
            height=height,
        )
    ).parsed
