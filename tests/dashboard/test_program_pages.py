"""Programs and voucher templates in the dashboard: the same services as the API, bad input
shown at its field with nothing saved, pools filled by CSV, the design preview and poster."""

import io
import re

from PIL import Image

from punchcard.dashboard.programs.preview import HEADER, PADDING
from punchcard.staff.actor import Role
from tests.conftest import Tenant
from tests.dashboard.conftest import Browsing
from tests.support.dashboard import post_form
from tests.support.factories import coffee_program, ok
from tests.support.images import png_base64

NEW_TEMPLATE = "/dashboard/voucher-templates/new"
NEW_PROGRAM = "/dashboard/programs/new"


def _template(title: str, **fields: str) -> dict[str, str]:
    return {"title": title, "code_type": "generated", "length": "8", "formats": "qr", **fields}


async def test_an_owner_creates_a_template_and_a_program_that_the_api_sees(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    made = await post_form(
        owner,
        NEW_TEMPLATE,
        NEW_TEMPLATE,
        _template("Free coffee", prefix="CAFE-", validity_days="30"),
    )
    assert made.status_code == 303, made.text
    template_id = made.headers["location"].split("/")[-1].split("?")[0]
    template = ok(await tenant.client.get(f"/v1/voucher-templates/{template_id}"))
    assert template["redeem_code"] == {
        "type": "generated",
        "prefix": "CAFE-",
        "charset": template["redeem_code"]["charset"],
        "length": 8,
        "postfix": "",
    }
    assert (template["formats"], template["validity_days"]) == (["qr"], 30)

    form = {
        "name": "Coffee card",
        "goal_stamps_0": "10",
        "goal_reward_0": f"template:{template_id}",
        "after_last_goal": "restart",
    }
    program = await post_form(owner, NEW_PROGRAM, NEW_PROGRAM, form)
    assert program.status_code == 303, program.text
    program_id = program.headers["location"].split("/")[-1].split("?")[0]
    found = ok(await tenant.client.get(f"/v1/programs/{program_id}"))
    assert [(g["stamps"], g["template_id"], g["title"]) for g in found["goals"]] == [
        (10, template_id, "Free coffee")
    ]
    listing = await owner.get("/dashboard/programs")
    assert "10 stamps: Free coffee" in listing.text

    page = await owner.get(f"/dashboard/programs/{program_id}")
    join = ok(await tenant.client.get(f"/v1/programs/{program_id}/join-link"))["url"]
    assert join in page.text
    poster = await owner.get(f"/dashboard/programs/{program_id}/join-qr.pdf")
    assert poster.headers["content-type"] == "application/pdf"
    assert poster.content.startswith(b"%PDF")


async def test_bad_input_is_shown_at_its_field_and_nothing_is_made(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    refused = await post_form(
        owner, NEW_TEMPLATE, NEW_TEMPLATE, _template("", code_type="pattern", pattern="NOHASH")
    )
    assert refused.status_code == 422
    assert 'id="title-error"' in refused.text
    assert "NOHASH" in refused.text  # the form comes back as typed
    no_goals = await post_form(owner, NEW_PROGRAM, NEW_PROGRAM, {"name": "Card"})
    assert no_goals.status_code == 422
    assert ok(await tenant.client.get("/v1/voucher-templates"))["data"] == []
    assert ok(await tenant.client.get("/v1/programs"))["data"] == []


async def test_a_pool_template_takes_a_csv_upload_and_shows_its_stock(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    made = await post_form(owner, NEW_TEMPLATE, NEW_TEMPLATE, _template("Gift", code_type="pool"))
    path = made.headers["location"].split("?")[0]
    page = await owner.get(path)
    token = re.search(
        r'action="[^"]+/pool"[^>]*>\s*<input type="hidden" name="csrf_token" value="([^"]+)"',
        page.text,
    )
    assert token
    csv = b"code\nGIFT-1\nGIFT-2\nGIFT-3\n"
    uploaded = await owner.post(
        f"{path}/pool",
        data={"csrf_token": token.group(1)},
        files={"file": ("codes.csv", csv, "text/csv")},
    )
    assert uploaded.status_code == 200, uploaded.text
    assert "3 codes were added to the pool." in uploaded.text
    assert "3 codes left" in uploaded.text
    again = await owner.post(
        f"{path}/pool",
        data={"csrf_token": token.group(1)},
        files={"file": ("codes.csv", csv, "text/csv")},
    )
    assert again.status_code == 409
    template_id = path.rsplit("/", 1)[1]
    pool = ok(await tenant.client.get(f"/v1/voucher-templates/{template_id}/code-pool"))
    assert pool["available"] == 3


async def test_the_design_is_saved_and_the_preview_follows_the_colours(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    template = ok(
        await tenant.client.post(
            "/v1/voucher-templates",
            json={"title": "Cake", "redeem_code": {"type": "fixed", "value": "CAKE"}},
        ),
        201,
    )
    program = ok(
        await tenant.client.post(
            "/v1/programs",
            json={"name": "Cake card", "goals": [{"stamps": 5, "template_id": template["id"]}]},
        ),
        201,
    )
    design = f"/dashboard/programs/{program['id']}/design"
    preview = await owner.get(f"{design}/preview.png?background_color=%23FF0000")
    assert preview.headers["content-type"] == "image/png"
    with Image.open(io.BytesIO(preview.content)) as image:
        assert image.convert("RGB").getpixel((2, 2)) == (255, 0, 0)
    half_typed = await owner.get(f"{design}/preview.png?background_color=%23FF")
    assert half_typed.status_code == 200  # the saved colour meanwhile

    form = {
        "organization_name": "Café Lumen",
        "background_color": "#112233",
        "foreground_color": "#ffffff",
        "label_color": "#eeeeee",
        "stamp_color": "#ffcc00",
        "barcode_format": "qr",
        "website_url": "https://lumen.example",
    }
    saved = await post_form(owner, design, design, form)
    assert saved.status_code == 303, saved.text
    stored = ok(await tenant.client.get(f"/v1/programs/{program['id']}/wallet-design"))
    assert (stored["background_color"], stored["organization_name"]) == ("#112233", "Café Lumen")
    bad = await post_form(owner, design, design, {**form, "website_url": "ftp://x"})
    assert bad.status_code == 422
    assert 'id="website_url-error"' in bad.text


async def test_the_preview_shows_the_business_logo_unless_the_design_has_its_own(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    program = await coffee_program(tenant.client)
    logos = {color: png_base64((300, 90), color) for color in ("#00FF00", "#0000FF")}
    preview = f"/dashboard/programs/{program['id']}/design/preview.png"

    async def logo_pixel() -> tuple[int, ...]:
        with Image.open(io.BytesIO((await owner.get(preview)).content)) as image:
            return image.convert("RGB").getpixel((PADDING + 4, HEADER // 2))  # type: ignore[no-any-return]

    ok(await tenant.client.patch("/v1/business", json={"logo_png": logos["#00FF00"]}))
    assert await logo_pixel() == (0, 255, 0)
    own = {"logo_png": logos["#0000FF"]}
    ok(await tenant.client.put(f"/v1/programs/{program['id']}/wallet-design", json=own))
    assert await logo_pixel() == (0, 0, 255)
