"""Cursor pagination over time-ordered ids: stable under inserts, no OFFSET scans."""

from collections.abc import Callable
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select
from sqlalchemy.orm import QueryableAttribute

T = TypeVar("T")
AnySelect = TypeVar("AnySelect", bound=Select[*tuple[Any, ...]])


class Page(BaseModel, Generic[T]):
    data: list[T]
    next_cursor: str | None = None


class PageParams(BaseModel):
    limit: int
    cursor: str | None


async def page_params(
    limit: int = Query(20, ge=1, le=100, description="Items per page (1-100)."),
    cursor: str | None = Query(
        None,
        max_length=64,
        # What pages hand out: an id (newest first) or a line number (an import's rows). Anything
        # else is no page of ours: a 422, not a silently empty or wrong page.
        pattern=r"^(?:[a-z]+_[0-9a-z]{26}|[0-9]{1,18})$",
        description="`next_cursor` from the previous page.",
    ),
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


PageQuery = Annotated[PageParams, Depends(page_params)]


def newest_first(
    query: AnySelect, id_column: ColumnElement[str] | QueryableAttribute[str], params: PageParams
) -> AnySelect:
    """Order newest first and start after the cursor; fetch one extra row to know if more exist."""
    if params.cursor:
        query = query.where(id_column < params.cursor)
    return query.order_by(id_column.desc()).limit(params.limit + 1)


def to_page(
    rows: list[T], params: PageParams, cursor_of: Callable[[T], str]
) -> tuple[list[T], str | None]:
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        return rows, cursor_of(rows[-1])
    return rows, None
