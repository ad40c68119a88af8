"""The customer's channel_flags stay what their channel rows and wallet passes say, on every path
that writes those (consent recorded or upserted, messenger link, relink, STOP, blocked bot,
wallet save, erasure), and the audience counts that read the flags follow each change."""

import asyncio
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import select, update

from punchcard.cards.models import Card
from punchcard.channels import flags
from punchcard.channels.models import CustomerChannel
from punchcard.customers.models import Customer
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.wallet.models import WalletPass
from tests.channels.conftest import TELEGRAM, Member, Providers, member, set_up
from tests.channels.test_telegram import CHAT, linked_member, post_update, start_token
from tests.conftest import Tenant
from tests.support.factories import ok
from tests.support.fake_telegram import blocked_update, message_update


async def _count(api: httpx.AsyncClient, **audience: Any) -> int:
    return ok(await api.post("/v1/audiences/count", json=audience))["customers"]  # type: ignore[no-any-return]


async def assert_mirrored(db: Database, business_id: str) -> None:
    """Every customer's flags are the bits their rows give (recomputed here from the rows), and
    the cards in a wallet are those with a pass."""
    expected: dict[str, int] = {}
    async with db.transaction() as session:
        mine = select(Customer.id, Customer.channel_flags).where(
            Customer.business_id == business_id
        )
        stored = {row.id: row.channel_flags for row in await session.execute(mine)}
        for row in await session.scalars(
            select(CustomerChannel).where(CustomerChannel.business_id == business_id)
        ):
            bits = flags.CONSENT[row.channel] if row.consent == "granted" else 0  # type: ignore[index]
            if row.address is not None:
                bits |= flags.LINKED[row.channel]  # type: ignore[index]
            expected[row.customer_id] = expected.get(row.customer_id, 0) | bits
        passes = select(WalletPass.id).where(WalletPass.business_id == business_id)
        held = set(await session.scalars(passes))
        in_wallet = await session.execute(
            select(Card.id, Card.in_wallet).where(Card.business_id == business_id)
        )
        assert {card.id for card in in_wallet if card.in_wallet} == held
    assert stored == {customer: expected.get(customer, 0) for customer in stored}


async def test_consent_recorded_or_upserted_moves_the_counts(tenant: Tenant, db: Database) -> None:
    api = tenant.client
    customer = await member(tenant, email="ada@example.com", marketing_consent=True)
    await member(tenant)  # no consent anywhere
    assert (await _count(api, consent="email"), await _count(api, consent="wallet")) == (1, 1)

    path = f"/v1/customers/{customer.customer_id}"
    ok(await api.patch(path, json={"consents": {"email": False, "viber": True}}))
    assert (await _count(api, consent="email"), await _count(api, consent="viber")) == (0, 1)
    assert await _count(api, reachable_on="viber") == 0  # consent, but no Viber user linked
    await assert_mirrored(db, tenant.business_id)

    ok(
        await api.post(
            "/v1/customers", json={"email": "ada@example.com", "marketing_consent": False}
        )
    )
    assert [await _count(api, consent=channel) for channel in flags.CONSENT] == [0] * 5
    await assert_mirrored(db, tenant.business_id)


async def test_bulk_upsert_carries_consent_to_the_counts(tenant: Tenant, db: Database) -> None:
    api = tenant.client
    rows = [{"email": f"bulk{n}@example.com", "marketing_consent": n % 2 == 0} for n in range(6)]
    ok(await api.post("/v1/customers/bulk", json={"customers": rows}))

    assert await _count(api, reachable_on="email") == 3
    await assert_mirrored(db, tenant.business_id)


async def test_linking_stopping_and_blocking_telegram_move_its_reach(
    tenant: Tenant, db: Database, providers: Providers
) -> None:
    api = tenant.client
    await linked_member(tenant, providers)
    webhook = providers.telegram.webhook
    assert await _count(api, reachable_on="telegram") == 1
    await assert_mirrored(db, tenant.business_id)

    ok(await post_update(providers, webhook, message_update(CHAT, "/stop")))
    assert (await _count(api, reachable_on="telegram"), await _count(api, consent="telegram")) == (
        0,
        0,
    )
    await assert_mirrored(db, tenant.business_id)

    other = await member(tenant)
    token = await start_token(providers, other.card_path)
    ok(await post_update(providers, webhook, message_update(CHAT, f"/start {token}")))
    assert await _count(api, reachable_on="telegram") == 1
    ok(await post_update(providers, webhook, blocked_update(CHAT)))
    assert await _count(api, reachable_on="telegram") == 0
    await assert_mirrored(db, tenant.business_id)


