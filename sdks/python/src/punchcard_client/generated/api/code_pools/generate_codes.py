from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.code_generate import CodeGenerate
from ...models.generate_result import GenerateResult
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    template_id: str,
    *,
    body: CodeGenerate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/voucher-templates/{template_id}/code-pool/generate".format(
            template_id=quote(str(template_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GenerateResult | Problem | None:
    if response.status_code == 201:
        response_201 = GenerateResult.from_dict(response.json())

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
) -> Response[GenerateResult | Problem]:
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
    body: CodeGenerate,
) -> Response[GenerateResult | Problem]:
    """Generate unique codes into the pool in bulk (one batch, downloadable as CSV)

     Generate unique codes into the pool in bulk (one batch, downloadable as CSV). Generates
    `count` codes new to the business (in no pool and on no voucher), in one transaction. At most
    half of a pattern's space is used, counting the codes of it the business already has: a larger
    request is refused up front (`422 code_space_too_small`, with `space`, `in_use` and `at_most`);
    a request that passes completes every time, unless concurrent requests fill the space meanwhile
    (`409 code_space_exhausted`). **Who:** Owners and managers not bound to a location. **Emits:**
    none.

    Args:
        template_id (str):
        body (CodeGenerate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GenerateResult | Problem]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    template_id: str,
    *,
    client: AuthenticatedClient,
    body: CodeGenerate,
) -> GenerateResult | Problem | None:
    """Generate unique codes into the pool in bulk (one batch, downloadable as CSV)

     Generate unique codes into the pool in bulk (one batch, downloadable as CSV). Generates
    `count` codes new to the business (in no pool and on no voucher), in one transaction. At most
    half of a pattern's space is used, counting the codes of it the business already has: a larger
    request is refused up front (`422 code_space_too_small`, with `space`, `in_use` and `at_most`);
    a request that passes completes every time, unless concurrent requests fill the space meanwhile
    (`409 code_space_exhausted`). **Who:** Owners and managers not bound to a location. **Emits:**
    none.

    Args:
        template_id (str):
        body (CodeGenerate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GenerateResult | Problem
    """

    return sync_detailed(
        template_id=template_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    template_id: str,
    *,
    client: AuthenticatedClient,
    body: CodeGenerate,
) -> Response[GenerateResult | Problem]:
    """Generate unique codes into the pool in bulk (one batch, downloadable as CSV)

     Generate unique codes into the pool in bulk (one batch, downloadable as CSV). Generates
    `count` codes new to the business (in no pool and on no voucher), in one transaction. At most
    half of a pattern's space is used, counting the codes of it the business already has: a larger
    request is refused up front (`422 code_space_too_small`, with `space`, `in_use` and `at_most`);
    a request that passes completes every time, unless concurrent requests fill the space meanwhile
    (`409 code_space_exhausted`). **Who:** Owners and managers not bound to a location. **Emits:**
    none.

    Args:
        template_id (str):
        body (CodeGenerate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GenerateResult | Problem]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    template_id: str,
    *,
    client: AuthenticatedClient,
    body: CodeGenerate,
) -> GenerateResult | Problem | None:
    """Generate unique codes into the pool in bulk (one batch, downloadable as CSV)

     Generate unique codes into the pool in bulk (one batch, downloadable as CSV). Generates
    `count` codes new to the business (in no pool and on no voucher), in one transaction. At most
    half of a pattern's space is used, counting the codes of it the business already has: a larger
    request is refused up front (`422 code_space_too_small`, with `space`, `in_use` and `at_most`);
    a request that passes completes every time, unless concurrent requests fill the space meanwhile
    (`409 code_space_exhausted`). **Who:** Owners and managers not bound to a location. **Emits:**
    none.

    Args:
        template_id (str):
        body (CodeGenerate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GenerateResult | Problem
    """

    return (
        await asyncio_detailed(
            template_id=template_id,
            client=client,
            body=body,
        )
    ).parsed
