"""A form's service call in a savepoint: what it made, or its refusal at the field it names.
A refusal rolls back the savepoint only, so the page shows the form again in the request's
transaction with nothing half-written."""

from collections.abc import Awaitable
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.dashboard.forms import refusal
from punchcard.kit.errors import ProblemError

T = TypeVar("T")


async def saved(session: AsyncSession, call: Awaitable[T]) -> tuple[T | None, dict[str, str]]:
    try:
        async with session.begin_nested():
            return await call, {}
    except ProblemError as error:
        return None, refusal(error)
