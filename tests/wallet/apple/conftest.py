import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from punchcard.db.engine import Database
from punchcard.wallet.apple.pusher import ApplePusher
from punchcard.wallet.pushers import configured_pushers
from punchcard.wallet.sync import PassSync
from punchcard.webhooks.dispatcher import Dispatcher
from tests.support.fake_apns import FakeApns, fake_apns

StartWorker = Callable[[], Awaitable[PassSync]]


@pytest.fixture(scope="session")
async def apns(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[FakeApns]:
    async with fake_apns(tmp_path_factory.mktemp("apns")) as server:
        yield server


@pytest.fixture
async def start_worker(
    database_url: str, db: Database, apns: FakeApns
) -> AsyncIterator[StartWorker]:
    """Starts the worker's side, as `punchcard worker` runs it: the webhook fan-out marks
    changed passes and PassSync pushes them through the configured pushers (APNs: the fake)."""
    settings = apns.settings(
        database_url=database_url, webhook_poll_seconds=0.02, wallet_poll_seconds=0.02
    )
    [pusher] = configured_pushers(settings)
    assert isinstance(pusher, ApplePusher)
    sync = PassSync(db, settings, [pusher])
    stop = asyncio.Event()
    tasks: list[asyncio.Task[None]] = []

    async def start() -> PassSync:
        tasks.append(asyncio.create_task(sync.run(stop)))
        tasks.append(asyncio.create_task(Dispatcher(db, settings).run(stop)))
        return sync

    yield start
    stop.set()
    await asyncio.wait_for(asyncio.gather(*tasks), 30)
    await pusher.apns.close()


@pytest.fixture
async def pass_sync(start_worker: StartWorker) -> PassSync:
    return await start_worker()
