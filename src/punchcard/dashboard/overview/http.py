"""The overview: the first page after signing in."""

from fastapi.responses import Response

from punchcard.dashboard.access import StaffView
from punchcard.dashboard.overview.text import TEXT
from punchcard.dashboard.routing import dashboard_router

router = dashboard_router()


@router.get("/dashboard")
async def overview(view: StaffView) -> Response:
    return view.render("overview/overview.html", TEXT)
