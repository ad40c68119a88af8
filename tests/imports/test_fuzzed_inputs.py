"""Bad inputs to the import, export and bulk routes are 4xx, never a 5xx, on either database;
a bad cell fails its row, never the import."""

from typing import Any

import pytest

from punchcard.imports.tasks import ImportRunner
from tests.conftest import Tenant
from tests.support.imports import imported, report

CSV = {"content-type": "text/csv"}
REFUSED: list[tuple[str, str, dict[str, Any]]] = [
    ("post", "/v1/customers/bulk", {"json": {"customers": None}}),
    ("post", "/v1/customers/bulk", {"json": {"customers": [None, 1, "x"]}}),
    ("post", "/v1/customers/bulk", {"json": [{"source_id": "a"}]}),
    ("post", "/v1/customers/bulk", {"json": {"customers": [{"source_id": 5, "birthday": 1}]}}),
    ("post", "/v1/customers/bulk", {"json": {"customers": [{"email": "a@example.com"}] * 2}}),
    ("get", "/v1/exports/customers.csv", {"params": {"created_after": "99999-12-31T00:00:00Z"}}),
    ("get", "/v1/exports/cards.csv", {"params": {"created_before": "yesterday"}}),
    ("get", "/v1/exports/vouchers.csv", {"params": {"location_id": "loc_of_another_business"}}),
    ("get", "/v1/exports/.csv", {}),
    ("get", "/v1/imports/imp_of_another_business", {}),
    ("get", "/v1/imports/imp_of_another_business/rows", {"params": {"cursor": "-1"}}),
    ("post", "/v1/imports/imp_of_another_business/run", {}),
    ("delete", "/v1/customers/cus_of_another_business", {}),
    ("delete", "/v1/customers/" + "x" * 65, {}),
    (
        "post",
        "/v1/imports",
        {
            "content": b"email\na@b.c\n",
            "headers": CSV,
            "params": {"kind": "cards", "program_id": "prg_foreign"},
        },
    ),
    (
        "post",
        "/v1/imports",
        {"content": b"email\na@b.c\n", "headers": CSV, "params": {"mapping": "[1]"}},
    ),
    (
        "post",
        "/v1/imports",
        {"content": b"email\na@b.c\n", "headers": CSV, "params": {"dry_run": "maybe"}},
    ),
    (
        "post",
        "/v1/imports",
        {"content": b"email\na@b.c\n", "headers": CSV, "params": {"filename": "a\x00.csv"}},
    ),
    ("post", "/v1/imports", {"content": b"\xff\xfe\x00\x01", "headers": CSV}),
    ("post", "/v1/imports", {"content": b'"' + b"a" * 200_000 + b"\n", "headers": CSV}),
    (
        "post",
        "/v1/imports",
        {"content": b"--x\r\n", "headers": {"content-type": "multipart/form-data; boundary=x"}},
    ),
    ("post", "/v1/imports", {"content": b"x", "headers": {"content-type": "multipart/form-data"}}),
]


@pytest.mark.parametrize(("method", "path", "request_"), REFUSED)
async def test_bad_requests_are_refused_with_a_4xx(
    tenant: Tenant, method: str, path: str, request_: dict[str, Any]
) -> None:
    response = await getattr(tenant.client, method)(path, **request_)
    assert 400 <= response.status_code < 500, response.text
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_bad_cells_fail_their_rows_and_nothing_else(
    tenant: Tenant, runner: ImportRunner
) -> None:
    text = "source_id,birthday,metadata,language\n"
    text += 'ok-1,,"{""tier"": ""gold""}",\n'
    text += 'nul-1,,"{""a"": ""\\u0000""}",\n'
    text += "date-1,99999-01-01,,\n"
    text += 'json-1,,"[1, 2]",\n'
    text += "lang-1,,,english please\n"
    text += "ok-2,1990-01-01,,de\n"
    job = await imported(tenant.client, runner, text)
    assert (job["status"], job["created"], job["failed"]) == ("completed", 2, 4)
    failed = await report(tenant.client, job["id"], status="failed")
    assert [(r["line"], r["errors"][0]["field"]) for r in failed] == [
        (3, "metadata"),
        (4, "birthday"),
        (5, "metadata"),
        (6, "language"),
    ]
