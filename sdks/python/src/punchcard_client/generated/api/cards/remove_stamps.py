from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.removal_out import RemovalOut
from ...models.stamp_removal import StampRemoval
from ...types import UNSET, Response, Unset


def _get_kwargs(
    card_ref: str,
    *,
    body: StampRemoval,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cards/{card_ref}/stamp-removals".format(
            card_ref=quote(str(card_ref), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RemovalOut | None:
    if response.status_code == 201:
        response_201 = RemovalOut.from_dict(response.json())

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
) -> Response[Problem | RemovalOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    card_ref: str,
    *,
    client: AuthenticatedClient,
    body: StampRemoval,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | RemovalOut]:
    """Take stamps off a card, with a reason (managers and owners)

     Take stamps off a card, with a reason: a correction of stamps given by mistake. Never
    below zero in the current round (409 not_enough_stamps); vouchers already issued stay, and
    the ledger keeps a negative row with the reason. **Who:** Managers (at their location) and
    owners. **Emits:** stamps_removed.

    Args:
        card_ref (str): The card id (card_...) or its scan code.
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (StampRemoval):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RemovalOut]
    """

    kwargs = _get_kwargs(
        card_ref=card_ref,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    card_ref: str,
    *,
    client: AuthenticatedClient,
    body: StampRemoval,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | RemovalOut | None:
    """Take stamps off a card, with a reason (managers and owners)

     Take stamps off a card, with a reason: a correction of stamps given by mistake. Never
    below zero in the current round (409 not_enough_stamps); vouchers already issued stay, and
    the ledger keeps a negative row with the reason. **Who:** Managers (at their location) and
    owners. **Emits:** stamps_removed.

    Args:
        card_ref (str): The card id (card_...) or its scan code.
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (StampRemoval):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RemovalOut
    """

    return sync_detailed(
        card_ref=card_ref,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    card_ref: str,
    *,
    client: AuthenticatedClient,
    body: StampRemoval,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | RemovalOut]:
    """Take stamps off a card, with a reason (managers and owners)

     Take stamps off a card, with a reason: a correction of stamps given by mistake. Never
    below zero in the current round (409 not_enough_stamps); vouchers already issued stay, and
    the ledger keeps a negative row with the reason. **Who:** Managers (at their location) and
    owners. **Emits:** stamps_removed.

    Args:
        card_ref (str): The card id (card_...) or its scan code.
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (StampRemoval):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RemovalOut]
    """

    kwargs = _get_kwargs(
        card_ref=card_ref,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    card_ref: str,
    *,
    client: AuthenticatedClient,
    body: StampRemoval,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | RemovalOut | None:
    """Take stamps off a card, with a reason (managers and owners)

     Take stamps off a card, with a reason: a correction of stamps given by mistake. Never
    below zero in the current round (409 not_enough_stamps); vouchers already issued stay, and
    the ledger keeps a negative row with the reason. **Who:** Managers (at their location) and
    owners. **Emits:** stamps_removed.

    Args:
        card_ref (str): The card id (card_...) or its scan code.
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (StampRemoval):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RemovalOut
    """

    return (
        await asyncio_detailed(
            card_ref=card_ref,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
