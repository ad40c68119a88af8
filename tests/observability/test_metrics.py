"""What a process samples for the pool gauges: connections in use, and who waits for one."""

import asyncio

from prometheus_client import REGISTRY
from sqlalchemy.ext.asyncio import create_async_engine

from punchcard.db.engine import WaitCountingPool, async_url
from punchcard.observability.metrics import sample_pool


def gauge(name: str) -> float | None:
    return REGISTRY.get_sample_value(name)


async def test_the_pool_gauges_count_connections_in_use_and_requests_waiting(
    database_url: str,
) -> None:
    engine = create_async_engine(
        async_url(database_url), poolclass=WaitCountingPool, pool_size=1, max_overflow=0
    )
    try:
        async with engine.connect():
            waiter = asyncio.create_task(engine.connect().start())
            async with asyncio.timeout(10):
                while True:  # let the waiter run until it waits in the empty pool
                    if engine.sync_engine.pool.waiting:  # type: ignore[attr-defined]
                        break
                    await asyncio.sleep(0)
            sample_pool(engine)
            busy = [gauge(f"punchcard_db_pool_{n}") for n in ("size", "checked_out", "waiting")]
        second = await waiter  # the first connection went back: the waiter has it
        sample_pool(engine)
        served = gauge("punchcard_db_pool_waiting")
        await second.close()
    finally:
        await engine.dispose()
    assert busy == [1, 1, 1]
    assert served == 0
