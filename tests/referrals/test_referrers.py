"""Referrers: a code each (generated, or from the program's pool), a link to the join page with
it filled in, and that link as a QR code."""

import re

import httpx

from tests.conftest import Tenant
from tests.support.factories import card, ok, problem
from tests.support.referrals import referral_program, referrer
from tests.support.scanning import scan


async def test_a_referrer_gets_a_random_code_and_a_link_to_the_join_page(
    tenant: Tenant,
) -> None:
    made = await referral_program(
        tenant.client, code={"type": "generated", "prefix": "ADA-", "length": 8}
    )

    ada = await referrer(tenant.client, made)

    assert re.fullmatch(r"ADA-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}", ada["code"])
    join = f"http://127.0.0.1:8000/join/{tenant.business_id}/{made['program_id']}"
    assert ada["link"] == f"{join}?ref={ada['code']}"
    assert (ada["successful_referrals"], ada["rewards"]) == (0, 0)


async def test_enrolling_again_returns_the_same_code(api: httpx.AsyncClient) -> None:
    made = await referral_program(api)
    ada = await referrer(api, made)
    path = f"/v1/referral-programs/{made['id']}/referrers"

    again = await api.post(path, json={"customer_id": ada["customer_id"]})

    assert again.status_code == 200
    assert again.json() == ada
    assert ok(await api.get(f"{path}/{ada['customer_id']}")) == ada
    assert ok(await api.get(path))["data"] == [ada]


async def test_the_qr_code_scans_as_the_referral_link(api: httpx.AsyncClient) -> None:
    ada = await referrer(api, await referral_program(api))

    png = await api.get(ada["qr"], params={"size": 300})
    svg = await api.get(ada["qr"].replace(".png", ".svg"))
    pdf = await api.get(ada["qr"].replace(".png", ".pdf"))

    assert scan(png.content, "image/png") == [(ada["link"], "QRCode")]
    assert scan(svg.content, "image/svg+xml") == [(ada["link"], "QRCode")]
    assert pdf.content.startswith(b"%PDF")


async def test_pool_codes_go_to_referrers_in_upload_order_once_each(
    api: httpx.AsyncClient,
) -> None:
    made = await referral_program(api, code={"type": "pool"})
    upload = f"/v1/referral-programs/{made['id']}/codes"
    uploaded = ok(await api.post(upload, json={"codes": ["friend-0001", "FRIEND-0002"]}), 201)
    assert uploaded["pool"] == {"available": 2, "assigned": 0}

    first, second = await referrer(api, made), await referrer(api, made)

    assert (first["code"], second["code"]) == ("FRIEND-0001", "FRIEND-0002")
    assert ok(await api.get(f"/v1/referral-programs/{made['id']}"))["pool"] == {
        "available": 0,
        "assigned": 2,
    }
    holder = await card(api, made["program_id"])
    empty = await api.post(
        f"/v1/referral-programs/{made['id']}/referrers",
        json={"customer_id": holder["customer_id"]},
    )
    problem(empty, 409, "referral_code_pool_empty")


async def test_pool_uploads_are_all_or_nothing(api: httpx.AsyncClient) -> None:
    made = await referral_program(api, code={"type": "pool"})
    upload = f"/v1/referral-programs/{made['id']}/codes"
    ok(await api.post(upload, json={"codes": ["FRIEND-0001"]}), 201)

    repeated = await api.post(upload, json={"codes": ["FRIEND-0002", "friend-0002"]})
    taken = await api.post(upload, json={"codes": ["FRIEND-0003", "FRIEND-0001"]})
    short = await api.post(upload, json={"codes": ["SHORT"]})
    nul = await api.post(upload, json={"codes": ["FRIEND-\x00001"]})

    assert problem(repeated, 409, "duplicate_codes")["repeated"] == 1
    assert problem(taken, 409, "duplicate_codes")["already_in_business"]["sample"] == [
        "FRIEND-0001"
    ]
    problem(short, 422, "validation_error")
    problem(nul, 422, "validation_error")
    assert ok(await api.get(f"/v1/referral-programs/{made['id']}"))["pool"]["available"] == 1


async def test_a_generated_program_takes_no_uploads(api: httpx.AsyncClient) -> None:
    made = await referral_program(api)

    answer = await api.post(
        f"/v1/referral-programs/{made['id']}/codes", json={"codes": ["FRIEND-0001"]}
    )

    problem(answer, 409, "referral_program_not_pool")


async def test_an_archived_program_enrols_nobody_new(api: httpx.AsyncClient) -> None:
    made = await referral_program(api)
    ada = await referrer(api, made)
    ok(await api.delete(f"/v1/referral-programs/{made['id']}"), 204)
    holder = await card(api, made["program_id"])
    path = f"/v1/referral-programs/{made['id']}/referrers"

    problem(
        await api.post(path, json={"customer_id": holder["customer_id"]}),
        409,
        "referral_program_archived",
    )
    assert ok(await api.post(path, json={"customer_id": ada["customer_id"]})) == ada


async def test_another_business_customer_is_unknown(
    api: httpx.AsyncClient, stranger: Tenant
) -> None:
    made = await referral_program(api)
    theirs = await card(stranger.client, (await referral_program(stranger.client))["program_id"])

    answer = await api.post(
        f"/v1/referral-programs/{made['id']}/referrers",
        json={"customer_id": theirs["customer_id"]},
    )

    problem(answer, 404, "customer_not_found")
