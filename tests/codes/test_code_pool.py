"""Code pools: codes from the POS uploaded as CSV or JSON (all or nothing), handed out once,
counted, downloaded and removed; an empty pool is a 409 and a code_pool_empty event."""

import csv
import io
from typing import Any

import httpx

from tests.support.factories import card, ok, problem, program, stamp, template


async def pool_template(api: httpx.AsyncClient, **source: Any) -> str:
    made = await template(api, redeem_code={"type": "pool", **source}, title="Gift from the POS")
    return str(made["id"])


def upload(api: httpx.AsyncClient, tid: str, csv_text: str, **params: str) -> Any:
    path = f"/v1/voucher-templates/{tid}/code-pool/codes"
    return api.post(path, content=csv_text, headers={"Content-Type": "text/csv"}, params=params)


async def test_csv_upload_one_code_per_line_or_a_code_column(api: httpx.AsyncClient) -> None:
    tid = await pool_template(api)
    plain = ok(await upload(api, tid, "gift-1\nGIFT-2\n\n GIFT-3 \n"), 201)
    assert plain["imported"] == 3
    with_header = "name,code,value\nA,GIFT-4,10\nB,GIFT-5,10\n"
    assert ok(await upload(api, tid, with_header), 201)["imported"] == 2
    as_json = {"codes": ["GIFT-6"]}
    ok(await api.post(f"/v1/voucher-templates/{tid}/code-pool/codes", json=as_json), 201)
    status = ok(await api.get(f"/v1/voucher-templates/{tid}/code-pool"))
    assert (status["available"], status["assigned"], status["total"]) == (6, 0, 6)
    problem(await upload(api, tid, "a,b\n1,2\n"), 422, "csv_code_column_missing")
    problem(await upload(api, tid, "GOOD\nBAD CODE\n"), 422, "invalid_codes")


async def test_duplicates_are_reported_and_nothing_is_imported(api: httpx.AsyncClient) -> None:
    tid = await pool_template(api)
    other = await pool_template(api)
    ok(await upload(api, other, "OLD-1\nOLD-2\n"), 201)
    response = await upload(api, tid, "NEW-1\nOLD-1\nNEW-2\nNEW-1\nOLD-2\nNEW-1\n")
    body = problem(response, 409, "duplicate_codes")
    assert body["within_upload"] == {"count": 1, "sample": ["NEW-1"]}
    assert body["already_in_business"] == {"count": 2, "sample": ["OLD-1", "OLD-2"]}
    assert ok(await api.get(f"/v1/voucher-templates/{tid}/code-pool"))["total"] == 0
    # Asked to, it imports the rest and says what it skipped.
    done = ok(
        await upload(api, tid, response.request.content.decode(), skip_duplicates="true"), 201
    )
    assert (done["imported"], done["already_in_business"]["count"]) == (2, 2)


async def test_each_code_goes_to_one_voucher_in_upload_order(api: httpx.AsyncClient) -> None:
    tid = await pool_template(api, low_stock_below=2)
    ok(await upload(api, tid, "P-1\nP-2\nP-3\n"), 201)
    prg = await program(api, [(1, tid)], after_last_goal="restart")
    issued = (await stamp(api, (await card(api, prg["id"]))["id"], 2))["vouchers_issued"]
    assert [voucher["redeem_code"] for voucher in issued] == ["P-1", "P-2"]
    status = ok(await api.get(f"/v1/voucher-templates/{tid}/code-pool"))
    assert (status["available"], status["assigned"], status["low_stock"]) == (1, 2, True)
    redeemed = ok(await api.post("/v1/vouchers/redeem", json={"code": "p-1"}))
    assert redeemed["id"] == issued[0]["id"]


