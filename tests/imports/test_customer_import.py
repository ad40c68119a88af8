"""Importing customers from CSV: dry run, run, progress and the per-row report."""

import uuid
from datetime import timedelta

from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.imports.tasks import ImportRunner
from punchcard.jobs.retention import Retention
from punchcard.kit.clock import utcnow
from tests.conftest import Tenant
from tests.support.factories import ok, problem
from tests.support.imports import imported, report

CUSTOMERS = """source_id,email,name,phone,birthday,marketing_consent,metadata.tier
crm-1,ada@example.com,Ada,,1990-05-17,yes,gold
crm-2,bo@example.com,Bo,+4915112345678,,no,
crm-3,not-an-email,Cy,,,,
crm-4,di@example.com,"Di, the second",,2999-01-01,,
crm-5,ed@example.com,Ed,,,,silver
"""


async def _customer(tenant: Tenant, source_id: str) -> dict:  # type: ignore[type-arg]
    found = ok(await tenant.client.get("/v1/customers", params={"source_id": source_id}))
    return found["data"][0] if found["data"] else {}


async def test_a_dry_run_reports_each_bad_row_by_line_and_writes_nothing(
    tenant: Tenant, runner: ImportRunner
) -> None:
    job = await imported(tenant.client, runner, CUSTOMERS, dry_run=True)
    assert job["status"] == "checked"
    assert (job["total"], job["processed"], job["created"], job["failed"]) == (5, 5, 3, 2)
    assert [(e["line"], e["errors"][0]["field"]) for e in job["errors"]] == [
        (4, "email"),
        (5, "birthday"),
    ]
    assert await _customer(tenant, "crm-1") == {}


async def test_an_import_applies_the_good_rows_whatever_the_bad_ones(
    tenant: Tenant, runner: ImportRunner
) -> None:
    job = await imported(tenant.client, runner, CUSTOMERS)
    assert job["status"] == "completed"
    assert (job["created"], job["failed"], job["skipped"]) == (3, 2, 0)
    ada = await _customer(tenant, "crm-1")
    assert (ada["email"], ada["birthday"], ada["marketing_consent"]) == (
        "ada@example.com",
        "1990-05-17",
        True,
    )
    assert ada["metadata"] == {"tier": "gold"}
    assert (await _customer(tenant, "crm-2"))["phone"] == "+4915112345678"
    rows = await report(tenant.client, job["id"])
    assert [(r["line"], r["status"], r["result"]) for r in rows] == [
        (2, "applied", "created"),
        (3, "applied", "created"),
        (4, "failed", None),
        (5, "failed", None),
        (6, "applied", "created"),
    ]
    assert rows[0]["id"] == ada["id"]


async def test_the_same_file_again_changes_nothing(tenant: Tenant, runner: ImportRunner) -> None:
    await imported(tenant.client, runner, CUSTOMERS)
    again = await imported(tenant.client, runner, CUSTOMERS)
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 3)
    events = ok(await tenant.client.get("/v1/events", params={"type": "customer_updated"}))
    assert events["data"] == []


async def test_a_changed_row_updates_its_customer(tenant: Tenant, runner: ImportRunner) -> None:
    await imported(tenant.client, runner, CUSTOMERS)
    job = await imported(tenant.client, runner, "source_id,name\ncrm-1,Ada L.\ncrm-9,New\n")
    assert (job["updated"], job["created"]) == (1, 1)
    assert (await _customer(tenant, "crm-1"))["name"] == "Ada L."


async def test_a_checked_dry_run_can_be_applied(tenant: Tenant, runner: ImportRunner) -> None:
    checked = await imported(tenant.client, runner, CUSTOMERS, dry_run=True)
    started = ok(await tenant.client.post(f"/v1/imports/{checked['id']}/run"), 202)
    assert (started["status"], started["dry_run"], started["processed"]) == ("queued", False, 0)
    await runner.drain()
    done = ok(await tenant.client.get(f"/v1/imports/{checked['id']}"))
    assert (done["status"], done["created"], done["failed"]) == ("completed", 3, 2)
    assert (await _customer(tenant, "crm-5"))["metadata"] == {"tier": "silver"}
    again = await tenant.client.post(f"/v1/imports/{checked['id']}/run")
    problem(again, 409, "import_not_checked")


async def test_on_error_abort_stops_at_the_first_bad_row(
    tenant: Tenant, runner: ImportRunner
) -> None:
    job = await imported(tenant.client, runner, CUSTOMERS, on_error="abort")
    assert job["status"] == "aborted"
    assert (job["created"], job["failed"], job["skipped"], job["processed"]) == (2, 1, 2, 5)
    rows = await report(tenant.client, job["id"])
    assert [r["status"] for r in rows] == ["applied", "applied", "failed", "skipped", "skipped"]
    assert await _customer(tenant, "crm-5") == {}


async def test_a_duplicate_in_the_file_is_reported_on_its_later_line(
    tenant: Tenant, runner: ImportRunner
) -> None:
    text = "source_id,email\nd-1,a@example.com\nd-2,b@example.com\nd-3,c@example.com\n"
    text += "d-1,x@example.com\nd-5,B@example.com\n"  # after a batch boundary (3 rows)
    job = await imported(tenant.client, runner, text)
    failed = await report(tenant.client, job["id"], status="failed")
    assert [(r["line"], r["errors"][0]["code"], r["errors"][0]["message"]) for r in failed] == [
        (5, "duplicate_in_file", "The same source_id as line 2 of the file."),
        (6, "duplicate_in_file", "The same email as line 3 of the file."),
    ]
    assert (await _customer(tenant, "d-1"))["email"] == "a@example.com"


