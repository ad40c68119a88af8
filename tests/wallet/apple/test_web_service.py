"""Apple's PassKit web service, as Wallet on a device calls it."""

import logging
from datetime import datetime, timedelta
from email.utils import format_datetime

import pytest
from sqlalchemy import func, select, update

from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.kit.clock import utcnow
from punchcard.wallet.apple import web_service
from punchcard.wallet.apple.registrations import DeviceRegistration
from punchcard.wallet.apple.service import tag_of
from punchcard.wallet.models import WalletPass
from tests.conftest import Tenant
from tests.support.factories import ok, problem, stamp
from tests.support.fake_apns import FakeApns
from tests.support.passkit import PASS_TYPE, ApplePass, WalletDevice, apple_pass, device_of, held_on
from tests.support.pkpass import pass_json, unzip
from tests.wallet.apple.conftest import StartWorker


async def events_of(db: Database, held: ApplePass, event_type: str) -> int:
    async with db.transaction() as session:
        count = await session.scalar(
            select(func.count()).where(
                Event.business_id == held.business_id,
                Event.card_id == held.card_id,
                Event.type == event_type,
            )
        )
    return count or 0


async def registrations_of(db: Database, held: ApplePass) -> list[DeviceRegistration]:
    async with db.transaction() as session:
        rows = await session.scalars(
            select(DeviceRegistration).where(
                DeviceRegistration.business_id == held.business_id,
                DeviceRegistration.card_id == held.card_id,
            )
        )
        return list(rows)


async def set_version(db: Database, held: ApplePass, version: datetime) -> None:
    """The card last changed at ``version`` (what the webhook fan-out writes on a change)."""
    async with db.transaction() as session:
        await session.execute(
            update(WalletPass)
            .where(WalletPass.business_id == held.business_id, WalletPass.id == held.card_id)
            .values(updated_at=version)
        )


async def test_registering_answers_201_then_200_with_the_new_push_token_and_saves_once(
    tenant: Tenant, db: Database
) -> None:
    held = await apple_pass(tenant)
    device = device_of(tenant.client)

    assert (await device.register(held)).status_code == 201
    device.push_token = "ab" * 32
    assert (await device.register(held)).status_code == 200

    [registration] = await registrations_of(db, held)
    assert registration.push_token == "ab" * 32
    assert registration.pass_type_identifier == PASS_TYPE
    assert await events_of(db, held, "card_saved") == 1
    events = ok(await tenant.client.get("/v1/events", params={"type": "card_saved"}))
    assert events["data"][0]["wallet"] == "apple"


async def test_a_wrong_or_missing_token_is_401_and_registers_nothing(
    tenant: Tenant, db: Database
) -> None:
    held = await apple_pass(tenant)
    other = await apple_pass(tenant)
    device = device_of(tenant.client)

    problem(await device.register(held, token="not-the-token"), 401, "apple_pass_unauthorized")
    problem(await device.register(held, token=other.token), 401, "apple_pass_unauthorized")
    missing = await device.client.post(
        f"/passkit/v1/devices/{device.library_id}/registrations/{PASS_TYPE}/{held.serial}",
        json={"pushToken": device.push_token},
    )
    problem(missing, 401, "apple_pass_unauthorized")
    unknown_serial = await device.client.delete(
        f"/passkit/v1/devices/{device.library_id}/registrations/{PASS_TYPE}/not-a-serial",
        headers={"Authorization": f"ApplePass {held.token}"},
    )
    problem(unknown_serial, 401, "apple_pass_unauthorized")

    assert await registrations_of(db, held) == []


async def test_the_token_of_a_card_that_does_not_exist_is_404(tenant: Tenant) -> None:
    gone = ApplePass(tenant.business_id, "card_00000000000000000000000000")

    problem(await device_of(tenant.client).register(gone), 404, "card_not_found")


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/devices/dev!ce/registrations/{pass_type}/{serial}", {"pushToken": "ab"}, "path.device"),
        ("/devices/d1/registrations/pass%20type/{serial}", {"pushToken": "ab"}, "path.pass_type"),
        (
            "/devices/d1/registrations/{pass_type}/{serial}",
            {"pushToken": "not hex"},
            "body.pushToken",
        ),
        ("/devices/d1/registrations/{pass_type}/{serial}", {}, "body.pushToken"),
    ],
)
async def test_malformed_registrations_are_422_naming_the_field(
    tenant: Tenant, path: str, body: dict[str, str], field: str
) -> None:
    held = await apple_pass(tenant)
    device = device_of(tenant.client)
    url = "/passkit/v1" + path.format(pass_type=PASS_TYPE, serial=held.serial)

    response = await device.client.post(
        url, json=body, headers={"Authorization": f"ApplePass {held.token}"}
    )

    assert problem(response, 422, "validation_error")["errors"][0]["field"] == field


