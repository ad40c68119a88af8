"""The background loops of a worker process (`punchcard worker`, or each `punchcard serve`
process unless --no-worker). Each runs until ``stop`` is set, then finishes what it started.
A new background job adds its loop to ``worker_loops``."""

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from punchcard.config import Settings
from punchcard.db.engine import Database

Loop = Callable[[asyncio.Event], Coroutine[Any, Any, None]]


def worker_loops(db: Database, settings: Settings) -> list[Loop]:
    """Build them inside the running event loop (the dispatcher opens its HTTP client)."""
    from punchcard.automations.tasks import AutomationRunner
    from punchcard.campaigns.tasks import CampaignSender
    from punchcard.imports.tasks import ImportRunner
    from punchcard.jobs.retention import Retention
    from punchcard.reports.tasks import Rollup
    from punchcard.wallet.pushers import configured_pushers
    from punchcard.wallet.sync import PassSync
    from punchcard.webhooks.dispatcher import Dispatcher

    return [
        Dispatcher(db, settings).run,
        PassSync(db, settings, configured_pushers(settings)).run,
        Retention(db, settings).run,
        CampaignSender(db, settings).run,
        ImportRunner(db, settings).run,
        AutomationRunner(db, settings).run,
        Rollup(db).run,
    ]
