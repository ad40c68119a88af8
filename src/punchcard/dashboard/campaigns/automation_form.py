"""The automation form as the API's input: a kind's own settings (others are left out, so a
form that showed every field still posts a valid body), the voucher and the message as flat
fields, and errors at those fields whatever path the schema or the service names."""

from typing import Any

from starlette.datastructures import FormData

from punchcard.automations.schemas import APPLIES, REQUIRED, SETTINGS, AutomationIn
from punchcard.dashboard.campaigns.form_input import as_number, typed
from punchcard.dashboard.forms import parse

VOUCHER = {"template_id": "voucher_template_id", "valid_days": "voucher_valid_days"}
MESSAGE = {"channel": "message_channel", "template_id": "message_template_id"}
FIELDS = (
    "name",
    "kind",
    *SETTINGS,
    "program_id",
    *VOUCHER.values(),
    *MESSAGE.values(),
    "message_transactional",
    "enabled",
)
NUMBERS = ("days", "days_before", "hour")
# An error's path (pydantic's loc or the service's body.field) to the form field showing it.
AT_FIELD = {
    "voucher": "voucher_template_id",
    **{f"voucher.{key}": name for key, name in VOUCHER.items()},
    "message": "message_template_id",
    **{f"message.{key}": name for key, name in MESSAGE.items()},
}


def posted(form: FormData) -> dict[str, str]:
    """The form's fields as typed; a checkbox is "on" or ""."""
    return typed(form, FIELDS)


def settings_of(kind: str) -> tuple[str, ...]:
    return tuple(name for name in SETTINGS if kind in APPLIES[name])


def setting_kinds(kinds: tuple[str, ...]) -> dict[str, list[str]]:
    """The settings the form shows for these kinds, each with the kinds it is for."""
    return {
        name: [kind for kind in kinds if kind in APPLIES[name]]
        for name in SETTINGS
        if any(kind in APPLIES[name] for kind in kinds)
    }


def automation_input(values: dict[str, str]) -> dict[str, Any]:
    """The API's body (blank fields are left out: the kind's default, or none)."""
    given: dict[str, Any] = {"name": values["name"], "kind": values["kind"]}
    for name in settings_of(values["kind"]):
        given[name] = as_number(values[name]) if name in NUMBERS else values[name]
    given["program_id"] = values["program_id"]
    given["enabled"] = values["enabled"] == "on"
    if values["voucher_template_id"]:
        given["voucher"] = {
            "template_id": values["voucher_template_id"],
            "valid_days": as_number(values["voucher_valid_days"]) or None,
        }
    if values["message_template_id"]:
        given["message"] = {
            "channel": values["message_channel"],
            "template_id": values["message_template_id"],
            "transactional": values["message_transactional"] == "on",
        }
    return given


def parsed(values: dict[str, str]) -> tuple[AutomationIn | None, dict[str, str]]:
    """The form as the API's input, or its errors by path: a kind's required setting left
    blank is one to fill in (the schema's error says only that the kind needs it)."""
    data, errors = parse(AutomationIn, automation_input(values), paths=True)
    kind = values["kind"]
    for name in settings_of(kind):
        if data is None and (kind, name) in REQUIRED and not values[name]:
            errors[name] = "error_required"
    return data, errors


def values_of(fields: dict[str, Any]) -> dict[str, str]:
    """A stored automation (``service.fields_of``) as the form's fields."""
    voucher, message = fields["voucher"] or {}, fields["message"] or {}
    values = {name: "" if fields[name] is None else str(fields[name]) for name in SETTINGS}
    return values | {
        "name": fields["name"],
        "kind": fields["kind"],
        "program_id": fields["program_id"] or "",
        **{name: str(voucher.get(key) or "") for key, name in VOUCHER.items()},
        **{name: str(message.get(key) or "") for key, name in MESSAGE.items()},
        "message_transactional": "on" if message.get("transactional") else "",
        "enabled": "on" if fields["enabled"] else "",
    }


def at_form_fields(errors: dict[str, str]) -> dict[str, str]:
    """Each error at the field showing it (unknown paths above the form); the service names
    the API's ``body.voucher.template_id``."""
    shown: dict[str, str] = {}
    for path, text in errors.items():
        name = AT_FIELD.get(path.removeprefix("body."), path.removeprefix("body."))
        shown.setdefault(name if name in FIELDS else "form", text)
    return shown
