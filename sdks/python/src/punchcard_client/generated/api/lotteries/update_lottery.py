from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.lottery_out import LotteryOut
from ...models.lottery_update import LotteryUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    lottery_id: str,
    *,
    body: LotteryUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/lotteries/{lottery_id}".format(
            lottery_id=quote(str(lottery_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LotteryOut | Problem | None:
    if response.status_code == 200:
        response_200 = LotteryOut.from_dict(response.json())

        return response_200

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[LotteryOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    lottery_id: str,
    *,
    client: AuthenticatedClient,
    body: LotteryUpdate,
) -> Response[LotteryOut | Problem]:
    """Edit a lottery or restock its prizes (tickets not yet played draw from the new one)

     Edit a lottery or restock its prizes (tickets not yet played draw from the new one). **Who:**
    Owners and managers not bound to a location. **Emits:** none.

    Args:
        lottery_id (str):
        body (LotteryUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LotteryOut | Problem]
    """

    kwargs = _get_kwargs(
        lottery_id=lottery_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    lottery_id: str,
    *,
    client: AuthenticatedClient,
    body: LotteryUpdate,
) -> LotteryOut | Problem | None:
    """Edit a lottery or restock its prizes (tickets not yet played draw from the new one)

     Edit a lottery or restock its prizes (tickets not yet played draw from the new one). **Who:**
    Owners and managers not bound to a location. **Emits:** none.

    Args:
        lottery_id (str):
        body (LotteryUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LotteryOut | Problem
    """

    return sync_detailed(
        lottery_id=lottery_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    lottery_id: str,
    *,
    client: AuthenticatedClient,
    body: LotteryUpdate,
) -> Response[LotteryOut | Problem]:
    """Edit a lottery or restock its prizes (tickets not yet played draw from the new one)

     Edit a lottery or restock its prizes (tickets not yet played draw from the new one). **Who:**
    Owners and managers not bound to a location. **Emits:** none.

    Args:
        lottery_id (str):
        body (LotteryUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LotteryOut | Problem]
    """

    kwargs = _get_kwargs(
        lottery_id=lottery_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    lottery_id: str,
    *,
    client: AuthenticatedClient,
    body: LotteryUpdate,
) -> LotteryOut | Problem | None:
    """Edit a lottery or restock its prizes (tickets not yet played draw from the new one)

     Edit a lottery or restock its prizes (tickets not yet played draw from the new one). **Who:**
    Owners and managers not bound to a location. **Emits:** none.

    Args:
        lottery_id (str):
        body (LotteryUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LotteryOut | Problem
    """

    return (
        await asyncio_detailed(
            lottery_id=lottery_id,
            client=client,
            body=body,
        )
    ).parsed
