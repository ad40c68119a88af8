"""A program's wallet card design: read (defaults when never set) and replace."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards.models import Card
from punchcard.db.base import table_of
from punchcard.kit.clock import utcnow
from punchcard.kit.db import get_owned
from punchcard.kit.sql import upsert
from punchcard.programs.models import Program
from punchcard.staff.actor import Actor, Permission
from punchcard.wallet.models import PassDesign, WalletPass
from punchcard.wallet.schemas import WalletDesignIn
from punchcard.wallet.sync import bump_versions

_designs = table_of(PassDesign)
_passes = table_of(WalletPass)


def _state(program_id: str, row: PassDesign | None) -> dict[str, Any]:
    if row is None:
        fields = WalletDesignIn().model_dump()
        return {"program_id": program_id, **fields, "updated_at": None}
    return {
        "program_id": program_id,
        **{name: getattr(row, name) for name in WalletDesignIn.model_fields},
        "updated_at": row.updated_at,
    }


async def get_design(session: AsyncSession, actor: Actor, program_id: str) -> dict[str, Any]:
    actor.require(Permission.PROGRAMS_MANAGE)
    await get_owned(session, Program, actor.business_id, program_id, "program")
    row = await session.get(PassDesign, (actor.business_id, program_id))
    return _state(program_id, row)


async def put_design(
    session: AsyncSession, actor: Actor, program_id: str, *, data: WalletDesignIn
) -> dict[str, Any]:
    """Replace the design; every card of the program already in a wallet gets a new version,
    so wallets show the new look with their next update."""
    actor.require(Permission.PROGRAMS_MANAGE)
    await get_owned(session, Program, actor.business_id, program_id, "program")
    now = utcnow()
    values = {
        **data.model_dump(),
        "website_url": str(data.website_url) if data.website_url else None,
        "business_id": actor.business_id,
        "id": program_id,
        "updated_at": now,
    }
    dialect = session.get_bind().dialect.name
    await session.execute(upsert(_designs, dialect, values, key=["business_id", "id"]))
    await bump_versions(
        session,
        (_passes.c.business_id == actor.business_id)
        & _passes.c.id.in_(
            select(Card.id).where(
                Card.business_id == actor.business_id, Card.program_id == program_id
            )
        ),
    )
    return {"program_id": program_id, **values, "updated_at": now}
