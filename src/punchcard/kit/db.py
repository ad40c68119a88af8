"""Small session helpers shared by services."""

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.db.base import Base
from punchcard.kit.errors import ProblemError


async def add_unique(session: AsyncSession, row: Base, conflict: ProblemError) -> None:
    """Insert; a unique constraint (not a prior read) decides, and a clash becomes ``conflict``."""
    try:
        async with session.begin_nested():
            session.add(row)
            await session.flush()
    except IntegrityError as exc:
        raise conflict from exc
