"""The first page of a service's list, as the API's ``?cursor=`` pages it: a dashboard page
shows the newest ``limit`` rows and a "More" link carrying the next cursor."""

from fastapi import Request

from punchcard.kit.pagination import PageParams

SHOWN = 50


def page_of(request: Request, limit: int = SHOWN) -> PageParams:
    cursor = request.query_params.get("cursor") or None
    return PageParams(limit=limit, cursor=cursor[:64] if cursor else None)
