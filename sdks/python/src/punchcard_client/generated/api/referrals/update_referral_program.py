from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.referral_program_out import ReferralProgramOut
from ...models.referral_program_update import ReferralProgramUpdate
from ...types import Response


def _get_kwargs(
    program_id: str,
    *,
    body: ReferralProgramUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/referral-programs/{program_id}".format(
            program_id=quote(str(program_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | HTTPValidationError | ReferralProgramOut | None:
    if response.status_code == 200:
        response_200 = ReferralProgramOut.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

    if response.status_code == 409:
        response_409 = cast(Any, None)
        return response_409

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | HTTPValidationError | ReferralProgramOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    program_id: str,
    *,
    client: AuthenticatedClient,
    body: ReferralProgramUpdate,
) -> Response[Any | HTTPValidationError | ReferralProgramOut]:
    """Edit a referral program (applies to referrals from now on)

     Managers and owners (staff of every location). Fields given replace the stored ones; null clears an
    optional one.

    Args:
        program_id (str):
        body (ReferralProgramUpdate): Fields given replace the stored ones (null clears an
            optional one); referrals already
            made keep what they got.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | ReferralProgramOut]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    program_id: str,
    *,
    client: AuthenticatedClient,
    body: ReferralProgramUpdate,
) -> Any | HTTPValidationError | ReferralProgramOut | None:
    """Edit a referral program (applies to referrals from now on)

     Managers and owners (staff of every location). Fields given replace the stored ones; null clears an
    optional one.

    Args:
        program_id (str):
        body (ReferralProgramUpdate): Fields given replace the stored ones (null clears an
            optional one); referrals already
            made keep what they got.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | ReferralProgramOut
    """

    return sync_detailed(
        program_id=program_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    program_id: str,
    *,
    client: AuthenticatedClient,
    body: ReferralProgramUpdate,
) -> Response[Any | HTTPValidationError | ReferralProgramOut]:
    """Edit a referral program (applies to referrals from now on)

     Managers and owners (staff of every location). Fields given replace the stored ones; null clears an
    optional one.

    Args:
        program_id (str):
        body (ReferralProgramUpdate): Fields given replace the stored ones (null clears an
            optional one); referrals already
            made keep what they got.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError | ReferralProgramOut]
    """

    kwargs = _get_kwargs(
        program_id=program_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    program_id: str,
    *,
    client: AuthenticatedClient,
    body: ReferralProgramUpdate,
) -> Any | HTTPValidationError | ReferralProgramOut | None:
    """Edit a referral program (applies to referrals from now on)

     Managers and owners (staff of every location). Fields given replace the stored ones; null clears an
    optional one.

    Args:
        program_id (str):
        body (ReferralProgramUpdate): Fields given replace the stored ones (null clears an
            optional one); referrals already
            made keep what they got.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError | ReferralProgramOut
    """

    return (
        await asyncio_detailed(
            program_id=program_id,
            client=client,
            body=body,
        )
    ).parsed
