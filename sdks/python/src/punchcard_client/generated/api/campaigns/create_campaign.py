from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign_in import CampaignIn
from ...models.campaign_out import CampaignOut
from ...types import Response


def _get_kwargs(
    *,
    body: CampaignIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/campaigns",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | CampaignOut | None:
    if response.status_code == 201:
        response_201 = CampaignOut.from_dict(response.json())

        return response_201

    if response.status_code == 422:
        response_422 = cast(Any, None)
        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | CampaignOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CampaignIn,
) -> Response[Any | CampaignOut]:
    """Create a campaign (a draft, or scheduled with send_at)

     A template to an audience on a set-up channel, optionally with a voucher for each recipient and
    quiet hours. 422 `channel_not_configured`, `template_channel_mismatch`, `send_at_in_past` (each
    naming its `field`); 404 for another business's template, voucher template, program or location.
    Owners and managers (`campaigns:manage`). When it finishes sending: `campaign_sent` with its counts.

    Args:
        body (CampaignIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CampaignOut]
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
    body: CampaignIn,
) -> Any | CampaignOut | None:
    """Create a campaign (a draft, or scheduled with send_at)

     A template to an audience on a set-up channel, optionally with a voucher for each recipient and
    quiet hours. 422 `channel_not_configured`, `template_channel_mismatch`, `send_at_in_past` (each
    naming its `field`); 404 for another business's template, voucher template, program or location.
    Owners and managers (`campaigns:manage`). When it finishes sending: `campaign_sent` with its counts.

    Args:
        body (CampaignIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CampaignOut
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CampaignIn,
) -> Response[Any | CampaignOut]:
    """Create a campaign (a draft, or scheduled with send_at)

     A template to an audience on a set-up channel, optionally with a voucher for each recipient and
    quiet hours. 422 `channel_not_configured`, `template_channel_mismatch`, `send_at_in_past` (each
    naming its `field`); 404 for another business's template, voucher template, program or location.
    Owners and managers (`campaigns:manage`). When it finishes sending: `campaign_sent` with its counts.

    Args:
        body (CampaignIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CampaignOut]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CampaignIn,
) -> Any | CampaignOut | None:
    """Create a campaign (a draft, or scheduled with send_at)

     A template to an audience on a set-up channel, optionally with a voucher for each recipient and
    quiet hours. 422 `channel_not_configured`, `template_channel_mismatch`, `send_at_in_past` (each
    naming its `field`); 404 for another business's template, voucher template, program or location.
    Owners and managers (`campaigns:manage`). When it finishes sending: `campaign_sent` with its counts.

    Args:
        body (CampaignIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CampaignOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
