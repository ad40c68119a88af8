"""Every exported column as text, formatted by the database itself, the same on PostgreSQL
and SQLite: times in UTC as ISO 8601 with microseconds and a Z, booleans true/false, JSON as
its text, dates ISO. The rows then need no work in Python: PostgreSQL streams them with COPY,
SQLite's are written as they come."""

from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, String, case, func, literal_column, type_coerce

ISO_INSTANT_PG = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'


def _is(column_type: Any, kind: type) -> bool:
    return isinstance(column_type, kind) or isinstance(getattr(column_type, "impl", None), kind)


def as_text(column: Any, dialect: str) -> Any:
    """``column`` as the text a CSV cell holds (NULL stays NULL: an empty cell)."""
    name, kind = column.name, column.type
    if _is(kind, DateTime):
        if dialect == "postgresql":
            utc = func.timezone(literal_column("'UTC'"), column)
            return func.to_char(utc, ISO_INSTANT_PG).label(name)
        # SQLite holds them as 'YYYY-MM-DD HH:MM:SS.ffffff' in UTC (kit.sql.UTCDateTime).
        stored = type_coerce(column, String)
        return (func.replace(stored, " ", "T") + "Z").label(name)
    if _is(kind, Boolean):
        return case((column.is_(None), None), (column, "true"), else_="false").label(name)
    if dialect == "postgresql":
        return column.cast(String).label(name) if _is(kind, JSON) else column
    return type_coerce(column, String).label(name)  # as stored: no parsing on the way out