async def test_two_lines_naming_one_customer_by_different_keys_are_refused(
    tenant: Tenant, runner: ImportRunner
) -> None:
    both = {"email": "k@example.com", "phone": "+4915112345678"}
    ok(await tenant.client.post("/v1/customers", json=both), 201)
    text = "email,phone\nk@example.com,\n,+4915112345678\n"
    job = await imported(tenant.client, runner, text)
    (failed,) = await report(tenant.client, job["id"], status="failed")
    assert failed["line"] == 3
    assert failed["errors"][0]["message"] == "Names the same customer as line 2 of the file."


async def test_a_conflict_with_another_customer_is_a_row_error(
    tenant: Tenant, runner: ImportRunner
) -> None:
    body = {"source_id": "crm-x", "email": "taken@example.com"}
    owner = ok(await tenant.client.post("/v1/customers", json=body), 201)
    job = await imported(tenant.client, runner, "source_id,email\ncrm-y,taken@example.com\n")
    (row,) = await report(tenant.client, job["id"])
    assert row["errors"] == [
        {
            "field": "email",
            "code": "customer_conflict",
            "message": f"The email belongs to customer '{owner['id']}' with another source_id.",
        }
    ]


async def test_separator_bom_quotes_and_header_synonyms_are_understood(
    tenant: Tenant, runner: ImportRunner
) -> None:
    text = "\ufeffCustomer ID;E-Mail;Full Name;Mobile;Notes\n"
    text += 'crm-s1;s1@example.com;"Smith; Jo";+4915112345679;"line one\nline two"\n'
    text += "crm-s2;s2@example.com;Ann;;\n"
    job = await imported(tenant.client, runner, text.encode("utf-8"))
    assert job["separator"] == ";"
    assert job["columns"] == {
        "Customer ID": "source_id",
        "E-Mail": "email",
        "Full Name": "name",
        "Mobile": "phone",
    }
    assert job["ignored_columns"] == ["Notes"]
    assert (job["created"], job["failed"]) == (2, 0)
    assert (await _customer(tenant, "crm-s1"))["name"] == "Smith; Jo"
    rows = await report(tenant.client, job["id"])
    assert [r["line"] for r in rows] == [2, 4]  # the quoted note spans lines 2 and 3


async def test_an_explicit_mapping_wins_over_header_names(
    tenant: Tenant, runner: ImportRunner
) -> None:
    text = "Kundennummer,Mail,Name\nk-1,k1@example.com,Kai\n"
    mapping = '{"Kundennummer": "source_id", "Mail": "email", "Name": null}'
    job = await imported(tenant.client, runner, text, mapping=mapping)
    assert job["columns"] == {"Kundennummer": "source_id", "Mail": "email"}
    customer = await _customer(tenant, "k-1")
    assert (customer["email"], customer["name"]) == ("k1@example.com", None)


async def test_rows_refused_when_read_are_reported_too(
    tenant: Tenant, runner: ImportRunner
) -> None:
    text = "source_id,name\nok-1,Ann\nnul-1,A\x00B\nextra-1,Bo,surplus\nok-2,Cy\n"
    job = await imported(tenant.client, runner, text)
    failed = await report(tenant.client, job["id"], status="failed")
    assert [(r["line"], r["errors"][0]["code"]) for r in failed] == [
        (3, "invalid_character"),
        (4, "csv_extra_cells"),
    ]
    assert job["created"] == 2


async def test_the_report_pages_in_line_order(tenant: Tenant, runner: ImportRunner) -> None:
    text = "source_id\n" + "".join(f"p-{i}\n" for i in range(7))
    job = await imported(tenant.client, runner, text)
    first = ok(await tenant.client.get(f"/v1/imports/{job['id']}/rows", params={"limit": 4}))
    rest = ok(
        await tenant.client.get(
            f"/v1/imports/{job['id']}/rows", params={"limit": 4, "cursor": first["next_cursor"]}
        )
    )
    assert [r["line"] for r in first["data"] + rest["data"]] == list(range(2, 9))
    assert rest["next_cursor"] is None
    listed = ok(await tenant.client.get("/v1/imports"))["data"]
    assert listed[0]["id"] == job["id"]


async def test_a_multipart_upload_takes_its_options_as_form_fields(
    tenant: Tenant, runner: ImportRunner
) -> None:
    files = {"file": ("crm.csv", b"source_id\nm-1\n", "text/csv")}
    data = {"dry_run": "true", "on_error": "abort"}
    job = ok(await tenant.client.post("/v1/imports", files=files, data=data), 202)
    assert (job["filename"], job["dry_run"], job["on_error"]) == ("crm.csv", True, "abort")
    await runner.drain()
    assert ok(await tenant.client.get(f"/v1/imports/{job['id']}"))["status"] == "checked"


async def test_finished_imports_are_forgotten_after_the_retention(
    tenant: Tenant, runner: ImportRunner, db: Database
) -> None:
    job = await imported(tenant.client, runner, "source_id\nr-1\n")
    await Retention(db, Settings(), job=f"test-{uuid.uuid4()}").run_due(utcnow())
    ok(await tenant.client.get(f"/v1/imports/{job['id']}"))
    later = utcnow() + timedelta(days=31)
    pruned = await Retention(db, Settings(), job=f"test-{uuid.uuid4()}").run_due(later)
    assert pruned["imports"] >= 1
    problem(await tenant.client.get(f"/v1/imports/{job['id']}"), 404, "import_not_found")
    assert (await _customer(tenant, "r-1"))["source_id"] == "r-1"  # what it did stays
