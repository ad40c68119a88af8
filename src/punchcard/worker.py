"""The background loops of a worker process (`punchcard worker`, or each `punchcard serve`
process unless --no-worker). Each runs until ``stop`` is set, then finishes what it started.
A new background job adds its loop to ``worker_loops``."""

import asyncio
from collections.abc import Callable, Collection, Coroutine
from enum import StrEnum
from typing import Any

from punchcard.config import Settings
from punchcard.db.engine import Database

Loop = Callable[[asyncio.Event], Coroutine[Any, Any, None]]


class LoopName(StrEnum):
    webhooks = "webhooks"
    wallet = "wallet"
    retention = "retention"
    campaigns = "campaigns"
    imports = "imports"
    automations = "automations"
    reports = "reports"


def worker_loops(
    db: Database, settings: Settings, only: Collection[LoopName] = tuple(LoopName)
) -> list[Loop]:
    """Build them inside the running event loop (the dispatcher opens its HTTP client).
    ``only`` (`punchcard worker --only`): a worker that just delivers webhooks does not poll
    for the other jobs (each poll is a transaction), which other processes then run."""
    from punchcard.automations.tasks import AutomationRunner
    from punchcard.campaigns.tasks import CampaignSender
    from punchcard.imports.tasks import ImportRunner
    from punchcard.jobs.retention import Retention
    from punchcard.reports.tasks import Rollup
    from punchcard.wallet.pushers import configured_pushers
    from punchcard.wallet.sync import PassSync
    from punchcard.webhooks.dispatcher import Dispatcher

    builders: dict[LoopName, Callable[[], Loop]] = {
        LoopName.webhooks: lambda: Dispatcher(db, settings).run,
        LoopName.wallet: lambda: PassSync(db, settings, configured_pushers(settings)).run,
        LoopName.retention: lambda: Retention(db, settings).run,
        LoopName.campaigns: lambda: CampaignSender(db, settings).run,
        LoopName.imports: lambda: ImportRunner(db, settings).run,
        LoopName.automations: lambda: AutomationRunner(db, settings).run,
        LoopName.reports: lambda: Rollup(db).run,
    }
    return [build() for name, build in builders.items() if name in only]
