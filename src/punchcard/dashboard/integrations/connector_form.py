"""The POS connector form as the API's body: the stamp rule and a Poster or Syrve till's keys
are fields named by their path (``stamp_rule.amount``, ``poster.access_token``), so an error's
path is the field that shows it. Amounts are minor units, as the API takes them."""

from typing import Any

from starlette.datastructures import FormData

from punchcard.pos.models import PosConnector

RULE_FIELDS = {"receipt": ("stamps", "minimum"), "amount": ("amount", "minimum", "max_stamps")}
TILL_FIELDS = {
    "poster": ("application_secret", "access_token", "base_url"),
    "syrve": ("api_login", "organization_id", "base_url"),
}
SECRETS = {"poster.application_secret", "poster.access_token", "syrve.api_login"}
FIELDS = (
    "type",
    "name",
    "program_id",
    "location_id",
    "currency",
    "enabled",
    "stamp_rule.per",
    *sorted({f"stamp_rule.{name}" for names in RULE_FIELDS.values() for name in names}),
    *(f"{till}.{name}" for till, names in TILL_FIELDS.items() for name in names),
)
CLEARABLE = ("location_id", "currency")  # blank on a change: every location, any currency


def posted(form: FormData) -> dict[str, str]:
    return {name: str(form.get(name, "")).strip() for name in FIELDS}


def connector_input(values: dict[str, str], till: str) -> dict[str, Any]:
    """The body for a till of type ``till``: its kind's rule fields and its own keys only."""
    per = values["stamp_rule.per"]
    rule = {"per": per} | {name: values[f"stamp_rule.{name}"] for name in RULE_FIELDS.get(per, ())}
    given: dict[str, Any] = {
        "name": values["name"],
        "program_id": values["program_id"],
        "location_id": values["location_id"],
        "currency": values["currency"],
        "enabled": values["enabled"] == "on",
        "stamp_rule": rule,
    }
    if till in TILL_FIELDS:
        given[till] = {name: values[f"{till}.{name}"] for name in TILL_FIELDS[till]}
    return given


def values_of(connector: PosConnector) -> dict[str, str]:
    """A stored connector as the form's fields (its secrets never: blank keeps them)."""
    values = {name: "" for name in FIELDS} | {
        "type": connector.type,
        "name": connector.name,
        "program_id": connector.program_id,
        "location_id": connector.location_id or "",
        "currency": connector.currency or "",
        "enabled": "on" if connector.enabled else "",
    }
    for name, value in connector.stamp_rule.items():
        values[f"stamp_rule.{name}"] = "" if value is None else str(value)
    for name, value in connector.settings.items():
        if f"{connector.type}.{name}" in FIELDS:
            values[f"{connector.type}.{name}"] = str(value)
    return values


def at_form_fields(errors: dict[str, str]) -> dict[str, str]:
    """Errors at their fields: a rule's path names its kind (``stamp_rule.amount.minimum``),
    the service's the API's body (``body.poster.base_url``); others above the form."""
    shown: dict[str, str] = {}
    for path, text in errors.items():
        parts = path.removeprefix("body.").split(".")
        if parts[0] == "stamp_rule" and len(parts) == 3:
            del parts[1]
        name = "stamp_rule.per" if parts == ["stamp_rule"] else ".".join(parts)
        shown.setdefault(name if name in FIELDS else "form", text)
    return shown
