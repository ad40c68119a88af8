"""FastAPI application factory: routers, error handlers, lifespan."""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.responses import RedirectResponse
from fastapi.routing import APIRoute

from punchcard import __version__
from punchcard.automations.api import router as automations_router
from punchcard.businesses.api import router as businesses_router
from punchcard.campaigns.api import router as campaigns_router
from punchcard.campaigns.card_links import DeliveryCardLinkSender
from punchcard.cards.api import router as cards_router
from punchcard.channels import registry as channel_registry
from punchcard.channels.api import router as channels_router
from punchcard.channels.api import webhooks_router as channel_webhooks_router
from punchcard.channels.pages import router as channel_pages_router
from punchcard.code_lookups import http as code_lookups_http
from punchcard.code_lookups.api import router as code_lookups_router
from punchcard.codes import api as codes_api
from punchcard.config import Settings, get_settings
from punchcard.customers.api import router as customers_router
from punchcard.dashboard import routes as dashboard_routes
from punchcard.db.engine import Database
from punchcard.events.api import router as events_router
from punchcard.events.catalogue import DESCRIPTIONS, PAYLOADS
from punchcard.exports.api import router as exports_router
from punchcard.health import router as health_router
from punchcard.idempotency import http as idempotency_http
from punchcard.imports.api import router as imports_router
from punchcard.kit import heap, openapi
from punchcard.kit.accesslog import AccessLog
from punchcard.kit.apidocs import docs_router
from punchcard.kit.bodylimit import BodyLimit, route_limit
from punchcard.kit.headers import SecurityHeaders
from punchcard.kit.hosts import AllowedHosts, allowed_hosts, relative_slash_redirects
from punchcard.kit.http import check_input, install_error_handlers
from punchcard.lotteries.api import router as lotteries_router
from punchcard.pages import http as pages_http
from punchcard.pages import lottery as page_lottery
from punchcard.pages import wallets as page_wallets
from punchcard.pages.api import router as join_links_router
from punchcard.pos.api import connectors_router as pos_connectors_router
from punchcard.pos.api import inbound_router as pos_inbound_router
from punchcard.programs.api import router as programs_router
from punchcard.referrals.api import router as referrals_router
from punchcard.staff.api import router as staff_router
from punchcard.vouchers.api import router as vouchers_router
from punchcard.vouchers.code_api import router as voucher_codes_router
from punchcard.vouchers.tasks import sweep_forever
from punchcard.wallet.apple.api import router as apple_wallet_router
from punchcard.wallet.apple.web_service import router as passkit_router
from punchcard.wallet.design_api import router as wallet_design_router
from punchcard.wallet.google.api import public_router as google_wallet_public_router
from punchcard.wallet.google.api import router as google_wallet_router
from punchcard.webhooks.api import event_types_router, hooks_router, webhooks_router
from punchcard.worker import worker_loops

log = logging.getLogger("punchcard")

DESCRIPTION = """
Punchcard is an open-source loyalty engine: stamp cards, goals and reward vouchers whose
redeem codes any till can take.

Authenticate with a staff-bound API key: `Authorization: Bearer pc_sk_...`.
Errors are RFC 9457 `application/problem+json` with a stable `code`.
State-changing POSTs accept an `Idempotency-Key` header.
"""


def operation_id(route: APIRoute) -> str:
    """The endpoint function's name (`issue_card`), stable when a path changes; the few
    functions that share a name across areas set their own `operation_id`."""
    return route.operation_id or route.name


def _document_webhooks(app: FastAPI) -> None:
    """Every event type's payload in the OpenAPI document's `webhooks` section."""
    for event_type, payload in PAYLOADS.items():

        async def receive(body: payload) -> None:  # type: ignore[valid-type]
            """Documentation only: what your endpoint receives."""

        app.webhooks.post(
            event_type, summary=event_type, description=DESCRIPTIONS[event_type], tags=["Webhooks"]
        )(receive)


