"""What a till's scanner reads from a voucher's barcode names that voucher: a 12-digit code is
drawn as EAN-13 with its check digit appended, so the till sends 13 digits (or 12 as UPC-A,
when the EAN-13 starts with 0). Redeem, validate and the voucher list all read it so; a wrong
check digit names nothing."""

import httpx

from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem
from tests.support.pos import connector, send_signed
from tests.support.scanning import scan


async def _voucher(api: httpx.AsyncClient, code: str, **custom: object) -> dict:  # type: ignore[type-arg]
    """A custom voucher with a unique code (unless ``unique_code=False``: a shared POS code)."""
    the_card = await card(api, (await coffee_program(api))["id"])
    custom = {"title": "Gift", "redeem_code": code, "unique_code": True, **custom}
    body = {"card_id": the_card["id"], "custom": custom}
    return ok(await api.post("/v1/vouchers", json=body), 201)  # type: ignore[no-any-return]


async def _till_reads(api: httpx.AsyncClient, voucher: dict) -> str:  # type: ignore[type-arg]
    """What a scanner decodes from the voucher's EAN-13 image."""
    image = await api.get(f"/v1/vouchers/{voucher['id']}/code.png", params={"format": "ean13"})
    [(text, symbology)] = scan(image.content, "image/png")
    assert symbology == "EAN13"
    return text


async def _failures(api: httpx.AsyncClient) -> int:
    return len(ok(await api.get("/v1/code-lookup-failures"))["data"])


async def test_the_13_digits_a_till_reads_validate_and_redeem_a_12_digit_code(
    tenant: Tenant,
) -> None:
    api = tenant.client
    voucher = await _voucher(api, "501234567891", formats=["barcode"])
    read = await _till_reads(api, voucher)
    assert read == "5012345678917"
    checked = ok(await api.post("/v1/vouchers/validate", json={"code": read}))
    assert (checked["redeemable"], checked["voucher"]["id"]) == (True, voucher["id"])
    redeemed = ok(await api.post("/v1/vouchers/redeem", json={"code": read}))
    assert (redeemed["id"], redeemed["status"]) == (voucher["id"], "redeemed")
    again = problem(
        await api.post("/v1/vouchers/redeem", json={"code": read}), 409, "voucher_already_redeemed"
    )
    assert voucher["id"] in again["detail"]
    assert await _failures(api) == 0


async def test_a_upc_a_reading_of_a_code_starting_with_0_redeems_it(tenant: Tenant) -> None:
    api = tenant.client
    voucher = await _voucher(api, "012345678901", formats=["barcode"])
    read = await _till_reads(api, voucher)
    assert read == "0123456789012"
    upc_a = read[1:]  # tills set to report UPC-A drop the leading 0
    redeemed = ok(await api.post("/v1/vouchers/redeem", json={"code": upc_a}))
    assert redeemed["id"] == voucher["id"]


async def test_a_wrong_check_digit_names_no_voucher_and_counts_as_a_failure(
    tenant: Tenant,
) -> None:
    api = tenant.client
    voucher = await _voucher(api, "501234567891")
    wrong = "5012345678910"  # the right check digit is 7
    problem(await api.post("/v1/vouchers/redeem", json={"code": wrong}), 404, "voucher_not_found")
    checked = ok(await api.post("/v1/vouchers/validate", json={"code": wrong}))
    assert checked["reason"] == "voucher_not_found"
    assert await _failures(api) == 2
    assert ok(await api.get(f"/v1/vouchers/{voucher['id']}"))["status"] == "issued"


async def test_a_code_that_is_a_vouchers_own_code_means_that_voucher(tenant: Tenant) -> None:
    """Two vouchers whose EAN-13 images look alike: the code as sent wins over a reading."""
    api = tenant.client
    short = await _voucher(api, "400638133393")
    full = await _voucher(api, "4006381333931")
    redeemed = ok(await api.post("/v1/vouchers/redeem", json={"code": "4006381333931"}))
    assert redeemed["id"] == full["id"]
    problem(
        await api.post("/v1/vouchers/redeem", json={"code": "4006381333931"}),
        409,
        "voucher_already_redeemed",
    )
    assert ok(await api.get(f"/v1/vouchers/{short['id']}"))["status"] == "issued"
    listed = ok(await api.get("/v1/vouchers", params={"code": "4006381333931"}))["data"]
    assert {voucher["id"] for voucher in listed} == {short["id"], full["id"]}


async def test_a_shared_12_digit_pos_code_redeems_as_scanned_with_the_card(
    tenant: Tenant,
) -> None:
    api = tenant.client
    voucher = await _voucher(api, "501234567891", unique_code=False)
    await _voucher(api, "501234567891", unique_code=False)  # the same POS code, another card
    problem(
        await api.post("/v1/vouchers/redeem", json={"code": "5012345678917"}),
        409,
        "redeem_code_ambiguous",
    )
    body = {"code": "5012345678917", "card_id": voucher["card_id"]}
    assert ok(await api.post("/v1/vouchers/redeem", json=body))["id"] == voucher["id"]


async def test_a_pos_till_redeems_what_it_scanned(tenant: Tenant) -> None:
    api = tenant.client
    voucher = await _voucher(api, "501234567891")
    till = await connector(api, (await coffee_program(api))["id"])
    path = f"/v1/pos/{till['id']}/redeem"
    redeemed = ok(await send_signed(api, path, till["signing_secret"], {"code": "5012345678917"}))
    assert (redeemed["id"], redeemed["redeemed_via"]) == (voucher["id"], "pos")
