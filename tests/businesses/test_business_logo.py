"""The business's logo: set, read back and cleared through PATCH /v1/business, checked as a
card design's logo is (test_business_on_passes: wallet passes showing it get new versions)."""

import base64
import io
import os

import pytest
from PIL import Image

from tests.conftest import Tenant
from tests.support.factories import ok, problem, staff_key
from tests.support.images import png_base64


def noise_png(side: int) -> str:
    """A PNG that does not compress: random pixels."""
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, "PNG")
    return base64.b64encode(out.getvalue()).decode()


async def test_the_logo_is_set_read_back_and_cleared(tenant: Tenant) -> None:
    api = tenant.client
    assert ok(await api.get("/v1/business"))["logo_png"] is None
    logo = png_base64((300, 90))
    updated = ok(await api.patch("/v1/business", json={"logo_png": logo}))
    assert updated["logo_png"] == logo
    assert ok(await api.get("/v1/business"))["logo_png"] == logo
    renamed = ok(await api.patch("/v1/business", json={"name": "Café Nord"}))
    assert renamed["logo_png"] == logo  # a field left out is kept
    cleared = ok(await api.patch("/v1/business", json={"logo_png": None}))
    assert cleared["logo_png"] is None
    assert ok(await api.get("/v1/business"))["logo_png"] is None


@pytest.mark.parametrize(
    "value",
    [
        "not base64!",
        "iVBORw0KGgo\u0000AAAA",
        base64.b64encode(b"plain text").decode(),
        png_base64((40, 40), kind="JPEG"),
        png_base64((2000, 40)),
        noise_png(400),
        123,
        ["iVBORw0KGgo="],
    ],
    ids=[
        "not-base64",
        "nul-byte",
        "not-an-image",
        "jpeg",
        "too-many-pixels",
        "too-big",
        "number",
        "list",
    ],
)
async def test_bad_logo_is_a_422_naming_the_field_and_saves_nothing(
    tenant: Tenant, value: object
) -> None:
    api = tenant.client
    logo = png_base64((120, 40))
    ok(await api.patch("/v1/business", json={"logo_png": logo}))
    response = await api.patch("/v1/business", json={"name": "Renamed", "logo_png": value})
    body = problem(response, 422, "validation_error")
    assert [error["field"] for error in body["errors"]] == ["body.logo_png"]
    business = ok(await api.get("/v1/business"))
    assert (business["name"], business["logo_png"]) == ("Test Café", logo)


async def test_only_owners_change_the_logo_and_each_business_has_its_own(
    tenant: Tenant, stranger: Tenant
) -> None:
    _, manager_key = await staff_key(tenant.client, "manager")
    async with await tenant.client_for(manager_key) as manager:
        refused = await manager.patch("/v1/business", json={"logo_png": png_base64((10, 10))})
        problem(refused, 403, "insufficient_role")
    ok(await stranger.client.patch("/v1/business", json={"logo_png": png_base64((10, 10))}))
    assert ok(await tenant.client.get("/v1/business"))["logo_png"] is None
