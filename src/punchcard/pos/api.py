from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Request, Response
from pydantic import BaseModel

from punchcard.config import get_settings
from punchcard.kit.http import Session, database
from punchcard.kit.openapi import problems
from punchcard.kit.pagination import Page, PageQuery
from punchcard.kit.storabletext import checks_text_itself
from punchcard.pos import inbound, service, signing
from punchcard.pos.connector import Delivery
from punchcard.pos.models import PosConnector
from punchcard.pos.schemas import (
    Accepted,
    ConnectorCreate,
    ConnectorCreated,
    ConnectorOut,
    ConnectorUpdate,
    GenericSale,
    Outcome,
    PosRedeem,
    PosterWebhook,
    SaleOut,
    SecretOut,
    SyrveEvent,
)
from punchcard.staff.auth import CurrentActor
from punchcard.vouchers.schemas import VoucherOut

connectors_router = APIRouter(prefix="/pos-connectors", tags=["POS connectors"])
inbound_router = APIRouter(prefix="/pos", tags=["POS connectors"])
ConnectorId = Annotated[str, Path(max_length=64)]
SIGNATURE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "pos_signature_invalid: missing, stale or wrong signature"},
    404: {"description": "pos_connector_not_found"},
}


def _typed_settings(connector: PosConnector, kind: str) -> dict[str, Any] | None:
    """A Poster or Syrve connector's own settings, without its secrets."""
    if connector.type != kind:
        return None
    default = getattr(get_settings(), f"pos_{kind}_base_url")
    return {
        **connector.settings,
        "base_url": connector.settings.get("base_url") or default,
        "credentials_set": connector.credentials_sealed is not None,
    }


def connector_out(connector: PosConnector) -> ConnectorOut:
    return ConnectorOut(
        id=connector.id,
        type=connector.type,
        name=connector.name,
        program_id=connector.program_id,
        location_id=connector.location_id,
        stamp_rule=connector.stamp_rule,
        currency=connector.currency,
        enabled=connector.enabled,
        poster=_typed_settings(connector, "poster"),
        syrve=_typed_settings(connector, "syrve"),
        webhook_url=service.webhook_url(connector),
        previous_secret_expires_at=connector.previous_signing_secret_expires_at,
        created_at=connector.created_at,
        updated_at=connector.updated_at,
    )


@connectors_router.post(
    "",
    status_code=201,
    response_model=ConnectorCreated,
    summary="Connect a till (Poster, Syrve or generic); its signing secret is shown once",
    responses={
        **problems(422, "url_not_allowed"),
        **problems(404, "location_not_found", "program_not_found"),
        **problems(409, "program_archived"),
    },
)
async def create_connector(body: ConnectorCreate, session: Session, actor: CurrentActor) -> object:
    """Connect a till (Poster, Syrve or generic); its signing secret is shown once. **Who:** Owners
    and managers. **Emits:** none.
    """
    connector, secret = await service.create_connector(session, actor, data=body)
    return {**connector_out(connector).model_dump(), "signing_secret": secret}


@connectors_router.get("", response_model=Page[ConnectorOut], summary="List POS connectors")
async def list_connectors(session: Session, actor: CurrentActor, page: PageQuery) -> object:
    """List POS connectors. **Who:** Owners and managers. **Emits:** none."""
    data, cursor = await service.list_connectors(session, actor, page)
    return {"data": [connector_out(c) for c in data], "next_cursor": cursor}


@connectors_router.get(
    "/{connector_id}", response_model=ConnectorOut, summary="A POS connector (no secrets)"
)
async def get_connector(connector_id: ConnectorId, session: Session, actor: CurrentActor) -> object:
    """A POS connector (no secrets). **Who:** Owners and managers. **Emits:** none."""
    return connector_out(await service.get_connector(session, actor, connector_id))


@connectors_router.patch(
    "/{connector_id}",
    response_model=ConnectorOut,
    summary="Edit a connector: program, location, stamp rule, currency, enabled, till keys",
    responses={
        **problems(422, "url_not_allowed"),
        **problems(409, "program_archived"),
    },
)
async def update_connector(
    connector_id: ConnectorId, body: ConnectorUpdate, session: Session, actor: CurrentActor
) -> object:
    """Edit a connector: program, location, stamp rule, currency, enabled, till keys. **Who:**
    Owners and managers. **Emits:** none.
    """
    return connector_out(await service.update_connector(session, actor, connector_id, data=body))


@connectors_router.delete(
    "/{connector_id}", status_code=204, summary="Delete a connector and its sales log"
)
async def delete_connector(
    connector_id: ConnectorId, session: Session, actor: CurrentActor
) -> Response:
    """Delete a connector and its sales log. **Who:** Owners and managers. **Emits:** none."""
    await service.delete_connector(session, actor, connector_id)
    return Response(status_code=204)


@connectors_router.post(
    "/{connector_id}/rotate-secret",
    operation_id="rotate_connector_secret",
    response_model=SecretOut,
    summary="New signing secret (shown once); the old one is accepted for 24 h more",
)
async def rotate_secret(connector_id: ConnectorId, session: Session, actor: CurrentActor) -> object:
    """New signing secret (shown once); the old one is accepted for 24 h more. **Who:** Owners and
    managers. **Emits:** none.
    """
    connector, secret = await service.rotate_secret(session, actor, connector_id)
    return {
        "signing_secret": secret,
        "previous_secret_expires_at": connector.previous_signing_secret_expires_at,
    }


