import io

import httpx
from PIL import Image

from tests.conftest import Tenant
from tests.support.factories import coffee_program, ok, problem
from tests.support.scanning import scan


async def test_join_link_names_the_public_join_page(tenant: Tenant) -> None:
    program = await coffee_program(tenant.client)

    link = ok(await tenant.client.get(f"/v1/programs/{program['id']}/join-link"))

    assert link == {"url": f"http://127.0.0.1:8000/join/{tenant.business_id}/{program['id']}"}


async def test_join_qr_scans_as_the_join_link_in_png_and_svg(tenant: Tenant) -> None:
    program = await coffee_program(tenant.client)
    url = ok(await tenant.client.get(f"/v1/programs/{program['id']}/join-link"))["url"]

    png = await tenant.client.get(f"/v1/programs/{program['id']}/join-qr.png", params={"size": 300})
    svg = await tenant.client.get(f"/v1/programs/{program['id']}/join-qr.svg")

    assert png.headers["content-type"] == "image/png"
    assert scan(png.content, "image/png") == [(url, "QRCode")]
    assert 250 <= Image.open(io.BytesIO(png.content)).width <= 300
    assert svg.headers["content-type"] == "image/svg+xml"
    assert scan(svg.content, "image/svg+xml") == [(url, "QRCode")]


async def test_join_qr_as_pdf_for_printing(tenant: Tenant) -> None:
    program = await coffee_program(tenant.client)

    pdf = await tenant.client.get(f"/v1/programs/{program['id']}/join-qr.pdf")

    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


async def test_join_qr_refuses_bad_sizes_and_formats_and_other_programs(
    tenant: Tenant, api: httpx.AsyncClient
) -> None:
    program = await coffee_program(api)
    path = f"/v1/programs/{program['id']}/join-qr"

    too_big = problem(
        await api.get(f"{path}.png", params={"size": 100_000}), 422, "validation_error"
    )
    assert too_big["errors"][0]["field"] == "query.size"
    problem(await api.get(f"{path}.gif"), 422, "validation_error")
    problem(await api.get("/v1/programs/prg_nope/join-qr.png"), 404, "program_not_found")
