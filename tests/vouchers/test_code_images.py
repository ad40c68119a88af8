"""Every image a voucher's code is drawn as decodes back to the exact code with a standard
barcode reader, in the symbology asked for."""

import httpx
import pytest

from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, template
from tests.support.scanning import scan

MEDIA = {"png": "image/png", "svg": "image/svg+xml"}
SYMBOLOGY = {"qr": "QRCode", "code128": "Code128", "ean13": "EAN13"}


def ean13_check_digit(digits12: str) -> str:
    """GS1 check digit: weights 1, 3, 1, 3, ... from the left of the 12 data digits (written
    apart from the code under test, so a mistake in one does not hide in the other)."""
    return str((10 - sum(int(d) * (1, 3)[i % 2] for i, d in enumerate(digits12)) % 10) % 10)


async def _voucher(api: httpx.AsyncClient, code: str, formats: list[str]) -> dict:  # type: ignore[type-arg]
    the_card = await card(api, (await coffee_program(api))["id"])
    body = {
        "card_id": the_card["id"],
        "custom": {"title": "Gift", "redeem_code": code, "formats": formats},
    }
    return ok(await api.post("/v1/vouchers", json=body), 201)  # type: ignore[no-any-return]


async def _image(
    api: httpx.AsyncClient, voucher_id: str, kind: str, **params: object
) -> httpx.Response:
    response = await api.get(f"/v1/vouchers/{voucher_id}/code.{kind}", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == MEDIA[kind]
    return response


async def _refused(api: httpx.AsyncClient, voucher_id: str, path: str, code: str) -> dict:  # type: ignore[type-arg]
    """The 422 problem of ``GET /v1/vouchers/{voucher_id}/{path}``."""
    return problem(await api.get(f"/v1/vouchers/{voucher_id}/{path}"), 422, code)


@pytest.mark.parametrize("kind", ["png", "svg"])
@pytest.mark.parametrize(
    ("code", "symbology"),
    [
        ("CAFE-7Q2K", "qr"),
        ("BDAY25", "code128"),
        ("991234567890", "code128"),  # a leading "99" is data, not a code set switch
        ("9912", "code128"),
        ("99ABC", "code128"),
        ("99", "code128"),
        ("Gift 100 / €5", "qr"),  # stored upper-case; QR carries any text
        ("grün-äöü", "qr"),  # as UTF-8 with an ECI header: never read as Shift JIS
        ("4006381333931", "ean13"),
        ("4006381333931", "qr"),
    ],
)
async def test_image_decodes_to_the_exact_code(
    tenant: Tenant, kind: str, code: str, symbology: str
) -> None:
    voucher = await _voucher(tenant.client, code, ["text", "qr", "barcode"])
    response = await _image(tenant.client, voucher["id"], kind, format=symbology)
    assert scan(response.content, MEDIA[kind]) == [(voucher["redeem_code"], SYMBOLOGY[symbology])]


SOURCES = [
    {"type": "fixed", "value": "99FREE"},
    {"type": "pattern", "pattern": "99####", "charset": "0123456789"},
    {"type": "generated", "prefix": "99", "length": 8, "charset": "0123456789"},
    {"type": "pool"},
]


@pytest.mark.parametrize("source", SOURCES, ids=[source["type"] for source in SOURCES])
async def test_codes_of_every_template_type_scan_as_code128(
    tenant: Tenant, source: dict[str, str]
) -> None:
    api = tenant.client
    made = await template(api, redeem_code=source, formats=["text", "barcode"])
    if source["type"] == "pool":
        upload = {"codes": ["991234567890"]}
        ok(await api.post(f"/v1/voucher-templates/{made['id']}/code-pool/codes", json=upload), 201)
    the_card = await card(api, (await coffee_program(api))["id"])
    body = {"card_id": the_card["id"], "template_id": made["id"]}
    voucher = ok(await api.post("/v1/vouchers", json=body), 201)
    assert voucher["redeem_code"].startswith("99")
    for kind in MEDIA:
        response = await _image(api, voucher["id"], kind, format="code128")
        assert scan(response.content, MEDIA[kind]) == [(voucher["redeem_code"], "Code128")]


@pytest.mark.parametrize("kind", ["png", "svg"])
async def test_a_12_digit_code_is_drawn_with_its_check_digit(tenant: Tenant, kind: str) -> None:
    voucher = await _voucher(tenant.client, "501234567890", ["barcode"])
    response = await _image(tenant.client, voucher["id"], kind, format="ean13")
    expected = "501234567890" + ean13_check_digit("501234567890")
    assert scan(response.content, MEDIA[kind]) == [(expected, "EAN13")]


@pytest.mark.parametrize("symbology", ["qr", "code128"])
async def test_size_options_change_the_image_and_it_still_scans(
    tenant: Tenant, symbology: str
) -> None:
    voucher = await _voucher(tenant.client, "FREECOOKIE", ["qr", "barcode"])
    small = await _image(tenant.client, voucher["id"], "svg", format=symbology, scale=2)
    extra = {"height": 200} if symbology == "code128" else {}
    large = await _image(tenant.client, voucher["id"], "svg", format=symbology, scale=12, **extra)
    assert small.content != large.content
    assert small.headers["etag"] != large.headers["etag"]
    for response in (small, large):
        assert scan(response.content, "image/svg+xml")[0][0] == "FREECOOKIE"


async def test_text_format_is_the_code_as_is(tenant: Tenant) -> None:
    voucher = await _voucher(tenant.client, "FREECOFFEE", ["text"])
    response = await tenant.client.get(f"/v1/vouchers/{voucher['id']}/code.txt")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == "FREECOFFEE"


async def test_etag_answers_304_and_caching_is_private(tenant: Tenant) -> None:
    voucher = await _voucher(tenant.client, "FREECOOKIE", ["qr"])
    first = await _image(tenant.client, voucher["id"], "png")
    assert first.headers["cache-control"] == "private, max-age=86400"
    again = await tenant.client.get(
        f"/v1/vouchers/{voucher['id']}/code.png",
        headers={"If-None-Match": first.headers["etag"]},
    )
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == first.headers["etag"]


async def test_a_format_the_voucher_does_not_allow_is_refused(tenant: Tenant) -> None:
    voucher = await _voucher(tenant.client, "FREECOOKIE", ["text", "qr"])
    body = await _refused(
        tenant.client, voucher["id"], "code.svg?format=code128", "code_format_not_allowed"
    )
    assert body["allowed"] == ["text", "qr"]
    assert "barcode" in body["detail"]
    only_barcode = await _voucher(tenant.client, "BDAY25", ["barcode"])
    await _refused(tenant.client, only_barcode["id"], "code.png", "code_format_not_allowed")
    await _refused(tenant.client, only_barcode["id"], "code.txt", "code_format_not_allowed")


@pytest.mark.parametrize("code", ["FREECOOKIE", "12345", "4006381333932"])
async def test_ean13_needs_12_digits_or_13_with_the_right_check_digit(
    tenant: Tenant, code: str
) -> None:
    voucher = await _voucher(tenant.client, code, ["barcode"])
    body = await _refused(tenant.client, voucher["id"], "code.png?format=ean13", "code_not_ean13")
    assert body["field"] == "format"


async def test_a_code_code128_cannot_carry_is_422_and_qr_still_works(tenant: Tenant) -> None:
    voucher = await _voucher(tenant.client, "CAFÉ-10", ["qr", "barcode"])
    body = await _refused(
        tenant.client, voucher["id"], "code.svg?format=code128", "code_not_encodable"
    )
    assert (body["field"], "format=qr" in body["detail"]) == ("format", True)
    response = await _image(tenant.client, voucher["id"], "svg", format="qr")
    assert scan(response.content, MEDIA["svg"]) == [("CAFÉ-10", "QRCode")]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("scale=0", "query.scale"),
        ("scale=17", "query.scale"),
        ("scale=big", "query.scale"),
        ("format=code128&height=5", "query.height"),
        ("format=code128&height=601", "query.height"),
        ("format=pdf417", "query.format"),
    ],
)
async def test_bad_size_or_format_is_422_naming_the_parameter(
    tenant: Tenant, query: str, field: str
) -> None:
    voucher = await _voucher(tenant.client, "FREECOOKIE", ["qr", "barcode"])
    body = await _refused(tenant.client, voucher["id"], f"code.svg?{query}", "validation_error")
    assert body["errors"][0]["field"] == field


async def test_height_is_for_bars_only(tenant: Tenant) -> None:
    voucher = await _voucher(tenant.client, "FREECOOKIE", ["qr"])
    body = await _refused(tenant.client, voucher["id"], "code.png?height=100", "validation_error")
    assert body["field"] == "height"


async def test_unknown_voucher_is_404(tenant: Tenant) -> None:
    problem(await tenant.client.get("/v1/vouchers/vch_nope/code.png"), 404, "voucher_not_found")
