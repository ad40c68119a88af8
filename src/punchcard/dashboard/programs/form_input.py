"""Program and voucher template forms as the services' inputs: goal rows into ``goals``, the
code source fields into ``redeem_code``, a validity date into the business's end of that day."""

import re
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from starlette.datastructures import FormData

GOAL_ROWS_SPARE = 2  # empty goal rows a form offers beyond the program's goals
CODE_TYPES = ("fixed", "pattern", "generated", "pool")
FORMATS = ("text", "qr", "barcode")
GOAL_FIELD = re.compile(r"goal_(?:stamps|reward|title)_(\d{1,4})")


def _text(form: FormData, name: str) -> str:
    return str(form.get(name, "")).strip()


def goal_rows(form: FormData) -> list[dict[str, str]]:
    """Every goal row as typed (to show again), in the form's order, blank rows left out. The
    rows are the ones the form posted (a count the browser sends could ask for billions)."""
    rows = []
    posted = (GOAL_FIELD.fullmatch(name) for name in form)
    for index in sorted({int(found[1]) for found in posted if found}):
        row = {
            field: _text(form, f"goal_{field}_{index}") for field in ("stamps", "reward", "title")
        }
        if any(row.values()):
            rows.append(row)
    return rows


def goals_of(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Rows as ``GoalIn`` values: a reward is ``template:<id>`` or ``lottery:<id>``."""
    goals = []
    for row in rows:
        kind, _, ref = row["reward"].partition(":")
        goal: dict[str, Any] = {"stamps": row["stamps"] or None, "title": row["title"] or None}
        goal["lottery_id" if kind == "lottery" else "template_id"] = ref or None
        goals.append(goal)
    return goals


def program_values(form: FormData) -> dict[str, Any]:
    return {
        "name": _text(form, "name"),
        "after_last_goal": _text(form, "after_last_goal") or "restart",
        "card_validity_days": _text(form, "card_validity_days"),
        "goals": goals_of(goal_rows(form)),
    }


def _end_of(day: str, zone: ZoneInfo) -> datetime | str:
    try:
        return datetime.combine(date.fromisoformat(day), time(23, 59, 59), zone)
    except ValueError:
        return day  # the schema names it invalid


def template_values(form: FormData, zone: ZoneInfo) -> dict[str, Any]:
    """The template's fields; blank optional fields stay blank (the caller decides whether
    blank clears them)."""
    kind = _text(form, "code_type")
    source: dict[str, Any] = {"type": kind}
    if kind == "fixed":
        source["value"] = _text(form, "fixed_value")
    elif kind == "pattern":
        source["pattern"] = _text(form, "pattern")
    elif kind == "generated":
        source |= {f: _text(form, f) for f in ("prefix", "length", "postfix")}
    elif kind == "pool":
        source["low_stock_below"] = _text(form, "low_stock_below")
    if kind in ("pattern", "generated"):
        source["charset"] = _text(form, "charset")
    valid_until = _text(form, "valid_until")
    return {
        "title": _text(form, "title"),
        "description": _text(form, "description"),
        "redeem_code": {key: value for key, value in source.items() if value != ""},
        "formats": [str(value) for value in form.getlist("formats")],
        "validity_days": _text(form, "validity_days"),
        "valid_until": _end_of(valid_until, zone) if valid_until else "",
    }
