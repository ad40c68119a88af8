"""The boundary for tills: a webhook in, a logged outcome out.

Each step is its own short transaction, so no database connection waits on the POS API:
load the connector, verify the signature, answer a replay from the log without asking the
POS again, fetch the sale, then decide it (claim, stamps, log) in one transaction.
"""

from typing import Any

from punchcard.db.engine import Database
from punchcard.kit.errors import ProblemError
from punchcard.pos import service
from punchcard.pos.connector import Delivery, PosApiError, Skip
from punchcard.pos.registry import CONNECTORS


class PosApiUnavailable(ProblemError):
    status = 502
    title = "Bad gateway"


async def receive(db: Database, connector_id: str, delivery: Delivery) -> dict[str, Any]:
    """The sale's log row; raises BadSignature (401), or PosApiUnavailable (502, logged) so
    the POS delivers the webhook again."""
    async with db.transaction() as session:
        connector = await service.inbound_connector(session, connector_id)
    keys = service.keys_of(connector)
    handler = CONNECTORS[connector.type]
    notice = handler.verify(delivery, keys)
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
