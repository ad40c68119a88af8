"""Campaign and message template forms as the services' inputs: the audience's filters (typed
as numbers, dates and yes/no, as the schema takes them strictly) and a single-language body."""

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from starlette.datastructures import FormData

from punchcard.dashboard.forms import small_number

AUDIENCE_FIELDS = (
    "program_id",
    "stamps_min",
    "stamps_max",
    "last_stamp_before",
    "last_stamp_after",
    "birthday_month",
    "has_unredeemed_voucher",
)
CAMPAIGN_FIELDS = ("name", "channel", "template_id", "voucher_template_id", *AUDIENCE_FIELDS)
# The audience's filters the form shows; the others (languages, metadata, consent, ...) are
# set through the API and kept as they are when the form is saved.
SHOWN_FILTERS = (
    "program_id",
    "stamps",
    "last_stamp_before",
    "last_stamp_after",
    "birthday_month",
    "has_unredeemed_voucher",
)


def typed(form: FormData, names: tuple[str, ...]) -> dict[str, str]:
    return {name: str(form.get(name, "")).strip() for name in names}


def as_number(value: str) -> int | str:
    number = small_number(value)
    return value if number is None else number


def _day_start(value: str, zone: ZoneInfo) -> datetime | str:
    try:
        return datetime.combine(date.fromisoformat(value), time(0), zone)
    except ValueError:
        return value


def audience_of(values: dict[str, str], zone: ZoneInfo) -> dict[str, Any]:
    """The filters given (none: every customer); a date is the start of that local day."""
    audience: dict[str, Any] = {}
    if values["program_id"]:
        audience["program_id"] = values["program_id"]
    stamps = {
        bound: as_number(values[f"stamps_{bound}"])
        for bound in ("min", "max")
        if values[f"stamps_{bound}"]
    }
    if stamps:
        audience["stamps"] = stamps
    for name in ("last_stamp_before", "last_stamp_after"):
        if values[name]:
            audience[name] = _day_start(values[name], zone)
    if values["birthday_month"]:
        audience["birthday_month"] = as_number(values["birthday_month"])
    if values["has_unredeemed_voucher"] in ("yes", "no"):
        audience["has_unredeemed_voucher"] = values["has_unredeemed_voucher"] == "yes"
    return audience


def unshown_filters(audience: dict[str, Any]) -> dict[str, Any]:
    """The stored filters the form does not show (and so must keep)."""
    return {
        name: value
        for name, value in audience.items()
        if name not in SHOWN_FILTERS and value not in (None, [], {})
    }


def audience_values(audience: dict[str, Any], zone: ZoneInfo) -> dict[str, str]:
    """A stored audience back into the form's fields."""
    stamps = audience.get("stamps") or {}
    values = {name: "" for name in AUDIENCE_FIELDS}
    values["program_id"] = str(audience.get("program_id") or "")
    values["stamps_min"] = str(stamps.get("min", ""))
    values["stamps_max"] = str(stamps.get("max", ""))
    for name in ("last_stamp_before", "last_stamp_after"):
        if audience.get(name):
            moment = datetime.fromisoformat(str(audience[name]))
            values[name] = moment.astimezone(zone).date().isoformat()
    values["birthday_month"] = str(audience.get("birthday_month") or "")
    unredeemed = audience.get("has_unredeemed_voucher")
    values["has_unredeemed_voucher"] = "" if unredeemed is None else ("yes" if unredeemed else "no")
    return values


def campaign_input(values: dict[str, str], zone: ZoneInfo) -> dict[str, Any]:
    return {
        "name": values["name"],
        "channel": values["channel"],
        "template_id": values["template_id"],
        "voucher_template_id": values["voucher_template_id"],
        "audience": audience_of(values, zone),
    }
