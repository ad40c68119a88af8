"""Apple pass tests run against an app whose global signing identity is a test chain; push
tests start a worker whose APNs is a fake on loopback."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest

from punchcard.app import create_app
from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.wallet.apple.pusher import ApplePusher
from punchcard.wallet.pushers import configured_pushers
from punchcard.wallet.sync import PassSync
from punchcard.webhooks.dispatcher import Dispatcher
from tests.support.fake_apns import FakeApns, fake_apns
from tests.support.pass_certs import PASS_TYPE_IDENTIFIER, TEAM_IDENTIFIER, PassChain, make_chain

StartWorker = Callable[[], Awaitable[PassSync]]


@pytest.fixture(scope="session")
def pass_chain(tmp_path_factory: pytest.TempPathFactory) -> PassChain:
    return make_chain(tmp_path_factory.mktemp("pass-chain"))


@pytest.fixture(scope="session")
def apple_settings(database_url: str, pass_chain: PassChain) -> Settings:
    return Settings(
        database_url=database_url,
        run_worker=False,
        db_pool_size=2,  # a second app beside the suite's: PostgreSQL's connections are shared
        public_url="https://cards.example",
        apple_pass_type_identifier=PASS_TYPE_IDENTIFIER,
        apple_team_identifier=TEAM_IDENTIFIER,
        apple_certificate=str(pass_chain.certificate_path),  # a path ...
        apple_key=pass_chain.key_pem,  # ... or the PEM text itself
        apple_wwdr_certificate=str(pass_chain.root_path),
    )


@pytest.fixture(scope="session")
async def app_transport(apple_settings: Settings) -> AsyncIterator[httpx.ASGITransport]:
    """Replaces the suite's app: ``tenant`` and ``api`` talk to one with Apple Wallet set up."""
    app = create_app(apple_settings)
    async with app.router.lifespan_context(app):
        yield httpx.ASGITransport(app=app)


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