# Public endpoints read much less than the API's limit; refused before a byte is read.
PUBLIC_BODY_LIMITS = (
    route_limit(r"^/join/", 4096),  # a filled join form is a few hundred bytes
    route_limit(r"^/c/", 1024),  # the web card's own buttons
    route_limit(r"^/passkit/v1/log$", 65_536),
    route_limit(r"^/passkit/v1/", 4096),  # a registration: a push token
    route_limit(r"^/v1/pos/[^/]+/redeem$", 4096),
    route_limit(r"^/v1/pos/[^/]+/webhook$", 262_144),  # a receipt of up to 500 items
    route_limit(r"^/wallet/google/callbacks$", 16_384),  # a signed callback: a few kilobytes
)


def _install_middleware(app: FastAPI, settings: Settings) -> None:
    """Pure ASGI, outermost first: hosts, then limits before anything reads a body."""
    relative_slash_redirects(app.router)
    # CSV uploads are larger than any JSON body; the import route counts its own limit too.
    uploads = route_limit(r"^/v1/imports$", settings.import_max_upload_bytes)
    app.add_middleware(
        BodyLimit, max_bytes=settings.max_body_bytes, routes=(*PUBLIC_BODY_LIMITS, uploads)
    )
    app.add_middleware(SecurityHeaders, https=settings.public_url.startswith("https://"))
    app.add_middleware(
        AllowedHosts, hosts=allowed_hosts(settings.public_url, settings.allowed_hosts)
    )
    # Always: every request gets an id (X-Request-Id), even with the access log off.
    observe = None
    if settings.metrics_port is not None:  # prometheus-client (1 MB) only when exported
        from punchcard.observability.metrics import RequestMetrics

        observe = RequestMetrics().observe
    app.add_middleware(AccessLog, log_requests=settings.access_log, observe=observe)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.db = Database(settings)
        stop = asyncio.Event()
        sweeper = asyncio.create_task(sweep_forever(app.state.db, settings))
        background = [sweeper]  # the sweep never stops by itself: it is cancelled
        if settings.run_worker:
            for loop in worker_loops(app.state.db, settings):
                background.append(asyncio.create_task(loop(stop)))
        if settings.metrics_port is not None:
            from punchcard.observability.metrics import sample_pool_forever

            pool = sample_pool_forever(app.state.db.engine, stop)
            background.append(asyncio.create_task(pool))
        heap.settle()
        try:
            yield
        finally:
            stop.set()
            sweeper.cancel()
            for task in background:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await channel_registry.close()
            await app.state.db.dispose()

    app = FastAPI(
        title="Punchcard API",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        dependencies=[Depends(check_input)],
        docs_url=None,  # served from the package by kit/apidocs.py, not from a CDN
        redoc_url=None,
        # Operation ids are the endpoint functions' names: the client SDKs' method names.
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    # Who sends a known customer their card link when they join again: a queued delivery.
    app.state.card_link_sender = DeliveryCardLinkSender()
    _install_middleware(app, settings)
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
        lotteries_router,
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
        channels_router,
        campaigns_router,
        referrals_router,
        automations_router,
    ):
        app.include_router(router, prefix="/v1")  # flat: each nesting level costs every request
    app.include_router(passkit_router)  # public: devices authenticate with the pass's token
    app.include_router(google_wallet_public_router)
    app.include_router(pages_http.router)  # public pages: /join/..., /c/...
    app.include_router(page_wallets.router)
    app.include_router(channel_webhooks_router)  # public: signed by each provider
    app.include_router(channel_pages_router)  # public: messenger links, unsubscribe
    app.include_router(health_router)  # /healthz, /readyz
    app.include_router(page_lottery.router)
    dashboard_routes.install(app)  # /dashboard/...: staff pages, signed in with a password
    _document_webhooks(app)
    openapi.install(app)
    app.include_router(docs_router(app.title, app.openapi_url or "/openapi.json"))

    @app.get("/", include_in_schema=False)
    async def root() -> RedirectResponse:
        return RedirectResponse("/docs")

    return app
