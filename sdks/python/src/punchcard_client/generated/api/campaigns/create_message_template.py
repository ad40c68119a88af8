from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaigns_template_in import CampaignsTemplateIn
from ...models.campaigns_template_out import CampaignsTemplateOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: CampaignsTemplateIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/message-templates",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CampaignsTemplateOut | Problem | None:
    if response.status_code == 201:
        response_201 = CampaignsTemplateOut.from_dict(response.json())

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
) -> Response[CampaignsTemplateOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CampaignsTemplateIn,
) -> Response[CampaignsTemplateOut | Problem]:
    """Create a message template

     Create a message template. A message for one channel in one or more languages; each part is a
    Jinja template rendered in a sandbox. A variable that does not exist, a syntax error, a tag
    Telegram does not take: 422 naming the part, nothing saved. **Who:** Owners and managers
    (`campaigns:manage`). **Emits:** none.

    Args:
        body (CampaignsTemplateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampaignsTemplateOut | Problem]
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
    body: CampaignsTemplateIn,
) -> CampaignsTemplateOut | Problem | None:
    """Create a message template

     Create a message template. A message for one channel in one or more languages; each part is a
    Jinja template rendered in a sandbox. A variable that does not exist, a syntax error, a tag
    Telegram does not take: 422 naming the part, nothing saved. **Who:** Owners and managers
    (`campaigns:manage`). **Emits:** none.

    Args:
        body (CampaignsTemplateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampaignsTemplateOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CampaignsTemplateIn,
) -> Response[CampaignsTemplateOut | Problem]:
    """Create a message template

     Create a message template. A message for one channel in one or more languages; each part is a
    Jinja template rendered in a sandbox. A variable that does not exist, a syntax error, a tag
    Telegram does not take: 422 naming the part, nothing saved. **Who:** Owners and managers
    (`campaigns:manage`). **Emits:** none.

    Args:
        body (CampaignsTemplateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampaignsTemplateOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CampaignsTemplateIn,
) -> CampaignsTemplateOut | Problem | None:
    """Create a message template

     Create a message template. A message for one channel in one or more languages; each part is a
    Jinja template rendered in a sandbox. A variable that does not exist, a syntax error, a tag
    Telegram does not take: 422 naming the part, nothing saved. **Who:** Owners and managers
    (`campaigns:manage`). **Emits:** none.

    Args:
        body (CampaignsTemplateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampaignsTemplateOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
