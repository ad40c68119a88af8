from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.validate_code import ValidateCode
from ...models.validation_out import ValidationOut
from ...types import Response


def _get_kwargs(
    *,
    body: ValidateCode,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/vouchers/validate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ValidationOut | None:
    if response.status_code == 200:
        response_200 = ValidationOut.from_dict(response.json())

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
) -> Response[Problem | ValidationOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ValidateCode,
) -> Response[Problem | ValidationOut]:
    """Check a redeem code without redeeming it (state, customer, expiry, reason)

     Check a redeem code without redeeming it (state, customer, expiry, reason). Picks the voucher
    exactly as redeem-by-code would and changes nothing. A code matches case-insensitively, ignoring
    surrounding spaces. Digits a till read from an EAN-13 symbol also name the code it was drawn
    from: a 12-digit code is drawn with its check digit appended, so the 13 digits scanned (or 12 as
    UPC-A, when the EAN-13 starts with 0) name it; a wrong check digit names nothing. A voucher
    whose own code is exactly what was sent comes first. **Who:** Any staff key (owner, manager or
    scanner). **Emits:** none.

    Args:
        body (ValidateCode):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ValidationOut]
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
    body: ValidateCode,
) -> Problem | ValidationOut | None:
    """Check a redeem code without redeeming it (state, customer, expiry, reason)

     Check a redeem code without redeeming it (state, customer, expiry, reason). Picks the voucher
    exactly as redeem-by-code would and changes nothing. A code matches case-insensitively, ignoring
    surrounding spaces. Digits a till read from an EAN-13 symbol also name the code it was drawn
    from: a 12-digit code is drawn with its check digit appended, so the 13 digits scanned (or 12 as
    UPC-A, when the EAN-13 starts with 0) name it; a wrong check digit names nothing. A voucher
    whose own code is exactly what was sent comes first. **Who:** Any staff key (owner, manager or
    scanner). **Emits:** none.

    Args:
        body (ValidateCode):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ValidationOut
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ValidateCode,
) -> Response[Problem | ValidationOut]:
    """Check a redeem code without redeeming it (state, customer, expiry, reason)

     Check a redeem code without redeeming it (state, customer, expiry, reason). Picks the voucher
    exactly as redeem-by-code would and changes nothing. A code matches case-insensitively, ignoring
    surrounding spaces. Digits a till read from an EAN-13 symbol also name the code it was drawn
    from: a 12-digit code is drawn with its check digit appended, so the 13 digits scanned (or 12 as
    UPC-A, when the EAN-13 starts with 0) name it; a wrong check digit names nothing. A voucher
    whose own code is exactly what was sent comes first. **Who:** Any staff key (owner, manager or
    scanner). **Emits:** none.

    Args:
        body (ValidateCode):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ValidationOut]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ValidateCode,
) -> Problem | ValidationOut | None:
    """Check a redeem code without redeeming it (state, customer, expiry, reason)

     Check a redeem code without redeeming it (state, customer, expiry, reason). Picks the voucher
    exactly as redeem-by-code would and changes nothing. A code matches case-insensitively, ignoring
    surrounding spaces. Digits a till read from an EAN-13 symbol also name the code it was drawn
    from: a 12-digit code is drawn with its check digit appended, so the 13 digits scanned (or 12 as
    UPC-A, when the EAN-13 starts with 0) name it; a wrong check digit names nothing. A voucher
    whose own code is exactly what was sent comes first. **Who:** Any staff key (owner, manager or
    scanner). **Emits:** none.

    Args:
        body (ValidateCode):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ValidationOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
