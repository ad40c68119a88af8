from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_out import ImportOut
from ...models.problem import Problem
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


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportOut | Problem | None:
    if response.status_code == 202:
        response_202 = ImportOut.from_dict(response.json())

        return response_202

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ImportOut | Problem]:
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
) -> Response[ImportOut | Problem]:
    """Upload a CSV of customers (or card balances) to import, or to check first

     Upload a CSV of customers (or card balances) to import, or to check first. The file is read
    at once (UTF-8 with or without a BOM, `,` or `;` detected from the header, quoted fields) and
    staged in the database; the rows are applied by the worker in batches. Follow `GET
    /v1/imports/{id}`. A file that cannot be read is refused whole (`csv_encoding_invalid` with its
    line, `csv_malformed`, `csv_column_missing`, `csv_mapping_invalid`, ...); a bad row is reported
    with its line and never stops the others unless `on_error=abort`. Uploading the same file again
    is harmless: every row is an upsert (`unchanged` the second time). **Who:** Managers and owners.
    **Emits:** none.

    Args:
        body (UploadFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportOut | Problem]
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
) -> ImportOut | Problem | None:
    """Upload a CSV of customers (or card balances) to import, or to check first

     Upload a CSV of customers (or card balances) to import, or to check first. The file is read
    at once (UTF-8 with or without a BOM, `,` or `;` detected from the header, quoted fields) and
    staged in the database; the rows are applied by the worker in batches. Follow `GET
    /v1/imports/{id}`. A file that cannot be read is refused whole (`csv_encoding_invalid` with its
    line, `csv_malformed`, `csv_column_missing`, `csv_mapping_invalid`, ...); a bad row is reported
    with its line and never stops the others unless `on_error=abort`. Uploading the same file again
    is harmless: every row is an upsert (`unchanged` the second time). **Who:** Managers and owners.
    **Emits:** none.

    Args:
        body (UploadFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadFilesBody,
) -> Response[ImportOut | Problem]:
    """Upload a CSV of customers (or card balances) to import, or to check first

     Upload a CSV of customers (or card balances) to import, or to check first. The file is read
    at once (UTF-8 with or without a BOM, `,` or `;` detected from the header, quoted fields) and
    staged in the database; the rows are applied by the worker in batches. Follow `GET
    /v1/imports/{id}`. A file that cannot be read is refused whole (`csv_encoding_invalid` with its
    line, `csv_malformed`, `csv_column_missing`, `csv_mapping_invalid`, ...); a bad row is reported
    with its line and never stops the others unless `on_error=abort`. Uploading the same file again
    is harmless: every row is an upsert (`unchanged` the second time). **Who:** Managers and owners.
    **Emits:** none.

    Args:
        body (UploadFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportOut | Problem]
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
) -> ImportOut | Problem | None:
    """Upload a CSV of customers (or card balances) to import, or to check first

     Upload a CSV of customers (or card balances) to import, or to check first. The file is read
    at once (UTF-8 with or without a BOM, `,` or `;` detected from the header, quoted fields) and
    staged in the database; the rows are applied by the worker in batches. Follow `GET
    /v1/imports/{id}`. A file that cannot be read is refused whole (`csv_encoding_invalid` with its
    line, `csv_malformed`, `csv_column_missing`, `csv_mapping_invalid`, ...); a bad row is reported
    with its line and never stops the others unless `on_error=abort`. Uploading the same file again
    is harmless: every row is an upsert (`unchanged` the second time). **Who:** Managers and owners.
    **Emits:** none.

    Args:
        body (UploadFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
