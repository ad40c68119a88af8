"""/v1/automations: made, read, changed, switched and deleted by owners and managers for the
whole business; read by staff bound to a location; bad input refused naming the field, with
nothing saved."""

from typing import Any

import pytest

from tests.automations.conftest import automation
from tests.channels.conftest import email_settings, set_up
from tests.conftest import Tenant
from tests.support.factories import coffee_program, ok, problem, staff_key, template
from tests.support.smtp_server import SmtpServer

EMAIL = {"subject": "Happy birthday", "text": "A gift: {{ voucher_code }}"}


async def _message_template(tenant: Tenant, channel: str = "email") -> dict[str, Any]:
    parts = EMAIL if channel == "email" else {"text": EMAIL["text"]}
    body = {"name": channel, "channel": channel, "bodies": {"en": parts}}
    return ok(await tenant.client.post("/v1/message-templates", json=body), 201)  # type: ignore[no-any-return]


async def test_an_automation_is_made_read_listed_changed_and_deleted(
    tenant: Tenant,
    mail: SmtpServer,
) -> None:
    api = tenant.client
    await set_up(api, "email", email_settings(mail))
    program = await coffee_program(api)
    gift = await template(api, title="Birthday cake")
    message = await _message_template(tenant)
    made = await automation(
        api,
        name="Happy birthday",
        kind="birthday",
        days_before=3,
        program_id=program["id"],
        audience={"languages": ["en"]},
        voucher={"template_id": gift["id"], "valid_days": 14},
        message={"channel": "email", "template_id": message["id"]},
    )
    moving = {"id": None, "started_at": None, "scanned_until": None, "next_scan_at": None}
    assert made | moving == {
        "id": None,
        "name": "Happy birthday",
        "kind": "birthday",
        "enabled": True,
        "days": None,
        "days_before": 3,
        "hour": 9,
        "reminder": None,
        "program_id": program["id"],
        "audience": {"languages": ["en"]},
        "voucher": {"template_id": gift["id"], "valid_days": 14},
        "message": {"channel": "email", "template_id": message["id"], "transactional": False},
        "started_at": None,
        "scanned_until": None,
        "next_scan_at": None,
        "created_at": made["created_at"],
        "updated_at": made["updated_at"],
    }
    assert made["id"].startswith("aut_")
    assert made["next_scan_at"].endswith(":00:00Z")  # 09:00 in UTC, the business's zone
    assert ok(await api.get(f"/v1/automations/{made['id']}")) == made
    assert [a["id"] for a in ok(await api.get("/v1/automations"))["data"]] == [made["id"]]
    assert ok(await api.get("/v1/automations", params={"kind": "welcome"}))["data"] == []

    changed = ok(
        await api.patch(
            f"/v1/automations/{made['id']}",
            json={"hour": 10, "voucher": None, "audience": None, "name": "Birthday"},
        )
    )
    assert (changed["hour"], changed["voucher"], changed["audience"]) == (10, None, {})
    assert changed["days_before"] == 3
    assert changed["next_scan_at"] != made["next_scan_at"]
    # The template is in use: it cannot be deleted while the automation exists.
    problem(await api.delete(f"/v1/message-templates/{message['id']}"), 409, "template_in_use")

    ok(await api.delete(f"/v1/automations/{made['id']}"), 204)
    problem(await api.get(f"/v1/automations/{made['id']}"), 404, "automation_not_found")
    ok(await api.delete(f"/v1/message-templates/{message['id']}"), 204)


async def test_disabling_stops_scans_and_enabling_starts_from_now(tenant: Tenant) -> None:
    api = tenant.client
    made = await automation(api, kind="inactivity", days=30)
    off = ok(await api.post(f"/v1/automations/{made['id']}/disable"))
    assert (off["enabled"], off["next_scan_at"]) == (False, None)
    assert ok(await api.post(f"/v1/automations/{made['id']}/disable")) == off  # a repeat
    on = ok(await api.post(f"/v1/automations/{made['id']}/enable"))
    assert on["enabled"] is True
    assert on["started_at"] == on["scanned_until"] > made["scanned_until"]
    assert on["next_scan_at"] is not None
    kept_off = await automation(api, kind="welcome", enabled=False)
    assert kept_off["next_scan_at"] is None


