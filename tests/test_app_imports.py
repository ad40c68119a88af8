"""A server worker imports only what serving the API needs: the libraries of senders, wallets,
drawings, pages and progress bars wait for their first use (issue 11: peak RSS per server
worker)."""

import subprocess
import sys

# Each is several MB resident that a worker answering stamps and redemptions never uses.
DEFERRED = (
    "aiohttp",  # channels, webhook sender
    "httpx",  # channels, POS calls, Google Wallet (and, through httpx, rich and pygments)
    "cryptography",  # sealed secrets, Apple pass signing, Google keys
    "jwt",  # Google Wallet, APNs
    "aiosmtplib",  # the email channel
    "PIL",  # wallet pictures, dashboard previews, PNG symbols
    "barcode",
    "segno",
    "rich",  # the commands' progress bars
    "pygments",
    "jinja2",  # pages, the dashboard and message templates
    "argon2",  # dashboard passwords
    "phonenumbers",  # customers' phone numbers
    "prometheus_client",  # only with PUNCHCARD_METRICS_PORT (the test leaves it unset)
)

# What a spawned uvicorn worker runs: the `punchcard` command's module, then the app factory.
PROGRAM = f"""
import sys
import punchcard.cli
from punchcard.app import create_app
create_app()
print(" ".join(name for name in {DEFERRED!r} if name in sys.modules))
"""


def test_a_server_worker_does_not_import_what_only_senders_wallets_pages_and_drawings_use() -> None:
    found = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, check=True
    )
    assert found.stdout.split() == []
