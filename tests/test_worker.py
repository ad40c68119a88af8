"""The loops a worker process runs."""

import asyncio

from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.worker import LoopName, worker_loops


async def test_a_worker_for_webhooks_alone_runs_the_dispatcher_and_no_other_loop(
    database_url: str, db: Database
) -> None:
    [loop] = worker_loops(db, Settings(database_url=database_url), only=[LoopName.webhooks])
    assert loop.__qualname__ == "Dispatcher.run"
    stop = asyncio.Event()
    stop.set()
    await asyncio.wait_for(loop(stop), 30)  # stops at once, its HTTP client closed