async def test_staff_bound_to_a_location_read_automations_but_change_nothing(
    tenant: Tenant,
) -> None:
    api = tenant.client
    made = await automation(api, kind="inactivity", days=30)
    _, key = await staff_key(api, "manager", tenant.location_id)
    local = await tenant.client_for(key)
    ok(await local.get("/v1/automations"))
    ok(await local.get(f"/v1/automations/{made['id']}"))
    ok(await local.get(f"/v1/automations/{made['id']}/runs"))
    ok(await local.post(f"/v1/automations/{made['id']}/dry-run"))
    refusals = [
        local.post("/v1/automations", json={"name": "Mine", "kind": "welcome"}),
        local.patch(f"/v1/automations/{made['id']}", json={"days": 10}),
        local.post(f"/v1/automations/{made['id']}/disable"),
        local.post(f"/v1/automations/{made['id']}/enable"),
        local.delete(f"/v1/automations/{made['id']}"),
    ]
    for refused in refusals:
        problem(await refused, 403, "location_forbidden")
    assert ok(await api.get(f"/v1/automations/{made['id']}")) == made


async def test_a_scanner_may_not_see_automations(tenant: Tenant) -> None:
    made = await automation(tenant.client, kind="welcome")
    _, key = await staff_key(tenant.client, "scanner")
    scanner = await tenant.client_for(key)
    problem(await scanner.get("/v1/automations"), 403, "insufficient_role")
    problem(await scanner.get(f"/v1/automations/{made['id']}/runs"), 403, "insufficient_role")


async def test_another_business_automation_is_unknown(tenant: Tenant, stranger: Tenant) -> None:
    foreign = await automation(stranger.client, kind="welcome")
    for ref in (foreign["id"], "aut_nope"):
        path = f"/v1/automations/{ref}"
        problem(await tenant.client.get(path), 404, "automation_not_found")
        problem(await tenant.client.patch(path, json={"name": "x"}), 404, "automation_not_found")
        problem(await tenant.client.post(f"{path}/enable"), 404, "automation_not_found")
        problem(await tenant.client.post(f"{path}/dry-run"), 404, "automation_not_found")
        problem(await tenant.client.get(f"{path}/runs"), 404, "automation_not_found")
        problem(await tenant.client.delete(path), 404, "automation_not_found")
    refused = problem(await tenant.client.get("/v1/automations/aut%00x"), 422, "validation_error")
    assert refused["errors"][0]["field"] == "path.automation_id"
    refused = problem(
        await tenant.client.get(f"/v1/automations/{foreign['id']}/runs?customer_id=cus_%00"),
        422,
        "validation_error",
    )
    assert refused["errors"][0]["field"] == "query.customer_id"


