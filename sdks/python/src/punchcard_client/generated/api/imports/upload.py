from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_out import ImportOut
from ...models.upload_files_body import UploadFilesBody
from ...types import Response


def _get_kwargs(
    *,
    body: UploadFilesBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/imports",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ImportOut | None:
    if response.status_code == 202:
        response_202 = ImportOut.from_dict(response.json())

        return response_202

    if response.status_code == 413:
        response_413 = cast(Any, None)
        return response_413

    if response.status_code == 415:
        response_415 = cast(Any, None)
        return response_415

    if response.status_code == 422:
        response_422 = cast(Any, None)
        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ImportOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadFilesBody,
) -> Response[Any | ImportOut]:
    """Upload a CSV of customers (or card balances) to import, or to check first

     The file is read at once (UTF-8 with or without a BOM, `,` or `;` detected from the header, quoted
    fields) and staged in the database; the rows are applied by the worker in batches. Follow `GET
    /v1/imports/{id}`. A file that cannot be read is refused whole (`csv_encoding_invalid` with its
    line, `csv_malformed`, `csv_column_missing`, `csv_mapping_invalid`, ...); a bad row is reported with
    its line and never stops the others unless `on_error=abort`. Uploading the same file again is
    harmless: every row is an upsert (`unchanged` the second time). Managers and owners.

    Args:
        body (UploadFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ImportOut]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: UploadFilesBody,
) -> Any | ImportOut | None:
    """Upload a CSV of customers (or card balances) to import, or to check first

     The file is read at once (UTF-8 with or without a BOM, `,` or `;` detected from the header, quoted
    fields) and staged in the database; the rows are applied by the worker in batches. Follow `GET
    /v1/imports/{id}`. A file that cannot be read is refused whole (`csv_encoding_invalid` with its
    line, `csv_malformed`, `csv_column_missing`, `csv_mapping_invalid`, ...); a bad row is reported with
    its line and never stops the others unless `on_error=abort`. Uploading the same file again is
    harmless: every row is an upsert (`unchanged` the second time). Managers and owners.

    Args:
        body (UploadFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ImportOut
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadFilesBody,
) -> Response[Any | ImportOut]:
    """Upload a CSV of customers (or card balances) to import, or to check first

     The file is read at once (UTF-8 with or without a BOM, `,` or `;` detected from the header, quoted
    fields) and staged in the database; the rows are applied by the worker in batches. Follow `GET
    /v1/imports/{id}`. A file that cannot be read is refused whole (`csv_encoding_invalid` with its
    line, `csv_malformed`, `csv_column_missing`, `csv_mapping_invalid`, ...); a bad row is reported with
    its line and never stops the others unless `on_error=abort`. Uploading the same file again is
    harmless: every row is an upsert (`unchanged` the second time). Managers and owners.

    Args:
        body (UploadFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ImportOut]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: UploadFilesBody,
) -> Any | ImportOut | None:
    """Upload a CSV of customers (or card balances) to import, or to check first

     The file is read at once (UTF-8 with or without a BOM, `,` or `;` detected from the header, quoted
    fields) and staged in the database; the rows are applied by the worker in batches. Follow `GET
    /v1/imports/{id}`. A file that cannot be read is refused whole (`csv_encoding_invalid` with its
    line, `csv_malformed`, `csv_column_missing`, `csv_mapping_invalid`, ...); a bad row is reported with
    its line and never stops the others unless `on_error=abort`. Uploading the same file again is
    harmless: every row is an upsert (`unchanged` the second time). Managers and owners.

    Args:
        body (UploadFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ImportOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
