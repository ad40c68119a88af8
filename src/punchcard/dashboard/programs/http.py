"""Programs and voucher templates: goals and rewards, code sources and pools, the wallet
design with its preview, the join link and QR poster."""

from punchcard.dashboard.programs import design, programs, voucher_templates
from punchcard.dashboard.routing import dashboard_router

router = dashboard_router()
for part in (programs.router, voucher_templates.router, design.router):
    router.include_router(part)