async def test_download_and_remove_unassigned_codes(api: httpx.AsyncClient) -> None:
    tid = await pool_template(api)
    first = ok(await upload(api, tid, "D-1\nD-2\n"), 201)["batch_id"]
    ok(await upload(api, tid, "D-3\nD-4\n"), 201)
    prg = await program(api, [(1, tid)])
    voucher = (await stamp(api, (await card(api, prg["id"]))["id"]))["vouchers_issued"][0]
    response = await api.get(f"/v1/voucher-templates/{tid}/code-pool/codes")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["code"], r["status"]) for r in rows][:2] == [
        ("D-1", "assigned"),
        ("D-2", "available"),
    ]
    assert rows[0]["voucher_id"] == voucher["id"]
    path = f"/v1/voucher-templates/{tid}/code-pool/codes"
    problem(await api.delete(f"{path}/D-1"), 409, "code_assigned")
    problem(await api.delete(f"{path}/NOPE"), 404, "code_not_found")
    assert (await api.delete(f"{path}/d-4")).status_code == 204
    assert ok(await api.delete(path, params={"batch_id": first}))["removed"] == 1  # D-2
    left = (await api.get(path, params={"status": "available"})).text.splitlines()
    assert left[0] == "code,status,batch_id,voucher_id"
    assert [row.split(",")[0] for row in left[1:]] == ["D-3"]
    assert ok(await api.delete(path))["removed"] == 1


async def test_a_csv_that_cannot_be_read_for_sure_is_422_naming_the_line(
    api: httpx.AsyncClient,
) -> None:
    tid = await pool_template(api)
    body = problem(await upload(api, tid, "GIFT-1\nA\rB\n"), 422, "invalid_csv")
    assert body["errors"] == [{"field": "body", "message": body["errors"][0]["message"]}]
    assert "line 2" in body["detail"]
    assert "carriage return" in body["detail"]
    huge = problem(await upload(api, tid, "X" * 140_000), 422, "invalid_csv")
    assert "field limit" in huge["detail"]
    # Windows line ends are fine.
    assert ok(await upload(api, tid, "code\r\nGIFT-1\r\nGIFT-2\r\n"), 201)["imported"] == 2
    assert ok(await api.get(f"/v1/voucher-templates/{tid}/code-pool"))["total"] == 2


async def test_an_archived_pool_is_kept_for_reconciling_and_takes_no_new_codes(
    api: httpx.AsyncClient,
) -> None:
    """The business still sees which codes went to which voucher (to retire them in the POS)
    and may remove free ones; uploading or generating into the pool is refused."""
    tid = await pool_template(api)
    ok(await upload(api, tid, "OLD-1\nOLD-2\n"), 201)
    ok(await api.delete(f"/v1/voucher-templates/{tid}"), 204)
    path = f"/v1/voucher-templates/{tid}/code-pool"
    problem(await upload(api, tid, "OLD-3\n"), 409, "template_archived")
    problem(await api.post(f"{path}/generate", json={"count": 10}), 409, "template_archived")
    assert ok(await api.get(path))["available"] == 2
    rows = (await api.get(f"{path}/codes")).text.splitlines()[1:]
    assert [row.split(",")[0] for row in rows] == ["OLD-1", "OLD-2"]
    assert ok(await api.delete(f"{path}/codes"))["removed"] == 2


async def test_pool_endpoints_need_a_pool_template(api: httpx.AsyncClient) -> None:
    fixed = (await template(api))["id"]
    problem(await api.get(f"/v1/voucher-templates/{fixed}/code-pool"), 409, "template_not_pool")
    problem(await upload(api, fixed, "X-1\n"), 409, "template_not_pool")


async def test_an_empty_pool_refuses_issuing_and_tells_the_business_once(
    api: httpx.AsyncClient,
) -> None:
    tid = await pool_template(api)
    the_card = await card(api, (await program(api, [(1, tid)]))["id"])
    for _ in range(2):
        body = problem(
            await api.post("/v1/vouchers", json={"card_id": the_card["id"], "template_id": tid}),
            409,
            "code_pool_empty",
        )
        assert body["template_id"] == tid
    problem(await api.post(f"/v1/cards/{the_card['id']}/stamps", json={}), 409, "code_pool_empty")
    assert ok(await api.get(f"/v1/cards/{the_card['id']}"))["lifetime_stamps"] == 0
    events = ok(await api.get("/v1/events", params={"type": "code_pool_empty"}))["data"]
    assert len(events) == 1  # at most once per template per hour
    assert events[0]["template"] == {"id": tid, "title": "Gift from the POS"}
    assert events[0]["pool"] == {"available": 0, "assigned": 0}