DROP = object()  # the key is left out of the body
# name: (fields over {"name": "Rule", "kind": "birthday"}, the field named, the code)
BAD_AUTOMATIONS: dict[str, tuple[dict[str, Any], str, str | None]] = {
    "unknown kind": ({"kind": "anniversary"}, "body.kind", None),
    "kind null": ({"kind": None}, "body.kind", None),
    "kind missing": ({"kind": DROP}, "body.kind", None),
    "kind a number": ({"kind": 1}, "body.kind", None),
    "name null": ({"name": None}, "body.name", None),
    "name missing": ({"name": DROP}, "body.name", None),
    "name a number": ({"name": 5}, "body.name", None),
    "name with a NUL byte": ({"name": "Birth\x00day"}, "body.name", None),
    "name too long": ({"name": "x" * 201}, "body.name", None),
    "negative days": ({"kind": "inactivity", "days": -1}, "body.days", None),
    "zero days": ({"kind": "inactivity", "days": 0}, "body.days", None),
    "days missing": ({"kind": "inactivity"}, "body.days", None),
    "days null": ({"kind": "inactivity", "days": None}, "body.days", None),
    "days a string": ({"kind": "inactivity", "days": "30"}, "body.days", None),
    "days a float": ({"kind": "inactivity", "days": 30.5}, "body.days", None),
    "days overflowing": ({"kind": "inactivity", "days": 2**64}, "body.days", None),
    "days true": ({"kind": "inactivity", "days": True}, "body.days", None),
    "hour 24": ({"hour": 24}, "body.hour", None),
    "hour negative": ({"hour": -1}, "body.hour", None),
    "hour a string": ({"hour": "9"}, "body.hour", None),
    "hour on a welcome": ({"kind": "welcome", "hour": 9}, "body.hour", None),
    "days_before on inactivity": (
        {"kind": "inactivity", "days": 30, "days_before": 3},
        "body.days_before",
        None,
    ),
    "days_before above 60": ({"days_before": 61}, "body.days_before", None),
    "days_before negative": ({"days_before": -2}, "body.days_before", None),
    "days on a birthday": ({"days": 3}, "body.days", None),
    "reminder missing": ({"kind": "reward_reminder", "days": 3}, "body.reminder", None),
    "unknown reminder": (
        {"kind": "reward_reminder", "days": 3, "reminder": "soon"},
        "body.reminder",
        None,
    ),
    "reminder on a birthday": ({"reminder": "expiring"}, "body.reminder", None),
    "a voucher on a reminder": (
        {
            "kind": "reward_reminder",
            "days": 3,
            "reminder": "expiring",
            "voucher": {"template_id": "GIFT"},
        },
        "body.voucher",
        None,
    ),
    "enabled a string": ({"enabled": "yes"}, "body.enabled", None),
    "unknown field": ({"colour": "red"}, "body.colour", None),
    "program id with a NUL byte": ({"program_id": "prg_\x00"}, "body.program_id", None),
    "unknown program": ({"program_id": "prg_nope"}, "body.program_id", "program_not_found"),
    "another business's program": (
        {"program_id": "FOREIGN_PROGRAM"},
        "body.program_id",
        "program_not_found",
    ),
    "voucher template null": ({"voucher": {"template_id": None}}, "body.voucher.template_id", None),
    "voucher valid for -3 days": (
        {"voucher": {"template_id": "GIFT", "valid_days": -3}},
        "body.voucher.valid_days",
        None,
    ),
    "voucher valid for too long": (
        {"voucher": {"template_id": "GIFT", "valid_days": 10**9}},
        "body.voucher.valid_days",
        None,
    ),
    "another business's voucher template": (
        {"voucher": {"template_id": "FOREIGN_GIFT"}},
        "body.voucher.template_id",
        "voucher_template_not_found",
    ),
    "an archived voucher template": (
        {"voucher": {"template_id": "ARCHIVED"}},
        "body.voucher.template_id",
        "template_archived",
    ),
    "a template for another channel": (
        {"message": {"channel": "email", "template_id": "TELEGRAM_TEMPLATE"}},
        "body.message.template_id",
        "template_channel_mismatch",
    ),
    "another business's message template": (
        {"message": {"channel": "email", "template_id": "FOREIGN_TEMPLATE"}},
        "body.message.template_id",
        "message_template_not_found",
    ),
    "a channel not set up": (
        {"message": {"channel": "telegram", "template_id": "TELEGRAM_TEMPLATE"}},
        "body.message.channel",
        "channel_not_configured",
    ),
    "unknown channel": (
        {"message": {"channel": "fax", "template_id": "TELEGRAM_TEMPLATE"}},
        "body.message.channel",
        None,
    ),
    "transactional a string": (
        {"message": {"channel": "email", "template_id": "X", "transactional": "true"}},
        "body.message.transactional",
        None,
    ),
    "message template id with a NUL byte": (
        {"message": {"channel": "email", "template_id": "mtp_\x00"}},
        "body.message.template_id",
        None,
    ),
    "unknown audience filter": ({"audience": {"colour": "red"}}, "body.audience.colour", None),
    "audience of another business's program": (
        {"audience": {"program_id": "FOREIGN_PROGRAM"}},
        "body.audience.program_id",
        "program_not_found",
    ),
    "audience program with a NUL byte": (
        {"audience": {"program_id": "prg_\x00"}},
        "body.audience.program_id",
        None,
    ),
}