async def test_a_chat_linked_by_another_customer_leaves_the_first(
    tenant: Tenant, db: Database, providers: Providers
) -> None:
    first = await linked_member(tenant, providers)
    second = await member(tenant)
    token = await start_token(providers, second.card_path)

    update = message_update(CHAT, f"/start {token}")
    ok(await post_update(providers, providers.telegram.webhook, update))

    assert await _count(tenant.client, reachable_on="telegram") == 1
    shown = ok(await tenant.client.get(f"/v1/customers/{first.customer_id}"))
    assert shown["channels"]["telegram"]["address"] is None
    await assert_mirrored(db, tenant.business_id)


async def _opened(tenant: Tenant, public: httpx.AsyncClient, **customer: Any) -> Member:
    made = await member(tenant, **customer)
    assert (await public.get(made.card_path)).status_code == 200  # the web card holds it
    return made


async def test_a_card_in_a_wallet_makes_a_consenting_customer_reachable(
    tenant: Tenant, db: Database, public: httpx.AsyncClient
) -> None:
    await set_up(tenant.client, "wallet", {})
    await member(tenant, marketing_consent=True)  # consent, card never opened
    await _opened(tenant, public)  # opened, no consent
    assert await _count(tenant.client, reachable_on="wallet") == 0

    held = await _opened(tenant, public, marketing_consent=True)

    assert await _count(tenant.client, reachable_on="wallet") == 1
    await assert_mirrored(db, tenant.business_id)
    async with db.transaction() as session:  # the card in the wallet runs out
        await session.execute(
            update(Card)
            .where(Card.business_id == tenant.business_id, Card.id == held.card_id)
            .values(expires_at=utcnow() - timedelta(days=1))
        )
    assert await _count(tenant.client, reachable_on="wallet") == 0


async def test_erasure_drops_the_channels_but_not_the_card_in_a_wallet(
    tenant: Tenant, db: Database, public: httpx.AsyncClient
) -> None:
    customer = await _opened(tenant, public, marketing_consent=True)

    ok(await tenant.client.delete(f"/v1/customers/{customer.customer_id}"), 204)

    assert (await _count(tenant.client, consent="wallet"), await _count(tenant.client)) == (0, 1)
    await assert_mirrored(db, tenant.business_id)  # their card is still in a wallet


async def test_concurrent_consent_changes_and_upserts_of_one_customer_stay_mirrored(
    tenant: Tenant, db: Database
) -> None:
    """Consent patches per channel race upserts flipping the general consent (which lock the
    customer first, then the channel rows): none fails and the flags end as the rows do."""
    api = tenant.client
    customer = await member(tenant, email="ada@example.com", phone="+4915112345678")
    path = f"/v1/customers/{customer.customer_id}"
    calls = []
    for n in range(24):
        channel = ("email", "wallet", "viber")[n % 3]
        calls.append(api.patch(path, json={"consents": {channel: n % 2 == 0}}))
        general = {"email": "ada@example.com", "marketing_consent": n % 4 < 2}
        calls.append(api.post("/v1/customers", json=general))

    answers = await asyncio.gather(*calls)

    assert [answer.status_code for answer in answers if answer.status_code >= 300] == []
    await assert_mirrored(db, tenant.business_id)


async def test_two_customers_swapping_telegram_chats_at_once_never_deadlock(
    tenant: Tenant, db: Database, providers: Providers
) -> None:
    """Each chat starts the other customer's link at the same moment, round after round: every
    update is taken, and each customer ends with exactly one of the chats."""
    await set_up(tenant.client, "telegram", TELEGRAM)
    webhook = providers.telegram.webhook
    people = [await member(tenant), await member(tenant)]
    holder = {CHAT: people[0], CHAT + 1: people[1]}
    for chat, person in holder.items():
        providers.telegram.known.add(str(chat))
        start = f"/start {await start_token(providers, person.card_path)}"
        ok(await post_update(providers, webhook, message_update(chat, start)))

    for _ in range(8):
        swapped = {CHAT: holder[CHAT + 1], CHAT + 1: holder[CHAT]}
        starts = {
            chat: f"/start {await start_token(providers, person.card_path)}"
            for chat, person in swapped.items()
        }
        answers = await asyncio.gather(
            *(post_update(providers, webhook, message_update(c, s)) for c, s in starts.items())
        )
        assert [answer.status_code for answer in answers] == [200, 200]
        holder = swapped

    for chat, person in holder.items():
        shown = ok(await tenant.client.get(f"/v1/customers/{person.customer_id}"))
        assert shown["channels"]["telegram"]["address"] == str(chat)
    await assert_mirrored(db, tenant.business_id)
