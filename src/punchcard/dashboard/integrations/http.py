"""API & Integrations: keys, webhooks, the event catalogue, Zapier and Make, POS connectors."""

from punchcard.dashboard.integrations import catalogue, keys, tills, webhooks
from punchcard.dashboard.routing import dashboard_router

router = dashboard_router()
for part in (keys.router, webhooks.router, catalogue.router, tills.router):
    router.include_router(part)
