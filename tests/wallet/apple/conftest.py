"""Apple pass tests run against an app whose global signing identity is a test chain."""

from collections.abc import AsyncIterator

import httpx
import pytest

from punchcard.app import create_app
from punchcard.config import Settings
from tests.support.pass_certs import PASS_TYPE_IDENTIFIER, TEAM_IDENTIFIER, PassChain, make_chain


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
