"""Duplicates sent at once (a till retrying on a timeout while the first is still in flight):
the unique claim on the transaction id lets exactly one stamp. Real concurrency on PostgreSQL
(the app's connection pool runs the requests' transactions side by side)."""

import asyncio
import json
from collections import Counter

from tests.conftest import Tenant
from tests.support.factories import ok
from tests.support.pos import generic_setup, receipt, sales, signed_headers

DUPLICATES = 20


async def test_parallel_duplicates_stamp_once(tenant: Tenant) -> None:
    api = tenant.client
    till, the_card = await generic_setup(api, stamp_rule={"per": "amount", "amount": 100})
    body = json.dumps(receipt("R-race", 300, scan_code=the_card["scan_code"])).encode()
    headers = signed_headers(till["signing_secret"], body)
    path = f"/v1/pos/{till['id']}/webhook"
    answers = await asyncio.gather(
        *(api.post(path, content=body, headers=headers) for _ in range(DUPLICATES))
    )
    outcomes = Counter(ok(answer)["sale"]["outcome"] for answer in answers)
    assert outcomes == {"stamped": 1, "duplicate": DUPLICATES - 1}
    assert ok(await api.get(f"/v1/cards/{the_card['id']}"))["lifetime_stamps"] == 3
    stamped = ok(await api.get("/v1/events", params={"type": "stamp_added", "limit": 100}))
    assert len(stamped["data"]) == 1
    assert Counter(s["outcome"] for s in await sales(api, till["id"])) == outcomes
