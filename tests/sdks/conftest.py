"""One real `punchcard serve` (SQLite, delivering webhooks to loopback) for both SDKs' tests."""

from collections.abc import Iterator

import pytest

from tests.support.server import Server, delivering_sqlite_server


@pytest.fixture(scope="package")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with delivering_sqlite_server(tmp_path_factory.mktemp("sdks")) as running:
        yield running
