"""Posted forms into the services' typed inputs: a field's error becomes a catalogue key shown
at the field (``error_required`` or ``error_invalid``), the form is shown again as typed."""

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from punchcard.kit.errors import ProblemError
from punchcard.kit.schemas import FROM_TEXT

M = TypeVar("M", bound=BaseModel)
EMPTY_MEANS_MISSING = ("missing", "string_too_short")


def parse(
    model: type[M], values: Mapping[str, Any], *, paths: bool = False
) -> tuple[M | None, dict[str, str]]:
    """``values`` as ``model`` (blank fields left out), or the error key of each bad field:
    its top-level name, or with ``paths`` its dotted path (``voucher.valid_days``)."""
    given = {name: value for name, value in values.items() if value not in ("", None)}
    try:
        return model.model_validate(given, context={FROM_TEXT: True}), {}
    except ValidationError as error:
        return None, {
            _where(problem["loc"], paths): (
                "error_required" if _missing(problem) else "error_invalid"
            )
            for problem in error.errors()
        }


def small_number(text: str) -> int | None:
    """Up to nine ASCII digits as a number, else None: ``str.isdigit`` also passes "²", which
    ``int`` refuses, and ``int`` refuses more than 4,300 digits (a 500 either way)."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None


def refusal(error: ProblemError) -> dict[str, str]:
    """A service's refusal at the field it names (``field``, or the first of ``errors`` as the
    API words it: ``body.key``), else at the form as a whole, in the service's words."""
    field = error.extra.get("field")
    listed = error.extra.get("errors")
    if field is None and listed:
        field = str(listed[0].get("field", "")).removeprefix("body.") or None
    return {str(field or "form"): error.detail}


def _missing(problem: ErrorDetails) -> bool:
    """Left out, or left blank where a value is needed (a nested form field posts "")."""
    return problem["type"] in EMPTY_MEANS_MISSING or problem.get("input") == ""


def _where(loc: tuple[int | str, ...], paths: bool) -> str:
    if not loc:
        return "form"
    return ".".join(str(part) for part in loc) if paths else str(loc[0])
