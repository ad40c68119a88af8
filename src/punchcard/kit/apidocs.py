"""The interactive API documentation at /docs, served whole from the package: Swagger UI's
files come with the ``swagger-ui-bundle-v2`` package (Apache-2.0), so the page works without
internet and loads nothing from anywhere else (kit/headers.py gives it its own CSP)."""

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse
from starlette.exceptions import HTTPException
from swagger_ui_bundle import swagger_ui_path

ASSETS = "/docs/assets"
# The only files served: Swagger UI's bundle and style, its icon, and our start-up script.
_FILES = {
    "swagger-ui-bundle.js": Path(str(swagger_ui_path)) / "swagger-ui-bundle.js",
    "swagger-ui.css": Path(str(swagger_ui_path)) / "swagger-ui.css",
    "favicon-32x32.png": Path(str(swagger_ui_path)) / "favicon-32x32.png",
    "docs.js": Path(__file__).parent / "static" / "docs.js",
}
_CACHE = "public, max-age=86400"


def _page(title: str, openapi_url: str) -> str:
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - documentation</title>
<link rel="icon" type="image/png" href="{ASSETS}/favicon-32x32.png">
<link rel="stylesheet" href="{ASSETS}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{openapi_url}"></div>
<script src="{ASSETS}/swagger-ui-bundle.js"></script>
<script src="{ASSETS}/docs.js"></script>
</body>
</html>
"""


def docs_router(title: str, openapi_url: str = "/openapi.json") -> APIRouter:
    """The /docs page and its files, for an app titled ``title``."""
    router = APIRouter(include_in_schema=False)
    page = _page(title, openapi_url)

    @router.get("/docs")
    async def docs() -> HTMLResponse:
        return HTMLResponse(page)

    @router.get(ASSETS + "/{name}")
    async def asset(name: str) -> FileResponse:
        path = _FILES.get(name)
        if path is None:
            raise HTTPException(404, "Not Found")
        return FileResponse(path, headers={"Cache-Control": _CACHE})

    return router