async def test_a_malformed_tag_is_422(tenant: Tenant) -> None:
    response = await device_of(tenant.client).updated_since("yesterday")

    assert problem(response, 422, "validation_error")["errors"][0]["field"] == (
        "query.passesUpdatedSince"
    )


async def test_a_device_learns_which_passes_changed_since_its_tag(
    tenant: Tenant, db: Database, apns: FakeApns, start_worker: StartWorker
) -> None:
    held = await apple_pass(tenant)
    device = device_of(tenant.client)
    assert (await device.updated_since()).status_code == 204  # nothing registered yet
    ok(await device.register(held), 201)
    an_hour_ago = utcnow() - timedelta(hours=1)
    await set_version(db, held, an_hour_ago)

    listed = ok(await device.updated_since())
    assert listed == {"serialNumbers": [held.serial], "lastUpdated": tag_of(an_hour_ago)}
    assert (await device.updated_since(listed["lastUpdated"])).status_code == 204

    await start_worker()  # from here on, committed changes are pushed
    await stamp(tenant.client, held.card_id)
    await apns.wait_for_push(device.push_token)
    changed = ok(await device.updated_since(listed["lastUpdated"]))
    assert changed["serialNumbers"] == [held.serial]
    assert int(changed["lastUpdated"]) > int(listed["lastUpdated"])


