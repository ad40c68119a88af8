from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.staff_out import StaffOut
from ...models.staff_update import StaffUpdate
from ...types import Response


def _get_kwargs(
    staff_id: str,
    *,
    body: StaffUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/staff/{staff_id}".format(
            staff_id=quote(str(staff_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StaffOut | None:
    if response.status_code == 200:
        response_200 = StaffOut.from_dict(response.json())

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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | StaffOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    staff_id: str,
    *,
    client: AuthenticatedClient,
    body: StaffUpdate,
) -> Response[Problem | StaffOut]:
    """Update a staff login

     Update a staff login. **Who:** Owners and managers. **Emits:** none.

    Args:
        staff_id (str):
        body (StaffUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StaffOut]
    """

    kwargs = _get_kwargs(
        staff_id=staff_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    staff_id: str,
    *,
    client: AuthenticatedClient,
    body: StaffUpdate,
) -> Problem | StaffOut | None:
    """Update a staff login

     Update a staff login. **Who:** Owners and managers. **Emits:** none.

    Args:
        staff_id (str):
        body (StaffUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StaffOut
    """

    return sync_detailed(
        staff_id=staff_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    staff_id: str,
    *,
    client: AuthenticatedClient,
    body: StaffUpdate,
) -> Response[Problem | StaffOut]:
    """Update a staff login

     Update a staff login. **Who:** Owners and managers. **Emits:** none.

    Args:
        staff_id (str):
        body (StaffUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StaffOut]
    """

    kwargs = _get_kwargs(
        staff_id=staff_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    staff_id: str,
    *,
    client: AuthenticatedClient,
    body: StaffUpdate,
) -> Problem | StaffOut | None:
    """Update a staff login

     Update a staff login. **Who:** Owners and managers. **Emits:** none.

    Args:
        staff_id (str):
        body (StaffUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StaffOut
    """

    return (
        await asyncio_detailed(
            staff_id=staff_id,
            client=client,
            body=body,
        )
    ).parsed
