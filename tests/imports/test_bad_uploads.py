"""Files that cannot be imported are refused whole with a clear 4xx, and nothing is staged."""

from collections.abc import AsyncIterator

from tests.conftest import Tenant
from tests.support.factories import ok, problem, staff_key
from tests.support.imports import upload

MB = 1024 * 1024


async def _nothing_staged(tenant: Tenant) -> None:
    assert ok(await tenant.client.get("/v1/imports"))["data"] == []


async def test_a_file_that_is_not_utf8_is_refused_naming_the_line(tenant: Tenant) -> None:
    text = "source_id,name\nc-1,Ana\nc-2,Jürgen\n".encode("latin-1")
    body = problem(await upload(tenant.client, text), 422, "csv_encoding_invalid")
    assert body["line"] == 3
    await _nothing_staged(tenant)


async def test_a_utf16_file_is_refused(tenant: Tenant) -> None:
    text = "source_id,name\nc-1,Ana\n".encode("utf-16")
    body = problem(await upload(tenant.client, text), 422, "csv_encoding_invalid")
    assert "UTF-16" in body["detail"]


async def test_a_missing_required_column_is_refused(tenant: Tenant) -> None:
    body = problem(await upload(tenant.client, "name,city\nAna,Porto\n"), 422, "csv_column_missing")
    assert body["missing"] == ["one of source_id, email or phone"]
    cards = await upload(tenant.client, "email\na@example.com\n", kind="cards")
    assert problem(cards, 422, "csv_column_missing")["missing"] == [
        "stamps",
        "program_id (or the program_id option)",
    ]
    await _nothing_staged(tenant)


async def test_mapping_mistakes_are_refused(tenant: Tenant) -> None:
    text = "email,mail\na@example.com,b@example.com\n"
    problem(await upload(tenant.client, text), 422, "csv_column_ambiguous")
    unknown = await upload(tenant.client, "email\na@example.com\n", mapping='{"Mail": "email"}')
    problem(unknown, 422, "csv_mapping_unknown_column")
    wrong = await upload(tenant.client, "email\na@example.com\n", mapping='{"email": "password"}')
    problem(wrong, 422, "csv_mapping_invalid")
    broken = await upload(tenant.client, "email\na@example.com\n", mapping="{not json")
    problem(broken, 422, "validation_error")
    bad_kind = await upload(tenant.client, "email\na@example.com\n", kind="vouchers")
    assert problem(bad_kind, 422, "validation_error")["errors"][0]["field"] == "kind"


async def test_empty_and_header_only_files_are_refused(tenant: Tenant) -> None:
    problem(await upload(tenant.client, ""), 422, "csv_empty")
    problem(await upload(tenant.client, "email\n\n\n"), 422, "csv_no_rows")
    await _nothing_staged(tenant)


async def test_a_broken_quote_is_refused_naming_the_line(tenant: Tenant) -> None:
    text = 'source_id,name\nc-1,"Ana"x\n'
    body = problem(await upload(tenant.client, text), 422, "csv_malformed")
    assert body["line"] == 2


async def test_a_100_mb_upload_is_refused_before_it_is_read(tenant: Tenant) -> None:
    async def hundred_megabytes() -> AsyncIterator[bytes]:
        yield b"source_id\n"
        chunk = b"crm-0000000\n" * (MB // 12)
        for _ in range(100):
            yield chunk

    declared = await tenant.client.post(
        "/v1/imports",
        content=hundred_megabytes(),
        headers={"content-type": "text/csv", "content-length": str(100 * MB)},
    )
    assert problem(declared, 413, "content_too_large")["max_bytes"] == 64 * MB
    streamed = await tenant.client.post(
        "/v1/imports", content=hundred_megabytes(), headers={"content-type": "text/csv"}
    )
    problem(streamed, 413, "content_too_large")
    await _nothing_staged(tenant)


async def test_other_media_types_are_refused(tenant: Tenant) -> None:
    response = await tenant.client.post("/v1/imports", json={"rows": []})
    problem(response, 415, "unsupported_media_type")
    form = await tenant.client.post("/v1/imports", data={"dry_run": "true"}, files={"x": b"y"})
    problem(form, 422, "file_missing")


async def test_scanners_may_not_import(tenant: Tenant) -> None:
    _, key = await staff_key(tenant.client, "scanner")
    scanner = await tenant.client_for(key)
    problem(await upload(scanner, "email\na@example.com\n"), 403, "insufficient_role")
