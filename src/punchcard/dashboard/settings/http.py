"""Settings: the business's name, time zone, links and logo; its Apple Wallet signing identity
(uploaded, with its expiry and a warning a month ahead); Google Wallet's status; the public
address. Owners only: the services refuse everyone else."""

import base64
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import available_timezones

from fastapi.responses import RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData, UploadFile

from punchcard.businesses import service as businesses
from punchcard.businesses.schemas import BusinessUpdate
from punchcard.dashboard.access import StaffView, posted_form
from punchcard.dashboard.forms import parse, refusal
from punchcard.dashboard.rendering import View, form_values
from punchcard.dashboard.routing import dashboard_router
from punchcard.dashboard.settings.text import TEXT
from punchcard.kit.errors import NotFound, ProblemError
from punchcard.kit.http import AppSettings, Session
from punchcard.kit.png import MAX_IMAGE_BYTES
from punchcard.pages.templating import png_data_uri
from punchcard.pages.wallets import google_ready
from punchcard.wallet.apple import signing_service
from punchcard.wallet.apple.schemas import AppleSigningIn

router = dashboard_router()
WARN_BEFORE = timedelta(days=30)
BUSINESS_FIELDS = ("name", "timezone", "privacy_policy_url", "imprint_url")
MAX_PEM_BYTES = 20_000
ZONES = sorted(zone for zone in available_timezones() if "/" in zone and not zone.startswith("Etc"))


async def _apple(session: AsyncSession, view: View, settings: AppSettings) -> dict[str, Any] | None:
    assert view.signed is not None
    try:
        return await signing_service.get_signing(session, view.signed.actor, settings)
    except NotFound:
        return None


async def _page(
    view: View,
    session: AsyncSession,
    settings: AppSettings,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    apple_errors: dict[str, str] | None = None,
    logo_errors: dict[str, str] | None = None,
) -> Response:
    assert view.signed is not None
    business = await businesses.get_business(session, view.signed.actor)
    apple = await _apple(session, view, settings)
    expires = apple["certificate_expires_at"] if apple else None
    now = datetime.now(UTC)
    return view.render(
        "settings/settings.html",
        TEXT,
        status_code=422 if errors or apple_errors or logo_errors else 200,
        values=values or {name: getattr(business, name) or "" for name in BUSINESS_FIELDS},
        errors=errors or {},
        logo=png_data_uri(business.logo_png) if business.logo_png else None,
        logo_errors=logo_errors or {},
        apple=apple,
        apple_errors=apple_errors or {},
        expired=expires is not None and expires <= now,
        expires_soon=expires is not None and now < expires <= now + WARN_BEFORE,
        google=google_ready(),
        zones=ZONES,
        public_url=settings.public_url,
        done=view.request.query_params.get("done"),
    )


@router.get("/dashboard/settings")
async def settings_page(view: StaffView, session: Session, settings: AppSettings) -> Response:
    return await _page(view, session, settings)


@router.post("/dashboard/settings")
async def change_business(view: StaffView, session: Session, settings: AppSettings) -> Response:
    assert view.signed is not None
    values = form_values(await posted_form(view), *BUSINESS_FIELDS)
    data, errors = parse(BusinessUpdate, values)
    if data is None:
        return await _page(view, session, settings, values, errors)
    cleared = {name: None for name in ("privacy_policy_url", "imprint_url") if not values[name]}
    await businesses.update_business(
        session, view.signed.actor, data=data.model_copy(update=cleared)
    )
    return RedirectResponse("/dashboard/settings?done=saved", status_code=303)


@router.post("/dashboard/settings/logo")
async def upload_logo(view: StaffView, session: Session, settings: AppSettings) -> Response:
    assert view.signed is not None
    upload = (await posted_form(view)).get("logo_png")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return await _page(view, session, settings, logo_errors={"logo_png": "file_missing"})
    # As base64, the way the API takes it: the schema checks size, kind and pixels.
    given = base64.b64encode(await upload.read(MAX_IMAGE_BYTES + 1)).decode()
    data, errors = parse(BusinessUpdate, {"logo_png": given})
    if data is None:
        return await _page(view, session, settings, logo_errors=errors)
    await businesses.update_business(session, view.signed.actor, data=data)
    return RedirectResponse("/dashboard/settings?done=logo", status_code=303)


@router.post("/dashboard/settings/logo/remove")
async def remove_logo(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    await posted_form(view)
    data = BusinessUpdate.model_validate({"logo_png": None})
    await businesses.update_business(session, view.signed.actor, data=data)
    return RedirectResponse("/dashboard/settings", status_code=303)


async def _text_of(form: FormData, name: str) -> str:
    """An uploaded file's text ('' when none was chosen); PEM files are small."""
    upload = form.get(name)
    if not isinstance(upload, UploadFile):
        return str(upload or "")
    return (await upload.read(MAX_PEM_BYTES + 1)).decode("utf-8", "replace")


@router.post("/dashboard/settings/apple")
async def upload_apple(view: StaffView, session: Session, settings: AppSettings) -> Response:
    assert view.signed is not None
    form = await posted_form(view)
    fields = {
        "certificate": await _text_of(form, "certificate"),
        "key": await _text_of(form, "key"),
        "wwdr_certificate": await _text_of(form, "wwdr_certificate"),
        "key_password": str(form.get("key_password") or ""),
    }
    data, errors = parse(AppleSigningIn, fields)
    if data is None:
        missing = {name: "file_missing" for name in errors if errors[name] == "error_required"}
        return await _page(view, session, settings, apple_errors=errors | missing)
    try:
        async with session.begin_nested():
            await signing_service.put_signing(session, view.signed.actor, settings, data=data)
    except ProblemError as error:
        if error.status == 403:
            raise
        return await _page(view, session, settings, apple_errors=refusal(error))
    return RedirectResponse("/dashboard/settings?done=apple", status_code=303)


@router.post("/dashboard/settings/apple/remove")
async def remove_apple(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    await posted_form(view)
    await signing_service.delete_signing(session, view.signed.actor)
    return RedirectResponse("/dashboard/settings", status_code=303)
