"""Every dashboard area's router (one line each) and the package's static files."""

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from punchcard.dashboard.account.http import router as account
from punchcard.dashboard.campaigns.http import router as campaigns
from punchcard.dashboard.customers.http import router as customers
from punchcard.dashboard.integrations.http import router as integrations
from punchcard.dashboard.locations.http import router as locations
from punchcard.dashboard.overview.http import router as overview
from punchcard.dashboard.programs.http import router as programs
from punchcard.dashboard.scanner.http import router as scanner
from punchcard.dashboard.settings.http import router as settings
from punchcard.dashboard.staff.http import router as staff

ROUTERS = [
    account,
    overview,
    scanner,
    integrations,
    programs,
    campaigns,
    customers,
    staff,
    locations,
    settings,
]
STATIC = Path(__file__).with_name("static")


def install(app: FastAPI) -> None:
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/dashboard/static", StaticFiles(directory=STATIC), name="dashboard-static")
