"""Wallet passes show the business's name and logo where their program's design has none of
its own: changing either gives exactly those passes new versions, so wallets fetch the change."""

from typing import Any

import pytest

from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.wallet.models import WalletPass
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok
from tests.support.images import png_base64

# The business field changed, and the design field that, when set, shows instead of it.
CHANGES = {
    "logo": ({"logo_png": png_base64((300, 90))}, {"logo_png": png_base64((90, 30))}),
    "name": ({"name": "Café Neu"}, {"organization_name": "Branded Roasters"}),
}


async def held_passes(tenant: Tenant, db: Database, own: dict[str, Any]) -> dict[str, str]:
    """A card of a plain program and one whose design has ``own``, each held in a wallet."""
    api = tenant.client
    plain = await coffee_program(api, name="Plain")
    branded = await coffee_program(api, name="Branded")
    ok(await api.put(f"/v1/programs/{branded['id']}/wallet-design", json=own))
    held = {
        "plain": (await card(api, plain["id"]))["id"],
        "branded": (await card(api, branded["id"]))["id"],
    }
    async with db.transaction() as session:
        for card_id in held.values():
            session.add(
                WalletPass(
                    business_id=tenant.business_id,
                    id=card_id,
                    created_at=utcnow(),
                    updated_at=utcnow(),
                )
            )
    return held


async def versions(tenant: Tenant, db: Database, held: dict[str, str]) -> dict[str, Any]:
    async with db.transaction() as session:
        rows = {
            name: await session.get(WalletPass, (tenant.business_id, card_id))
            for name, card_id in held.items()
        }
    return {name: (row.updated_at, row.push_due_at) for name, row in rows.items() if row}


@pytest.mark.parametrize("change", CHANGES)
async def test_a_change_gives_passes_showing_it_a_new_version(
    tenant: Tenant, db: Database, change: str
) -> None:
    business_field, own = CHANGES[change]
    held = await held_passes(tenant, db, own)
    before = await versions(tenant, db, held)

    ok(await tenant.client.patch("/v1/business", json=business_field))

    after = await versions(tenant, db, held)
    assert after["plain"][0] > before["plain"][0]
    assert after["plain"][1] is not None  # due for a push
    assert after["branded"] == before["branded"]


@pytest.mark.parametrize("change", CHANGES)
async def test_saving_the_same_value_or_another_field_bumps_nothing(
    tenant: Tenant, db: Database, change: str
) -> None:
    business_field, own = CHANGES[change]
    ok(await tenant.client.patch("/v1/business", json=business_field))
    held = await held_passes(tenant, db, own)
    before = await versions(tenant, db, held)

    ok(await tenant.client.patch("/v1/business", json=business_field))
    ok(await tenant.client.patch("/v1/business", json={"imprint_url": "https://cafe.example/i"}))

    assert await versions(tenant, db, held) == before
