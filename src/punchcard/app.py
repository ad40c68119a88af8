"""FastAPI application factory: routers, error handlers, lifespan."""

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import RedirectResponse

from punchcard import __version__
from punchcard.businesses.api import router as businesses_router
from punchcard.cards.api import router as cards_router
from punchcard.code_lookups import http as code_lookups_http
from punchcard.code_lookups.api import router as code_lookups_router
from punchcard.codes import api as codes_api
from punchcard.config import Settings, get_settings
from punchcard.customers.api import router as customers_router
from punchcard.db.engine import Database
from punchcard.events.api import router as events_router
from punchcard.events.catalogue import DESCRIPTIONS, PAYLOADS
from punchcard.exports.api import router as exports_router
from punchcard.idempotency import http as idempotency_http
from punchcard.idempotency.service import prune
from punchcard.imports.api import router as imports_router
from punchcard.imports.tasks import ImportRunner
from punchcard.kit.http import install_error_handlers
from punchcard.pages import http as pages_http
from punchcard.pages import wallets as page_wallets
from punchcard.pages.api import router as join_links_router
from punchcard.pos.api import connectors_router as pos_connectors_router
from punchcard.pos.api import inbound_router as pos_inbound_router
from punchcard.programs.api import router as programs_router
from punchcard.staff.api import router as staff_router
from punchcard.vouchers.api import router as vouchers_router
from punchcard.vouchers.code_api import router as voucher_codes_router
from punchcard.vouchers.tasks import sweep_forever
from punchcard.wallet.apple.api import router as apple_wallet_router
from punchcard.wallet.apple.web_service import router as passkit_router
from punchcard.wallet.design_api import router as wallet_design_router
from punchcard.wallet.google.api import public_router as google_wallet_public_router
from punchcard.wallet.google.api import router as google_wallet_router
from punchcard.wallet.pushers import configured_pushers
from punchcard.wallet.sync import PassSync
from punchcard.webhooks.api import event_types_router, hooks_router, webhooks_router
from punchcard.webhooks.dispatcher import Dispatcher

log = logging.getLogger("punchcard")
PRUNE_EVERY_SECONDS = 600

DESCRIPTION = """
Punchcard is an open-source loyalty engine: stamp cards, goals and reward vouchers whose
redeem codes any till can take.

Authenticate with a staff-bound API key: `Authorization: Bearer pc_sk_...`.
Errors are RFC 9457 `application/problem+json` with a stable `code`.
State-changing POSTs accept an `Idempotency-Key` header.
"""


async def _prune_forever(db: Database) -> None:
    """Idempotency keys live 24 h; any server process may sweep them (deletes are idempotent)."""
    while True:
        try:
            async with db.transaction() as session:
                await prune(session)
        except Exception:  # a database hiccup must not end the loop
            log.warning("idempotency key pruning failed; will retry", exc_info=True)
        await asyncio.sleep(PRUNE_EVERY_SECONDS)


def _document_webhooks(app: FastAPI) -> None:
    """Every event type's payload in the OpenAPI document's `webhooks` section."""
    for event_type, payload in PAYLOADS.items():

        async def receive(body: payload) -> None:  # type: ignore[valid-type]
            """Documentation only: what your endpoint receives."""

        app.webhooks.post(
            event_type, summary=event_type, description=DESCRIPTIONS[event_type], tags=["Webhooks"]
        )(receive)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.db = Database(settings)
        stop = asyncio.Event()
        background = [
            asyncio.create_task(_prune_forever(app.state.db)),
            asyncio.create_task(sweep_forever(app.state.db, settings)),
        ]
        if settings.run_worker:
            background.append(asyncio.create_task(Dispatcher(app.state.db, settings).run(stop)))
            sync = PassSync(app.state.db, settings, configured_pushers(settings))
            background.append(asyncio.create_task(sync.run(stop)))
            imports = ImportRunner(app.state.db, settings)
            background.append(asyncio.create_task(imports.run(stop)))
        # Start-up objects (routes, schemas, statements) live forever: keep them out of every
        # garbage collection, which otherwise rescans them all and stalls requests.
        gc.freeze()
        try:
            yield
        finally:
            stop.set()
            for task in background[:2]:  # the loops that never stop by themselves
                task.cancel()
            for task in background:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await app.state.db.dispose()

    app = FastAPI(
        title="Punchcard API",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    install_error_handlers(app)
    idempotency_http.install(app)
    codes_api.install(app)
    code_lookups_http.install(app)
    # Routes are matched in order: the hot paths (stamp, redeem) first.
    for router in (
        cards_router,
        voucher_codes_router,
        vouchers_router,
        staff_router,
        businesses_router,
        programs_router,
        join_links_router,
        codes_api.router,
        code_lookups_router,
        customers_router,
        imports_router,
        exports_router,
        events_router,
        webhooks_router,
        hooks_router,
        event_types_router,
        pos_connectors_router,
        pos_inbound_router,
        wallet_design_router,
        apple_wallet_router,
        google_wallet_router,
    ):
        app.include_router(router, prefix="/v1")  # flat: each nesting level costs every request
    app.include_router(passkit_router)  # public: devices authenticate with the pass's token
    app.include_router(google_wallet_public_router)
    app.include_router(pages_http.router)  # public pages: /join/..., /c/...
    app.include_router(page_wallets.router)
    _document_webhooks(app)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/", include_in_schema=False)
    async def root() -> RedirectResponse:
        return RedirectResponse("/docs")

    return app
