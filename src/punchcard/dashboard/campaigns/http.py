"""Campaigns, their message templates, and automations."""

from punchcard.dashboard.campaigns import automation_pages, campaign_pages, messages
from punchcard.dashboard.routing import dashboard_router

router = dashboard_router()
for part in (messages.router, campaign_pages.router, automation_pages.router):
    router.include_router(part)
