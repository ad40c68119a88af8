"""Many tills issue from one code pool at once, through two server processes on PostgreSQL:
each code goes to exactly one voucher, and the overflow is refused, not double-served."""

import httpx

from tests.e2e.test_concurrency import assert_statuses, concurrently, every_page, unique
from tests.support.factories import card, ok, program, template


async def test_parallel_issues_get_distinct_pool_codes(live_api: httpx.AsyncClient) -> None:
    tid = (await template(live_api, redeem_code={"type": "pool"}, title=unique("Pool")))["id"]
    codes = [unique("POS") for _ in range(50)]
    ok(
        await live_api.post(f"/v1/voucher-templates/{tid}/code-pool/codes", json={"codes": codes}),
        201,
    )
    the_card = await card(live_api, (await program(live_api, [(1, tid)]))["id"])

    responses = await concurrently(
        60,
        lambda: live_api.post("/v1/vouchers", json={"card_id": the_card["id"], "template_id": tid}),
    )

    assert_statuses(responses, {201: 50, 409: 10})
    handed_out = [r.json()["redeem_code"] for r in responses if r.status_code == 201]
    assert sorted(handed_out) == sorted(c.upper() for c in codes)
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"code_pool_empty"}
    status = ok(await live_api.get(f"/v1/voucher-templates/{tid}/code-pool"))
    assert (status["available"], status["assigned"]) == (0, 50)
    alerts = await every_page(live_api, "/v1/events", type="code_pool_empty")
    assert [a["template"]["id"] for a in alerts].count(tid) == 1
