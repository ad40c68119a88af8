"""The boundary for tills: a webhook in, a logged outcome out.

Each step is its own short transaction, so no database connection waits on the POS API:
load the connector, verify the signature, answer a replay from the log without asking the
POS again, fetch the sale, then decide it (claim, stamps, log) in one transaction. A delivery
that carries several events (Syrve batches them) is processed event by event, in order.
"""

from typing import Any

from punchcard.db.engine import Database
from punchcard.kit.errors import ProblemError
from punchcard.pos import service
from punchcard.pos.connector import Connector, Delivery, Keys, Notice, PosApiError, Skip
from punchcard.pos.models import PosConnector
from punchcard.pos.registry import CONNECTORS


class PosApiUnavailable(ProblemError):
    status = 502
    title = "Bad gateway"


async def receive(db: Database, connector_id: str, delivery: Delivery) -> list[dict[str, Any]]:
    """The log rows, one per event; raises BadSignature (401), or PosApiUnavailable (502,
    logged) so the POS delivers the webhook again (events decided before are duplicates)."""
    async with db.transaction() as session:
        connector = await service.inbound_connector(session, connector_id)
    keys = service.keys_of(connector)
    handler = CONNECTORS[connector.type]
    verified = handler.verify(delivery, keys)
    notices = verified if isinstance(verified, list) else [verified]
    return [await _process(db, connector, handler, keys, notice) for notice in notices]


async def _process(
    db: Database, connector: PosConnector, handler: Connector, keys: Keys, notice: Notice | Skip
) -> dict[str, Any]:
    async with db.transaction() as session:
        if isinstance(notice, Skip):
            return await service.log_skip(session, connector, notice)
        if not connector.enabled:
            return await service.log_skip(
                session,
                connector,
                outcome="disabled",
                transaction_id=notice.transaction_id,
                detail="The connector is disabled: enable it and replay the webhook.",
            )
        replay = await service.duplicate_of(session, connector, notice.transaction_id)
        if replay is not None:
            return replay
    try:
        sale = await handler.sale(notice, keys)
    except PosApiError as exc:
        async with db.transaction() as session:
            await service.log_skip(
                session,
                connector,
                outcome="pos_api_error",
                transaction_id=notice.transaction_id,
                detail=str(exc),
            )
        raise PosApiUnavailable("pos_api_error", str(exc)) from exc
    async with db.transaction() as session:
        if isinstance(sale, Skip):
            return await service.log_skip(session, connector, sale)
        return await service.record_sale(session, connector, sale)
