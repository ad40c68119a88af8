"""One source of "now", always timezone-aware UTC."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def isoformat_z(value: datetime) -> str:
    """ISO 8601 in UTC with a ``Z`` suffix, the form every payload uses."""
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