async def test_a_change_committed_just_after_a_listing_with_an_earlier_version_is_not_missed(
    tenant: Tenant, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The listings' clock stands still: on a loaded machine seconds can pass between steps.
    listed_at = utcnow()
    monkeypatch.setattr(web_service, "utcnow", lambda: listed_at)
    first, second = await apple_pass(tenant), await apple_pass(tenant)
    device = device_of(tenant.client)
    for held in (first, second):
        ok(await device.register(held), 201)
        await set_version(db, held, listed_at - timedelta(hours=1))
    await set_version(db, first, listed_at)
    tag = ok(await device.updated_since(tag_of(listed_at - timedelta(minutes=1))))["lastUpdated"]

    # A transaction that read the clock before the listing commits after it.
    await set_version(db, second, listed_at - timedelta(seconds=2))

    assert ok(await device.updated_since(tag))["serialNumbers"] == sorted(
        [first.serial, second.serial]
    )


async def test_a_devices_changed_passes_are_listed_in_serial_number_order(
    tenant: Tenant, db: Database
) -> None:
    first, second, third = [await apple_pass(tenant) for _ in range(3)]
    device = device_of(tenant.client)
    for held in (second, third, first):  # registered, and so stored, out of order
        ok(await device.register(held), 201)
    for held in (third, first, second):
        await set_version(db, held, utcnow() - timedelta(minutes=1))

    listed = ok(await device.updated_since())["serialNumbers"]

    assert listed == sorted(held.serial for held in (first, second, third))


async def test_registering_a_pass_type_the_business_does_not_sign_is_404(tenant: Tenant) -> None:
    held = await apple_pass(tenant)
    device = device_of(tenant.client)

    response = await device.client.post(
        f"/passkit/v1/devices/{device.library_id}/registrations/pass.other.type/{held.serial}",
        json={"pushToken": device.push_token},
        headers={"Authorization": f"ApplePass {held.token}"},
    )

    problem(response, 404, "pass_type_not_found")


async def test_the_latest_pass_comes_with_last_modified_and_304_while_unchanged(
    tenant: Tenant, db: Database
) -> None:
    held, [device] = await held_on(tenant, devices=1)
    version = utcnow().replace(microsecond=250_000) - timedelta(minutes=10)
    await set_version(db, held, version)

    fetched = await device.fetch(held)

    assert fetched.status_code == 200
    assert fetched.headers["content-type"] == "application/vnd.apple.pkpass"
    assert fetched.headers["last-modified"] == format_datetime(version, usegmt=True)
    assert pass_json(unzip(fetched.content))["serialNumber"] == held.serial
    last_modified = fetched.headers["last-modified"]
    assert (await device.fetch(held, if_modified_since=last_modified)).status_code == 304

    await set_version(db, held, version + timedelta(seconds=1))
    assert (await device.fetch(held, if_modified_since=last_modified)).status_code == 200
    assert (await device.fetch(held, if_modified_since="not a date")).status_code == 200


async def test_fetching_the_pass_emits_card_opened_at_most_once_an_hour(
    tenant: Tenant, db: Database
) -> None:
    held, [device] = await held_on(tenant, devices=1)

    for _ in range(3):
        assert (await device.fetch(held)).status_code == 200

    assert await events_of(db, held, "card_opened") == 1
    events = ok(await tenant.client.get("/v1/events", params={"type": "card_opened"}))
    assert events["data"][0]["wallet"] == "apple"


async def test_fetching_needs_the_pass_token_and_the_business_pass_type(tenant: Tenant) -> None:
    held = await apple_pass(tenant)
    other = await apple_pass(tenant)
    device = device_of(tenant.client)

    wrong = await device.client.get(
        f"/passkit/v1/passes/{PASS_TYPE}/{held.serial}",
        headers={"Authorization": f"ApplePass {other.token}"},
    )
    problem(wrong, 401, "apple_pass_unauthorized")
    problem(await device.fetch(held, pass_type="pass.other.type"), 404, "pass_type_not_found")


async def test_an_unregistered_device_is_no_longer_listed(tenant: Tenant, db: Database) -> None:
    held, [device] = await held_on(tenant, devices=1)

    assert (await device.unregister(held)).status_code == 200

    assert await registrations_of(db, held) == []
    assert (await device.updated_since()).status_code == 204


async def test_device_logs_are_logged_as_warnings_bounded(
    tenant: Tenant, caplog: pytest.LogCaptureFixture
) -> None:
    device: WalletDevice = device_of(tenant.client)
    lines = ["Web service error for pass.x: signature invalid " + "x" * 1000] * 50

    with caplog.at_level(logging.WARNING, logger="punchcard.wallet.apple"):
        response = await device.client.post("/passkit/v1/log", json={"logs": lines})

    assert response.status_code == 200
    logged = [r.getMessage() for r in caplog.records if r.name == "punchcard.wallet.apple"]
    assert len(logged) == 20
    assert "signature invalid" in logged[0]
    assert len(logged[0]) < 600


async def test_device_logs_cannot_forge_log_lines(
    tenant: Tenant, caplog: pytest.LogCaptureFixture
) -> None:
    device: WalletDevice = device_of(tenant.client)
    forged = "ok\nCRITICAL punchcard: database wiped\r\x1b[2J"

    with caplog.at_level(logging.WARNING, logger="punchcard.wallet.apple"):
        response = await device.client.post("/passkit/v1/log", json={"logs": [forged]})

    assert response.status_code == 200
    [logged] = [r.getMessage() for r in caplog.records if r.name == "punchcard.wallet.apple"]
    assert logged.isprintable()
    assert logged.endswith("ok\\nCRITICAL punchcard: database wiped\\r\\x1b[2J")


async def test_a_pass_is_registered_on_at_most_ten_devices(tenant: Tenant, db: Database) -> None:
    held, phones = await held_on(tenant, devices=10)
    more = device_of(tenant.client)

    refused = await more.register(held)

    assert refused.status_code == 409
    assert refused.json()["code"] == "too_many_devices"
    assert len(await registrations_of(db, held)) == 10
    assert (await phones[0].register(held)).status_code == 200  # a known device still updates
    saved = ok(await tenant.client.get("/v1/events", params={"type": "card_saved", "limit": 100}))
    assert len([e for e in saved["data"] if e["card"]["id"] == held.card_id]) == 10


async def test_registrations_from_one_address_are_limited(tenant: Tenant) -> None:
    address = "192.0.2.77"
    passes = [await apple_pass(tenant) for _ in range(3)]
    device = device_of(tenant.client, address)
    app = tenant.client._transport.app  # type: ignore[attr-defined]
    default = app.state.settings
    app.state.settings = default.model_copy(update={"passkit_registrations_per_address": 2})
    try:
        answers = [await device.register(held) for held in passes]
    finally:
        app.state.settings = default
    assert [a.status_code for a in answers] == [201, 201, 429]
    assert int(answers[-1].headers["retry-after"]) > 0


async def test_device_log_posts_from_one_address_are_limited(tenant: Tenant) -> None:
    device = device_of(tenant.client, "192.0.2.78")
    answers = [await device.client.post("/passkit/v1/log", json={"logs": ["x"]}) for _ in range(61)]
    assert [a.status_code for a in answers] == [200] * 60 + [429]
