"""The overview: today's and this month's figures, charts by day, week or month, the same
numbers as a table and as CSV."""

import csv
import io
from datetime import date
from typing import Annotated

from fastapi import Query
from fastapi.responses import Response

from punchcard.dashboard.access import StaffView
from punchcard.dashboard.locations_of import reachable_locations
from punchcard.dashboard.overview.chart import bar_chart
from punchcard.dashboard.overview.text import TEXT
from punchcard.dashboard.rendering import NO_STORE
from punchcard.dashboard.routing import dashboard_router
from punchcard.kit.http import Session
from punchcard.reports.service import Overview, Period, overview

router = dashboard_router()
Location = Annotated[str, Query(alias="location", max_length=64)]


def _label(start: date, period: Period, language: str) -> str:
    if period == "month":
        return start.strftime("%m.%Y" if language == "de" else "%b %Y")
    return start.strftime("%d.%m." if language == "de" else "%d %b")


async def _figures(view: StaffView, session: Session, location: str, by: Period) -> Overview:
    assert view.signed is not None
    return await overview(session, view.signed.actor, location_id=location or None, period=by)


@router.get("/dashboard")
async def overview_page(
    view: StaffView, session: Session, location: Location = "", by: Period = "day"
) -> Response:
    assert view.signed is not None
    found = await _figures(view, session, location, by)
    labels = [_label(start, by, view.language) for start, _ in found.series]
    figures = [figures for _, figures in found.series]
    return view.render(
        "overview/overview.html",
        TEXT,
        found=found,
        by=by,
        labels=labels,
        stamps_chart=bar_chart(labels, [[f.stamps for f in figures]]),
        vouchers_chart=bar_chart(
            labels, [[f.vouchers_issued for f in figures], [f.vouchers_redeemed for f in figures]]
        ),
        locations=await reachable_locations(session, view.signed.actor),
    )


@router.get("/dashboard/overview.csv")
async def overview_csv(
    view: StaffView, session: Session, location: Location = "", by: Period = "day"
) -> Response:
    found = await _figures(view, session, location, by)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "period_start",
            "stamps",
            "new_cards",
            "vouchers_issued",
            "vouchers_redeemed",
            "redemption_rate",
        ]
    )
    for start, figures in found.series:
        rate = figures.redemption_rate
        writer.writerow(
            [
                start.isoformat(),
                figures.stamps,
                figures.cards,
                figures.vouchers_issued,
                figures.vouchers_redeemed,
                "" if rate is None else f"{rate:.3f}",
            ]
        )
    name = f"overview-{by}-{found.location_id or 'all'}.csv"
    headers = {**NO_STORE, "Content-Disposition": f'attachment; filename="{name}"'}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
