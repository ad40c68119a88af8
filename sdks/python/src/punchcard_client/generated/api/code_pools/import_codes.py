from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_codes_json_code_import import ImportCodesJsonCodeImport
from ...models.import_result import ImportResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    template_id: str,
    *,
    body: ImportCodesJsonCodeImport,
    skip_duplicates: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["skip_duplicates"] = skip_duplicates

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/voucher-templates/{template_id}/code-pool/codes".format(
            template_id=quote(str(template_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportResult | Problem | None:
    if response.status_code == 201:
        response_201 = ImportResult.from_dict(response.json())

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
) -> Response[ImportResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    template_id: str,
    *,
    client: AuthenticatedClient,
    body: ImportCodesJsonCodeImport,
    skip_duplicates: bool | Unset = False,
) -> Response[ImportResult | Problem]:
    """Upload codes created in the POS into the pool (CSV or JSON; all or nothing)

     Upload codes created in the POS into the pool (CSV or JSON; all or nothing). **Who:** Owners
    and managers not bound to a location. **Emits:** none.

    Args:
        template_id (str):
        skip_duplicates (bool | Unset):  Default: False.
        body (ImportCodesJsonCodeImport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        body=body,
        skip_duplicates=skip_duplicates,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    template_id: str,
    *,
    client: AuthenticatedClient,
    body: ImportCodesJsonCodeImport,
    skip_duplicates: bool | Unset = False,
) -> ImportResult | Problem | None:
    """Upload codes created in the POS into the pool (CSV or JSON; all or nothing)

     Upload codes created in the POS into the pool (CSV or JSON; all or nothing). **Who:** Owners
    and managers not bound to a location. **Emits:** none.

    Args:
        template_id (str):
        skip_duplicates (bool | Unset):  Default: False.
        body (ImportCodesJsonCodeImport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return sync_detailed(
        template_id=template_id,
        client=client,
        body=body,
        skip_duplicates=skip_duplicates,
    ).parsed


async def asyncio_detailed(
    template_id: str,
    *,
    client: AuthenticatedClient,
    body: ImportCodesJsonCodeImport,
    skip_duplicates: bool | Unset = False,
) -> Response[ImportResult | Problem]:
    """Upload codes created in the POS into the pool (CSV or JSON; all or nothing)

     Upload codes created in the POS into the pool (CSV or JSON; all or nothing). **Who:** Owners
    and managers not bound to a location. **Emits:** none.

    Args:
        template_id (str):
        skip_duplicates (bool | Unset):  Default: False.
        body (ImportCodesJsonCodeImport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        body=body,
        skip_duplicates=skip_duplicates,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    template_id: str,
    *,
    client: AuthenticatedClient,
    body: ImportCodesJsonCodeImport,
    skip_duplicates: bool | Unset = False,
) -> ImportResult | Problem | None:
    """Upload codes created in the POS into the pool (CSV or JSON; all or nothing)

     Upload codes created in the POS into the pool (CSV or JSON; all or nothing). **Who:** Owners
    and managers not bound to a location. **Emits:** none.

    Args:
        template_id (str):
        skip_duplicates (bool | Unset):  Default: False.
        body (ImportCodesJsonCodeImport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return (
        await asyncio_detailed(
            template_id=template_id,
            client=client,
            body=body,
            skip_duplicates=skip_duplicates,
        )
    ).parsed
