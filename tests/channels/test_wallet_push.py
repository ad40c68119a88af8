"""Wallet push: a message becomes the card's latest, the pass gets a new version due for a push,
and every face of the card shows it (Google's message list, the web card; Apple's field is in
tests/wallet/apple/test_wallet_message.py)."""

import httpx
from sqlalchemy import select

from punchcard.channels import delivery
from punchcard.channels.adapter import Message, Sent
from punchcard.channels.reach import Skip
from punchcard.db.engine import Database
from punchcard.wallet.google.objects import loyalty_object
from punchcard.wallet.models import WalletPass
from punchcard.wallet.view import load_pass_view
from tests.channels.conftest import Member, member, set_up
from tests.conftest import Tenant

NEWS = Message(key="dlv_42", subject="This weekend", text="Double stamps on every coffee.")


async def holder(tenant: Tenant, public: httpx.AsyncClient) -> Member:
    """A customer who agreed to news and opened their card (the web card holds it)."""
    await set_up(tenant.client, "wallet", {})
    customer = await member(tenant, marketing_consent=True)
    assert (await public.get(customer.card_path)).status_code == 200
    return customer


async def push(db: Database, tenant: Tenant, customer: Member, message: Message = NEWS) -> object:
    return await delivery.send(
        db,
        tenant.business_id,
        customer_id=customer.customer_id,
        channel="wallet",
        kind="marketing",
        message=message,
    )


async def version(db: Database, tenant: Tenant, card_id: str) -> WalletPass:
    async with db.transaction() as session:
        found = await session.scalar(
            select(WalletPass).where(
                WalletPass.business_id == tenant.business_id, WalletPass.id == card_id
            )
        )
    assert found is not None
    return found


async def test_a_message_becomes_the_cards_latest_and_is_due_for_a_push(
    tenant: Tenant, public: httpx.AsyncClient, db: Database
) -> None:
    customer = await holder(tenant, public)
    before = await version(db, tenant, customer.card_id)

    result = await push(db, tenant, customer)

    assert result == Sent("dlv_42")
    after = await version(db, tenant, customer.card_id)
    assert after.updated_at > before.updated_at
    assert after.push_due_at is not None
    async with db.transaction() as session:
        view = await load_pass_view(session, tenant.business_id, customer.card_id)
    assert view.message is not None
    assert (view.message.header, view.message.body) == ("This weekend", NEWS.text)


async def test_google_wallet_shows_it_in_the_objects_messages_and_notifies(
    tenant: Tenant, public: httpx.AsyncClient, db: Database
) -> None:
    customer = await holder(tenant, public)
    await push(db, tenant, customer)

    async with db.transaction() as session:
        view = await load_pass_view(session, tenant.business_id, customer.card_id)
    shown = loyalty_object(view, issuer_id="3388000000022222228", public_url="https://cafe.example")

    assert shown["messages"] == [
        {
            "id": "dlv_42",
            "header": "This weekend",
            "body": "Double stamps on every coffee.",
            "messageType": "TEXT_AND_NOTIFY",
        }
    ]


async def test_the_next_message_replaces_the_last(
    tenant: Tenant, public: httpx.AsyncClient, db: Database
) -> None:
    customer = await holder(tenant, public)
    await push(db, tenant, customer)

    await push(db, tenant, customer, Message(key="dlv_43", text="Closed on Monday."))

    page = (await public.get(customer.card_path)).text
    assert "Closed on Monday." in page
    assert "Double stamps" not in page
    assert "News" in page  # no subject: the catalogue's heading


async def test_a_customer_whose_card_no_wallet_holds_is_not_linked(
    tenant: Tenant, db: Database
) -> None:
    await set_up(tenant.client, "wallet", {})
    customer = await member(tenant, marketing_consent=True)

    result = await push(db, tenant, customer)

    assert result == Skip("not_linked", "The customer has no wallet address.")


async def test_a_test_message_to_a_card_no_wallet_holds_fails(api: httpx.AsyncClient) -> None:
    await set_up(api, "wallet", {})

    answer = await api.post("/v1/channels/wallet/test", json={"address": "card_01nothere"})

    assert answer.json()["status"] == "failed"
    assert answer.json()["reason"] == "invalid_address"
