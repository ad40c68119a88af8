from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.removed import Removed
from ...types import UNSET, Response, Unset


def _get_kwargs(
    template_id: str,
    *,
    batch_id: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_batch_id: None | str | Unset
    if isinstance(batch_id, Unset):
        json_batch_id = UNSET
    else:
        json_batch_id = batch_id
    params["batch_id"] = json_batch_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/voucher-templates/{template_id}/code-pool/codes".format(
            template_id=quote(str(template_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Removed | None:
    if response.status_code == 200:
        response_200 = Removed.from_dict(response.json())

        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Removed]:
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
    batch_id: None | str | Unset = UNSET,
) -> Response[Problem | Removed]:
    """Remove the pool's unassigned codes (all, or one batch's)

     Remove the pool's unassigned codes (all, or one batch's). **Who:** Owners and managers not
    bound to a location. **Emits:** none.

    Args:
        template_id (str):
        batch_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Removed]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        batch_id=batch_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    template_id: str,
    *,
    client: AuthenticatedClient,
    batch_id: None | str | Unset = UNSET,
) -> Problem | Removed | None:
    """Remove the pool's unassigned codes (all, or one batch's)

     Remove the pool's unassigned codes (all, or one batch's). **Who:** Owners and managers not
    bound to a location. **Emits:** none.

    Args:
        template_id (str):
        batch_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Removed
    """

    return sync_detailed(
        template_id=template_id,
        client=client,
        batch_id=batch_id,
    ).parsed


async def asyncio_detailed(
    template_id: str,
    *,
    client: AuthenticatedClient,
    batch_id: None | str | Unset = UNSET,
) -> Response[Problem | Removed]:
    """Remove the pool's unassigned codes (all, or one batch's)

     Remove the pool's unassigned codes (all, or one batch's). **Who:** Owners and managers not
    bound to a location. **Emits:** none.

    Args:
        template_id (str):
        batch_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Removed]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        batch_id=batch_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    template_id: str,
    *,
    client: AuthenticatedClient,
    batch_id: None | str | Unset = UNSET,
) -> Problem | Removed | None:
    """Remove the pool's unassigned codes (all, or one batch's)

     Remove the pool's unassigned codes (all, or one batch's). **Who:** Owners and managers not
    bound to a location. **Emits:** none.

    Args:
        template_id (str):
        batch_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Removed
    """

    return (
        await asyncio_detailed(
            template_id=template_id,
            client=client,
            batch_id=batch_id,
        )
    ).parsed
