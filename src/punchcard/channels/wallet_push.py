"""Wallet push: a message shown on the customer's card in Apple Wallet (a back field whose
``changeMessage`` makes the phone notify), Google Wallet (the object's message list) and the web
card. Sending stores it as the card's latest message and gives the card a new pass version, so
the wallet worker pushes it through the same machinery as a stamp (``wallet.sync``)."""

from typing import Any

from sqlalchemy import select

from punchcard.channels.adapter import (
    Account,
    Answered,
    BadSignature,
    ChannelType,
    Context,
    GiveUp,
    Inbound,
    InboundEvent,
    Keys,
    Message,
    Recipient,
    SendResult,
    Sent,
)
from punchcard.db.base import table_of
from punchcard.kit.clock import utcnow
from punchcard.kit.sql import upsert
from punchcard.wallet.models import WalletMessage, WalletPass
from punchcard.wallet.sync import bump_versions

passes = table_of(WalletPass)
messages = table_of(WalletMessage)
MAX_HEADER = 200


class WalletChannel:
    type: ChannelType = "wallet"
    max_per_second: float | None = None

    async def check(self, context: Context, keys: Keys) -> Account:
        """Nothing to check: pushes go through the server's Apple and Google set-up."""
        return Account({})

    async def connect(self, context: Context, keys: Keys, webhook_url: str) -> None:
        """No webhook."""

    async def disconnect(self, context: Context, keys: Keys) -> None:
        """Nothing to undo."""

    async def send(
        self, context: Context, keys: Keys, recipient: Recipient, message: Message
    ) -> SendResult:
        """``recipient.address`` is the card; it must be held by a wallet (or the web card)."""
        card = (passes.c.business_id == keys.business_id) & (passes.c.id == recipient.address)
        async with context.db.transaction() as session:
            if await session.scalar(select(passes.c.id).where(card)) is None:
                return GiveUp("invalid_address", f"No wallet holds card '{recipient.address}'.")
            row = {
                "business_id": keys.business_id,
                "id": recipient.address,
                "key": message.key,
                "header": (message.subject or None) and message.subject[:MAX_HEADER],
                "body": message.text,
                "sent_at": utcnow(),
            }
            dialect = session.get_bind().dialect.name
            await session.execute(upsert(messages, dialect, row, ["business_id", "id"]))
            await bump_versions(session, card)
        return Sent(message.key)

    def verify(self, keys: Keys, inbound: Inbound) -> None:
        raise BadSignature("Wallet push has no inbound webhook.")

    def events(self, inbound: Inbound) -> list[InboundEvent]:
        return []

    def answer(self, keys: Keys, answered: list[Answered]) -> dict[str, Any] | None:
        return None
