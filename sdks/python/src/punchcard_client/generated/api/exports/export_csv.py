import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_csv_kind import ExportCsvKind
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    kind: ExportCsvKind,
    *,
    created_after: datetime.datetime | None | Unset = UNSET,
    created_before: datetime.datetime | None | Unset = UNSET,
    location_id: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_created_after: None | str | Unset
    if isinstance(created_after, Unset):
        json_created_after = UNSET
    elif isinstance(created_after, datetime.datetime):
        json_created_after = created_after.isoformat()
    else:
        json_created_after = created_after
    params["created_after"] = json_created_after

    json_created_before: None | str | Unset
    if isinstance(created_before, Unset):
        json_created_before = UNSET
    elif isinstance(created_before, datetime.datetime):
        json_created_before = created_before.isoformat()
    else:
        json_created_before = created_before
    params["created_before"] = json_created_before

    json_location_id: None | str | Unset
    if isinstance(location_id, Unset):
        json_location_id = UNSET
    else:
        json_location_id = location_id
    params["location_id"] = json_location_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/exports/{kind}.csv".format(
            kind=quote(str(kind), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: ExportCsvKind,
    *,
    client: AuthenticatedClient,
    created_after: datetime.datetime | None | Unset = UNSET,
    created_before: datetime.datetime | None | Unset = UNSET,
    location_id: None | str | Unset = UNSET,
) -> Response[Problem | str]:
    """Export customers, cards, vouchers or redemptions as CSV (streamed)

     Export customers, cards, vouchers or redemptions as CSV, streamed as it is read (any size, constant
    memory), in creation order. Columns:

    - **customers**: id, source_id, email, phone, name, birthday, language, marketing_consent,
    marketing_consent_at, metadata (JSON), created_at, updated_at
    - **cards**: id, program_id, customer_id, customer_source_id, scan_code, status, stamps,
    lifetime_stamps, rounds_completed, issued_at, expires_at, last_stamp_at
    - **vouchers**: id, card_id, customer_id, customer_source_id, template_id, goal_index, title,
    redeem_code, status, issued_at, expires_at, redeemed_at, redeemed_location_id, redeemed_via
    - **redemptions**: voucher_id, redeemed_at, location_id, staff_id, redeemed_via,
    redeemed_via_detail, redeem_code, title, template_id, card_id, customer_id, customer_source_id

    Times are UTC ISO 8601 with `Z`. `created_after`/`created_before` apply to the creation time (cards
    and vouchers: issued; redemptions: redeemed). `location_id`: redemptions made there; customers,
    cards and vouchers with stamps collected there (vouchers also redeemed there). Erased customers are
    left out. **Who:** managers and owners; staff bound to a location export their location's rows only.
    **Emits:** none.

    Args:
        kind (ExportCsvKind):
        created_after (datetime.datetime | None | Unset):
        created_before (datetime.datetime | None | Unset):
        location_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        kind=kind,
        created_after=created_after,
        created_before=created_before,
        location_id=location_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: ExportCsvKind,
    *,
    client: AuthenticatedClient,
    created_after: datetime.datetime | None | Unset = UNSET,
    created_before: datetime.datetime | None | Unset = UNSET,
    location_id: None | str | Unset = UNSET,
) -> Problem | str | None:
    """Export customers, cards, vouchers or redemptions as CSV (streamed)

     Export customers, cards, vouchers or redemptions as CSV, streamed as it is read (any size, constant
    memory), in creation order. Columns:

    - **customers**: id, source_id, email, phone, name, birthday, language, marketing_consent,
    marketing_consent_at, metadata (JSON), created_at, updated_at
    - **cards**: id, program_id, customer_id, customer_source_id, scan_code, status, stamps,
    lifetime_stamps, rounds_completed, issued_at, expires_at, last_stamp_at
    - **vouchers**: id, card_id, customer_id, customer_source_id, template_id, goal_index, title,
    redeem_code, status, issued_at, expires_at, redeemed_at, redeemed_location_id, redeemed_via
    - **redemptions**: voucher_id, redeemed_at, location_id, staff_id, redeemed_via,
    redeemed_via_detail, redeem_code, title, template_id, card_id, customer_id, customer_source_id

    Times are UTC ISO 8601 with `Z`. `created_after`/`created_before` apply to the creation time (cards
    and vouchers: issued; redemptions: redeemed). `location_id`: redemptions made there; customers,
    cards and vouchers with stamps collected there (vouchers also redeemed there). Erased customers are
    left out. **Who:** managers and owners; staff bound to a location export their location's rows only.
    **Emits:** none.

    Args:
        kind (ExportCsvKind):
        created_after (datetime.datetime | None | Unset):
        created_before (datetime.datetime | None | Unset):
        location_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        kind=kind,
        client=client,
        created_after=created_after,
        created_before=created_before,
        location_id=location_id,
    ).parsed


