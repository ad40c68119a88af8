"""What became of a row: applied (created, updated or unchanged), failed (why), or skipped."""

from dataclasses import dataclass, field
from typing import Any

from punchcard.kit.errors import ProblemError


def row_error(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    return {"field": field, "code": code, "message": message}


def problem_error(problem: ProblemError) -> dict[str, Any]:
    return row_error(problem.code, problem.detail, problem.extra.get("field"))


@dataclass
class RowResult:
    line: int
    status: str = "failed"  # applied | failed | skipped
    result: str | None = None  # created | updated | unchanged
    record_id: str | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def failed(cls, line: int, *errors: dict[str, Any]) -> "RowResult":
        return cls(line, errors=list(errors))

    @classmethod
    def applied(cls, line: int, result: str, record_id: str) -> "RowResult":
        return cls(line, "applied", result, record_id)
