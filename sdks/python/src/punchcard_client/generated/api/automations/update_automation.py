from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.automation_out import AutomationOut
from ...models.automation_patch import AutomationPatch
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    automation_id: str,
    *,
    body: AutomationPatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/automations/{automation_id}".format(
            automation_id=quote(str(automation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AutomationOut | Problem | None:
    if response.status_code == 200:
        response_200 = AutomationOut.from_dict(response.json())

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
) -> Response[AutomationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    automation_id: str,
    *,
    client: AuthenticatedClient,
    body: AutomationPatch,
) -> Response[AutomationOut | Problem]:
    """Change an automation

     Change an automation. Merged into the automation and checked as a whole for its kind (which
    does not change). Runs already made stay. **Who:** Owners and managers (`automations:manage`);
    staff bound to a location may read but not change (403 `location_forbidden`). **Emits:** none.

    Args:
        automation_id (str):
        body (AutomationPatch): Any of the fields of a new automation but ``kind``; null clears
            program_id, audience,
            voucher and message, and resets a setting to its default.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AutomationOut | Problem]
    """

    kwargs = _get_kwargs(
        automation_id=automation_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    automation_id: str,
    *,
    client: AuthenticatedClient,
    body: AutomationPatch,
) -> AutomationOut | Problem | None:
    """Change an automation

     Change an automation. Merged into the automation and checked as a whole for its kind (which
    does not change). Runs already made stay. **Who:** Owners and managers (`automations:manage`);
    staff bound to a location may read but not change (403 `location_forbidden`). **Emits:** none.

    Args:
        automation_id (str):
        body (AutomationPatch): Any of the fields of a new automation but ``kind``; null clears
            program_id, audience,
            voucher and message, and resets a setting to its default.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AutomationOut | Problem
    """

    return sync_detailed(
        automation_id=automation_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    automation_id: str,
    *,
    client: AuthenticatedClient,
    body: AutomationPatch,
) -> Response[AutomationOut | Problem]:
    """Change an automation

     Change an automation. Merged into the automation and checked as a whole for its kind (which
    does not change). Runs already made stay. **Who:** Owners and managers (`automations:manage`);
    staff bound to a location may read but not change (403 `location_forbidden`). **Emits:** none.

    Args:
        automation_id (str):
        body (AutomationPatch): Any of the fields of a new automation but ``kind``; null clears
            program_id, audience,
            voucher and message, and resets a setting to its default.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AutomationOut | Problem]
    """

    kwargs = _get_kwargs(
        automation_id=automation_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    automation_id: str,
    *,
    client: AuthenticatedClient,
    body: AutomationPatch,
) -> AutomationOut | Problem | None:
    """Change an automation

     Change an automation. Merged into the automation and checked as a whole for its kind (which
    does not change). Runs already made stay. **Who:** Owners and managers (`automations:manage`);
    staff bound to a location may read but not change (403 `location_forbidden`). **Emits:** none.

    Args:
        automation_id (str):
        body (AutomationPatch): Any of the fields of a new automation but ``kind``; null clears
            program_id, audience,
            voucher and message, and resets a setting to its default.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AutomationOut | Problem
    """

    return (
        await asyncio_detailed(
            automation_id=automation_id,
            client=client,
            body=body,
        )
    ).parsed