async def asyncio_detailed(
    kind: ExportCsvKind,
    *,
    client: AuthenticatedClient,
    created_after: datetime.datetime | None | Unset = UNSET,
    created_before: datetime.datetime | None | Unset = UNSET,
    location_id: None | str | Unset = UNSET,
) -> Response[Problem | str]:
    """Export customers, cards, vouchers or redemptions as CSV (streamed)

     Export customers, cards, vouchers or redemptions as CSV, streamed as it is read (any size, constant
    memory), in creation order. Columns:

    - **customers**: id, source_id, email, phone, name, birthday, language, marketing_consent,
    marketing_consent_at, metadata (JSON), created_at, updated_at
    - **cards**: id, program_id, customer_id, customer_source_id, scan_code, status, stamps,
    lifetime_stamps, rounds_completed, issued_at, expires_at, last_stamp_at
    - **vouchers**: id, card_id, customer_id, customer_source_id, template_id, goal_index, title,
    redeem_code, status, issued_at, expires_at, redeemed_at, redeemed_location_id, redeemed_via
    - **redemptions**: voucher_id, redeemed_at, location_id, staff_id, redeemed_via,
    redeemed_via_detail, redeem_code, title, template_id, card_id, customer_id, customer_source_id

    Times are UTC ISO 8601 with `Z`. `created_after`/`created_before` apply to the creation time (cards
    and vouchers: issued; redemptions: redeemed). `location_id`: redemptions made there; customers,
    cards and vouchers with stamps collected there (vouchers also redeemed there). Erased customers are
    left out. **Who:** managers and owners; staff bound to a location export their location's rows only.
    **Emits:** none.

    Args:
        kind (ExportCsvKind):
        created_after (datetime.datetime | None | Unset):
        created_before (datetime.datetime | None | Unset):
        location_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        kind=kind,
        created_after=created_after,
        created_before=created_before,
        location_id=location_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: ExportCsvKind,
    *,
    client: AuthenticatedClient,
    created_after: datetime.datetime | None | Unset = UNSET,
    created_before: datetime.datetime | None | Unset = UNSET,
    location_id: None | str | Unset = UNSET,
) -> Problem | str | None:
    """Export customers, cards, vouchers or redemptions as CSV (streamed)

     Export customers, cards, vouchers or redemptions as CSV, streamed as it is read (any size, constant
    memory), in creation order. Columns:

    - **customers**: id, source_id, email, phone, name, birthday, language, marketing_consent,
    marketing_consent_at, metadata (JSON), created_at, updated_at
    - **cards**: id, program_id, customer_id, customer_source_id, scan_code, status, stamps,
    lifetime_stamps, rounds_completed, issued_at, expires_at, last_stamp_at
    - **vouchers**: id, card_id, customer_id, customer_source_id, template_id, goal_index, title,
    redeem_code, status, issued_at, expires_at, redeemed_at, redeemed_location_id, redeemed_via
    - **redemptions**: voucher_id, redeemed_at, location_id, staff_id, redeemed_via,
    redeemed_via_detail, redeem_code, title, template_id, card_id, customer_id, customer_source_id

    Times are UTC ISO 8601 with `Z`. `created_after`/`created_before` apply to the creation time (cards
    and vouchers: issued; redemptions: redeemed). `location_id`: redemptions made there; customers,
    cards and vouchers with stamps collected there (vouchers also redeemed there). Erased customers are
    left out. **Who:** managers and owners; staff bound to a location export their location's rows only.
    **Emits:** none.

    Args:
        kind (ExportCsvKind):
        created_after (datetime.datetime | None | Unset):
        created_before (datetime.datetime | None | Unset):
        location_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            kind=kind,
            client=client,
            created_after=created_after,
            created_before=created_before,
            location_id=location_id,
        )
    ).parsed