async def _refs(tenant: Tenant, stranger: Tenant) -> dict[str, str]:
    gift = await template(tenant.client)
    archived = await template(tenant.client, title="Old gift")
    ok(await tenant.client.delete(f"/v1/voucher-templates/{archived['id']}"), 204)
    return {
        "GIFT": gift["id"],
        "ARCHIVED": archived["id"],
        "FOREIGN_GIFT": (await template(stranger.client))["id"],
        "FOREIGN_PROGRAM": (await coffee_program(stranger.client))["id"],
        "TELEGRAM_TEMPLATE": (await _message_template(tenant, "telegram"))["id"],
        "FOREIGN_TEMPLATE": (await _message_template(stranger))["id"],
    }


def _resolved(value: Any, refs: dict[str, str]) -> Any:
    if isinstance(value, dict):
        return {k: _resolved(v, refs) for k, v in value.items() if v is not DROP}
    return refs.get(value, value) if isinstance(value, str) else value


@pytest.mark.parametrize("case", BAD_AUTOMATIONS, ids=list(BAD_AUTOMATIONS))
async def test_bad_automations_are_refused_naming_the_field_and_nothing_is_saved(
    tenant: Tenant, stranger: Tenant, case: str
) -> None:
    api = tenant.client
    fields, field, code = BAD_AUTOMATIONS[case]
    body = _resolved({"name": "Rule", "kind": "birthday", **fields}, await _refs(tenant, stranger))

    refused = problem(await api.post("/v1/automations", json=body), 422, code or "validation_error")

    assert field in [error["field"] for error in refused["errors"]], refused
    assert ok(await api.get("/v1/automations"))["data"] == []


BAD_CHANGES: dict[str, tuple[dict[str, Any], str]] = {
    "days_before on inactivity": ({"days_before": 3}, "body.days_before"),
    "the kind": ({"kind": "welcome"}, "body.kind"),
    "days null": ({"days": None}, "body.days"),
    "negative days": ({"days": -5}, "body.days"),
    "name null": ({"name": None}, "body.name"),
    "hour 99": ({"hour": 99}, "body.hour"),
    "a voucher of another business": (
        {"voucher": {"template_id": "FOREIGN_GIFT"}},
        "body.voucher.template_id",
    ),
}


@pytest.mark.parametrize("case", BAD_CHANGES, ids=list(BAD_CHANGES))
async def test_bad_changes_are_refused_and_change_nothing(
    tenant: Tenant, stranger: Tenant, case: str
) -> None:
    api = tenant.client
    made = await automation(api, kind="inactivity", days=30)
    fields, field = BAD_CHANGES[case]
    body = _resolved(fields, {"FOREIGN_GIFT": (await template(stranger.client))["id"]})

    refused = await api.patch(f"/v1/automations/{made['id']}", json=body)

    assert refused.status_code == 422, refused.text
    assert field in [error["field"] for error in refused.json()["errors"]], refused.text
    assert ok(await api.get(f"/v1/automations/{made['id']}")) == made


async def test_a_body_that_is_not_an_object_is_refused(tenant: Tenant) -> None:
    for body in ([], "birthday", None, 7):
        refused = problem(
            await tenant.client.post("/v1/automations", json=body), 422, "validation_error"
        )
        assert refused["errors"][0]["field"] == "body"