@connectors_router.get(
    "/{connector_id}/sales",
    response_model=Page[SaleOut],
    summary="The connector's log: every sale reported and what came of it, newest first",
)
async def list_sales(
    connector_id: ConnectorId,
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    outcome: Outcome | None = None,
) -> object:
    """The connector's log: every sale reported and what came of it, newest first. **Who:** Owners
    and managers. **Emits:** none.
    """
    data, cursor = await service.list_sales(session, actor, connector_id, page, outcome=outcome)
    return {"data": data, "next_cursor": cursor}


# --- public, signed by the till --------------------------------------------------------------


def _inline(model: type[BaseModel]) -> dict[str, Any]:
    """A model's JSON Schema with its $defs inlined, for a hand-written request body."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return walk(defs[node["$ref"].rsplit("/", 1)[1]])
            return {key: walk(value) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(value) for value in node]
        return node

    return walk(schema)  # type: ignore[no-any-return]


SignatureHeaders = {
    "webhook-id": "A unique id of this request (generic webhooks and redemptions).",
    "webhook-timestamp": "Unix seconds; refused when more than 5 minutes off.",
    "webhook-signature": "v1,<base64 HMAC-SHA256 of '{id}.{timestamp}.{body}'>.",
}


def _delivery(request: Request, body: bytes) -> Delivery:
    return Delivery(body, {name.lower(): value for name, value in request.headers.items()})


@inbound_router.post(
    "/{connector_id}/webhook",
    response_model=Accepted,
    summary="A till reports a sale (Poster's or Syrve's webhook, or a signed generic webhook)",
    responses={
        **problems(403, "insufficient_role", "location_forbidden"),
        **problems(
            409, "card_expired", "code_pool_empty", "code_space_exhausted", "redeem_code_taken"
        ),
        **problems(503, "database_unavailable"),
        **{
            **SIGNATURE_ERRORS,
            **problems(
                422,
                "validation_error",
                "referral_code_not_found",
                why="validation_error: a signed body that is not a sale or an event.",
            ),
            502: {"description": "pos_api_error: the POS API did not answer; the POS retries"},
        },
    },
    openapi_extra={
        "parameters": [
            {
                "in": "header",
                "name": name,
                "required": False,
                "schema": {"type": "string"},
                "description": text,
            }
            for name, text in SignatureHeaders.items()
        ],
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "oneOf": [
                            _inline(GenericSale),
                            _inline(PosterWebhook),
                            {"type": "array", "items": _inline(SyrveEvent), "maxItems": 100},
                        ]
                    }
                }
            },
        },
    },
)
@checks_text_itself
async def receive_webhook(connector_id: ConnectorId, request: Request) -> object:
    """A till reports a sale (Poster's or Syrve's webhook, or a signed generic webhook). No API key:
    a Poster webhook is verified by its `verify` md5, a Syrve webhook (a JSON array of events) by
    its `Authorization` header (the authToken of Syrve's webhook settings: the connector's signing
    secret), a generic webhook by its Standard Webhooks signature (headers `webhook-id`,
    `webhook-timestamp`, `webhook-signature`). Every verified webhook is answered 200 with the
    outcome of each sale it carries (stamped, no_customer, below_minimum, duplicate, ...), so the
    till never retries a decided sale; a transaction is decided once, however often it is sent.
    **Who:** The till or POS system, signing with the connector's secret (no API key). **Emits:**
    code_pool_empty, goal_reached, referral_converted, referral_joined, reward_issued, stamp_added,
    voucher_issued.
    """
    delivery = _delivery(request, await request.body())
    rows = await inbound.receive(database(request), connector_id, delivery)
    return {"status": "accept", "sale": rows[0], "sales": rows}


async def _signed_connector(
    connector_id: ConnectorId,
    request: Request,
    session: Session,
    webhook_id: Annotated[str | None, Header(description=SignatureHeaders["webhook-id"])] = None,
    webhook_timestamp: Annotated[
        str | None, Header(description=SignatureHeaders["webhook-timestamp"])
    ] = None,
    webhook_signature: Annotated[
        str | None, Header(description=SignatureHeaders["webhook-signature"])
    ] = None,
) -> PosConnector:
    """The connector whose secret signed this request (checked before the body is)."""
    connector = await service.inbound_connector(session, connector_id)
    delivery = _delivery(request, await request.body())
    signing.verify(delivery, service.keys_of(connector).signing_secrets)
    signed_at = int(webhook_timestamp or 0)  # verify() checked both headers
    await service.remember_request(session, connector, webhook_id or "", signed_at)
    return connector


@inbound_router.post(
    "/{connector_id}/redeem",
    response_model=VoucherOut,
    summary="A till redeems a voucher by code (signed like a generic webhook)",
    responses={
        **SIGNATURE_ERRORS,
        **problems(403, "pos_connector_disabled", "insufficient_role", "location_forbidden"),
        **problems(
            409,
            "voucher_already_redeemed",
            "voucher_expired",
            "redeem_code_ambiguous",
            "voucher_is_lottery_ticket",
            "pos_request_replayed",
            "code_pool_empty",
            "code_space_exhausted",
            "redeem_code_taken",
            why="pos_request_replayed: a webhook-id sent before.",
        ),
    },
)
async def redeem(
    body: PosRedeem,
    session: Session,
    connector: Annotated[PosConnector, Depends(_signed_connector)],
) -> object:
    """A till redeems a voucher by code (signed like a generic webhook). **Who:** The till or POS
    system, signing with the connector's secret (no API key). **Emits:** code_pool_empty,
    referral_converted, voucher_issued, voucher_redeemed.
    """
    return await service.redeem(session, connector, body)
