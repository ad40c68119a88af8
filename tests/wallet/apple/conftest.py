import asyncio
from collections.abc import AsyncIterator

import pytest

from punchcard.db.engine import Database
from punchcard.wallet.apple.pusher import ApplePusher
from punchcard.wallet.pushers import configured_pushers
from punchcard.wallet.sync import PassSync
from punchcard.webhooks.dispatcher import Dispatcher
from tests.support.fake_apns import FakeApns, fake_apns


@pytest.fixture(scope="session")
async def apns(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[FakeApns]:
    async with fake_apns(tmp_path_factory.mktemp("apns")) as server:
        yield server


@pytest.fixture
async def pass_sync(database_url: str, db: Database, apns: FakeApns) -> AsyncIterator[PassSync]:
    """The worker's side, as `punchcard worker` runs it: the webhook fan-out marks changed
    passes and PassSync pushes them through the configured pushers (APNs: the fake)."""
    settings = apns.settings(
        database_url=database_url, webhook_poll_seconds=0.02, wallet_poll_seconds=0.02
    )
    [pusher] = configured_pushers(settings)
    assert isinstance(pusher, ApplePusher)
    sync = PassSync(db, settings, [pusher])
    stop = asyncio.Event()
    tasks = [
        asyncio.create_task(sync.run(stop)),
        asyncio.create_task(Dispatcher(db, settings).run(stop)),
    ]
    yield sync
    stop.set()
    await asyncio.wait_for(asyncio.gather(*tasks), 30)
    await pusher.apns.close()
