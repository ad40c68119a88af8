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


def at_fields(errors: dict[str, str], fields: tuple[str, ...]) -> dict[str, str]:
    """Errors where the form shows them: at one of its ``fields``, else above the form (a
    service may name a field path the form has no place for)."""
    return {key if key in fields else "form": text for key, text in errors.items()}
