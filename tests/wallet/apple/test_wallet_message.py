"""A wallet push message on the Apple pass: the first back field, whose change notifies the
phone with the new text (changeMessage "%@"), its default label in pass.strings."""

from punchcard.channels import delivery
from punchcard.channels.adapter import Message
from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.wallet.apple.passes import pkpass_for_card
from punchcard.wallet.web_link import path as card_path
from tests.conftest import Tenant
from tests.support.factories import coffee_program, ok
from tests.support.pkpass import pass_json, unzip


async def test_the_message_is_a_back_field_that_notifies(
    tenant: Tenant, db: Database, apple_settings: Settings
) -> None:
    api = tenant.client
    ok(await api.put("/v1/channels/wallet", json={}))
    program = await coffee_program(api)
    customer = {"email": "ada@example.com", "marketing_consent": True}
    issued = ok(
        await api.post("/v1/cards", json={"program_id": program["id"], "customer": customer}), 201
    )
    opened = await api.get(card_path(tenant.business_id, issued["id"]))  # the web card holds it
    assert opened.status_code == 200
    await delivery.send(
        db,
        tenant.business_id,
        customer_id=issued["customer_id"],
        channel="wallet",
        kind="marketing",
        message=Message(key="dlv_1", text="Double stamps this weekend."),
    )

    async with db.transaction() as session:
        made = await pkpass_for_card(session, apple_settings, tenant.business_id, issued["id"])
    files = unzip(made.content)
    back = pass_json(files)["storeCard"]["backFields"]

    assert back[0] == {
        "key": "message",
        "label": "news",
        "value": "Double stamps this weekend.",
        "changeMessage": "%@",
    }
    strings = files["en.lproj/pass.strings"].decode("utf-16")
    assert '"news" = "News";' in strings
