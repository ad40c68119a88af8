from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.card_issue import CardIssue
from ...models.card_issued import CardIssued
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CardIssue,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cards",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CardIssued | Problem | None:
    if response.status_code == 200:
        response_200 = CardIssued.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CardIssued.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CardIssued | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CardIssue,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CardIssued | Problem]:
    """Issue a card to a customer (by id, email, phone or source_id), optionally referred by a referral
    code

     Issue a card to a customer (by id, email, phone or source_id), optionally referred by a
    referral code. **Who:** Scanners, managers and owners. **Emits:** card_issued; with a
    referral_code also referral_joined and the referee's voucher_issued, or records a refusal (GET
    /v1/referral-refusals).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (CardIssue):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CardIssued | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CardIssue,
    idempotency_key: None | str | Unset = UNSET,
) -> CardIssued | Problem | None:
    """Issue a card to a customer (by id, email, phone or source_id), optionally referred by a referral
    code

     Issue a card to a customer (by id, email, phone or source_id), optionally referred by a
    referral code. **Who:** Scanners, managers and owners. **Emits:** card_issued; with a
    referral_code also referral_joined and the referee's voucher_issued, or records a refusal (GET
    /v1/referral-refusals).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (CardIssue):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CardIssued | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CardIssue,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CardIssued | Problem]:
    """Issue a card to a customer (by id, email, phone or source_id), optionally referred by a referral
    code

     Issue a card to a customer (by id, email, phone or source_id), optionally referred by a
    referral code. **Who:** Scanners, managers and owners. **Emits:** card_issued; with a
    referral_code also referral_joined and the referee's voucher_issued, or records a refusal (GET
    /v1/referral-refusals).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (CardIssue):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CardIssued | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CardIssue,
    idempotency_key: None | str | Unset = UNSET,
) -> CardIssued | Problem | None:
    """Issue a card to a customer (by id, email, phone or source_id), optionally referred by a referral
    code

     Issue a card to a customer (by id, email, phone or source_id), optionally referred by a
    referral code. **Who:** Scanners, managers and owners. **Emits:** card_issued; with a
    referral_code also referral_joined and the referee's voucher_issued, or records a refusal (GET
    /v1/referral-refusals).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first response
            (kept 24 h).
        body (CardIssue):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CardIssued | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
