"""One batch a step: the next batch is parsed while the current one is applied, and only
used where the job still is where that step left it; the runner, not the batch, refreshes
the statistics of the tables it grows."""

from datetime import timedelta

from punchcard.db.engine import Database
from punchcard.imports import batches
from punchcard.kit.clock import utcnow
from tests.conftest import Tenant
from tests.support.factories import ok
from tests.support.imports import BATCH, upload
from tests.support.statements import statements

LEASE = timedelta(minutes=5)
SEVEN = "source_id,email\n" + "".join(f"b-{n},b{n}@example.com\n" for n in range(1, 8))


async def _held(db: Database, tenant: Tenant) -> tuple[batches.Lease, str]:
    job = ok(await upload(tenant.client, SEVEN), 202)
    async with db.transaction() as session:
        lease = await batches.claim(session, utcnow(), LEASE, (tenant.business_id, job["id"]))
    assert lease is not None
    return lease, job["id"]


async def _step(
    db: Database, lease: batches.Lease, last: batches.Step | None = None
) -> batches.Step:
    """A step, handed what the ``last`` one parsed ahead."""
    ahead = last.ahead if last is not None else None
    async with db.transaction() as session:
        return await batches.step(session, lease, LEASE, BATCH, ahead)


async def test_a_step_hands_back_the_next_batch_parsed(db: Database, tenant: Tenant) -> None:
    lease, _ = await _held(db, tenant)
    first = await _step(db, lease)
    assert first.last_line == 4  # lines 2-4: the header is line 1
    assert first.ahead is not None
    parsed = await first.ahead
    assert (parsed.after, [row.line for row in parsed.staged]) == (4, [5, 6, 7])
    assert sorted(parsed.valid) == [5, 6, 7]
    assert (await _step(db, lease, first)).last_line == 7


async def test_a_batch_parsed_ahead_is_not_applied_twice(db: Database, tenant: Tenant) -> None:
    lease, import_id = await _held(db, tenant)
    first = await _step(db, lease)
    second = await _step(db, lease, first)
    assert second.last_line == 7
    # Handed the same batch again (the job has moved past it): the rows after the cursor.
    third = await _step(db, lease, first)
    assert third.last_line == 8
    assert (await _step(db, lease, third)).ended == "completed"
    job = ok(await tenant.client.get(f"/v1/imports/{import_id}"))
    assert (job["processed"], job["created"], job["unchanged"]) == (7, 7, 0)


async def test_a_batch_leaves_the_statistics_to_the_runner(db: Database, tenant: Tenant) -> None:
    lease, _ = await _held(db, tenant)
    async with statements(db.engine) as seen:
        assert (await _step(db, lease)).last_line == 4
    assert not [sql for sql in seen if "ANALYZE" in sql or "pg_stat" in sql]
