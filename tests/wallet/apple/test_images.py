"""The strip shows the stamp grid for the count; icon and logo exist even without a design."""

import base64
import io

from PIL import Image

from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.wallet.apple import images
from punchcard.wallet.apple.passes import pkpass_for_card
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, stamp
from tests.support.images import png_bytes
from tests.support.pkpass import unzip

BACKGROUND = (0x10, 0x20, 0x30)
STAMP = (0xF0, 0xC0, 0x40)


def pixels(png: bytes, points: list[tuple[float, float]]) -> list[tuple[int, ...]]:
    with Image.open(io.BytesIO(png)) as image:
        rgb = image.convert("RGB")
        return [rgb.getpixel((round(x), round(y))) for x, y in points]  # type: ignore[misc]


async def test_strip_fills_as_many_stamps_as_the_card_has_at_every_scale(
    tenant: Tenant, db: Database, apple_settings: Settings
) -> None:
    program = await coffee_program(tenant.client)
    design = {"background_color": "#102030", "stamp_color": "#F0C040"}
    ok(await tenant.client.put(f"/v1/programs/{program['id']}/wallet-design", json=design))
    issued = await card(tenant.client, program["id"])
    await stamp(tenant.client, issued["id"], 3)
    async with db.transaction() as session:
        made = await pkpass_for_card(session, apple_settings, tenant.business_id, issued["id"])
    files = unzip(made.content)
    for scale in images.SCALES:
        strip = files[images.scaled_name("strip", scale)]
        with Image.open(io.BytesIO(strip)) as image:
            assert image.size == (375 * scale, 123 * scale)
        centres = pixels(strip, images.stamp_centers(10, scale))
        assert centres == [STAMP] * 3 + [BACKGROUND] * 7  # empty stamps are rings


def test_every_stamp_of_a_large_grid_fits_on_the_strip() -> None:
    for grid in (1, 5, 10, 12, 30):
        radius = images.grid_layout(grid)[2] * 0.4
        for x, y in images.stamp_centers(grid, 1):
            assert radius <= x <= 375 - radius
            assert radius <= y <= 123 - radius


def test_default_icon_and_logo_use_the_design_colours() -> None:
    icon = images.default_icon_png("Test Café", "#102030", "#FFFFFF", 2)
    with Image.open(io.BytesIO(icon)) as image:
        assert image.size == (58, 58)
        assert image.convert("RGB").getpixel((1, 1)) == BACKGROUND
    logo = images.default_logo_png("Test Café", "#F0C040", "#102030", 1)
    assert pixels(logo, [(25, 5)]) == [STAMP]  # the badge, above the initial


async def test_the_design_logo_and_icon_replace_the_defaults(
    tenant: Tenant, db: Database, apple_settings: Settings
) -> None:
    program = await coffee_program(tenant.client)
    logo, icon = io.BytesIO(), io.BytesIO()
    Image.new("RGB", (480, 150), "#AA5500").save(logo, "PNG")
    Image.new("RGB", (87, 87), "#0055AA").save(icon, "PNG")
    design = {
        "logo_png": base64.b64encode(logo.getvalue()).decode(),
        "icon_png": base64.b64encode(icon.getvalue()).decode(),
    }
    ok(await tenant.client.put(f"/v1/programs/{program['id']}/wallet-design", json=design))
    issued = await card(tenant.client, program["id"])
    async with db.transaction() as session:
        made = await pkpass_for_card(session, apple_settings, tenant.business_id, issued["id"])
    files = unzip(made.content)
    for scale in images.SCALES:
        assert files[images.scaled_name("logo", scale)] == logo.getvalue()
        assert files[images.scaled_name("icon", scale)] == icon.getvalue()


async def test_the_business_logo_stands_in_where_the_design_has_none(
    tenant: Tenant, db: Database, apple_settings: Settings
) -> None:
    business_logo, program_logo = png_bytes((300, 90)), png_bytes((480, 150), "#0055AA")
    encoded = base64.b64encode(business_logo).decode()
    ok(await tenant.client.patch("/v1/business", json={"logo_png": encoded}))
    plain = await coffee_program(tenant.client, name="Plain")
    designed = await coffee_program(tenant.client, name="Designed")  # colours, no logo
    branded = await coffee_program(tenant.client, name="Branded")
    design_api = "/v1/programs/{}/wallet-design"
    ok(await tenant.client.put(design_api.format(designed["id"]), json={"stamp_color": "#F0C040"}))
    own = {"logo_png": base64.b64encode(program_logo).decode()}
    ok(await tenant.client.put(design_api.format(branded["id"]), json=own))
    logos = {}
    for program in (plain, designed, branded):
        issued = await card(tenant.client, program["id"])
        async with db.transaction() as session:
            made = await pkpass_for_card(session, apple_settings, tenant.business_id, issued["id"])
        logos[program["name"]] = unzip(made.content)[images.scaled_name("logo", 2)]
    assert logos == {
        "Plain": business_logo,
        "Designed": business_logo,
        "Branded": program_logo,  # a program's own logo wins
    }
