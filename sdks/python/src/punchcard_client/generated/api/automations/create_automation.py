from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.automation_in import AutomationIn
from ...models.automation_out import AutomationOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: AutomationIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/automations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AutomationOut | Problem | None:
    if response.status_code == 201:
        response_201 = AutomationOut.from_dict(response.json())

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
) -> Response[AutomationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AutomationIn,
) -> Response[AutomationOut | Problem]:
    """Create an automation

     Create an automation. A rule the worker runs on schedule, at most once per customer and
    period: `birthday` (N days before or on the day, at a local hour; `birthday_reached`),
    `inactivity` (no stamp for N days, once per spell; `inactivity_trigger`), `reward_reminder` (a
    voucher unredeemed N days after issue, or expiring within N days; `voucher_reminder`), `welcome`
    (a new card, within a worker pass). Each may issue a voucher and send a message (a message
    template, through the campaign sender), narrowed to a program and an audience. It acts on what
    happens from its creation on. **Who:** Owners and managers (`automations:manage`); staff bound
    to a location may read but not change (403 `location_forbidden`). **Emits:** none.

    Args:
        body (AutomationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AutomationOut | Problem]
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
    body: AutomationIn,
) -> AutomationOut | Problem | None:
    """Create an automation

     Create an automation. A rule the worker runs on schedule, at most once per customer and
    period: `birthday` (N days before or on the day, at a local hour; `birthday_reached`),
    `inactivity` (no stamp for N days, once per spell; `inactivity_trigger`), `reward_reminder` (a
    voucher unredeemed N days after issue, or expiring within N days; `voucher_reminder`), `welcome`
    (a new card, within a worker pass). Each may issue a voucher and send a message (a message
    template, through the campaign sender), narrowed to a program and an audience. It acts on what
    happens from its creation on. **Who:** Owners and managers (`automations:manage`); staff bound
    to a location may read but not change (403 `location_forbidden`). **Emits:** none.

    Args:
        body (AutomationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AutomationOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AutomationIn,
) -> Response[AutomationOut | Problem]:
    """Create an automation

     Create an automation. A rule the worker runs on schedule, at most once per customer and
    period: `birthday` (N days before or on the day, at a local hour; `birthday_reached`),
    `inactivity` (no stamp for N days, once per spell; `inactivity_trigger`), `reward_reminder` (a
    voucher unredeemed N days after issue, or expiring within N days; `voucher_reminder`), `welcome`
    (a new card, within a worker pass). Each may issue a voucher and send a message (a message
    template, through the campaign sender), narrowed to a program and an audience. It acts on what
    happens from its creation on. **Who:** Owners and managers (`automations:manage`); staff bound
    to a location may read but not change (403 `location_forbidden`). **Emits:** none.

    Args:
        body (AutomationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AutomationOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AutomationIn,
) -> AutomationOut | Problem | None:
    """Create an automation

     Create an automation. A rule the worker runs on schedule, at most once per customer and
    period: `birthday` (N days before or on the day, at a local hour; `birthday_reached`),
    `inactivity` (no stamp for N days, once per spell; `inactivity_trigger`), `reward_reminder` (a
    voucher unredeemed N days after issue, or expiring within N days; `voucher_reminder`), `welcome`
    (a new card, within a worker pass). Each may issue a voucher and send a message (a message
    template, through the campaign sender), narrowed to a program and an audience. It acts on what
    happens from its creation on. **Who:** Owners and managers (`automations:manage`); staff bound
    to a location may read but not change (403 `location_forbidden`). **Emits:** none.

    Args:
        body (AutomationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AutomationOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
