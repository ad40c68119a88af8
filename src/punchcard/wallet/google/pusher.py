"""Google Wallet's update channel: after every change of a held card, PATCH its object."""

import contextlib

from punchcard.db.engine import Database
from punchcard.wallet.google.client import NotInWallet
from punchcard.wallet.google.config import GoogleWalletConfig
from punchcard.wallet.google.objects import loyalty_object
from punchcard.wallet.google.service import wallet_client
from punchcard.wallet.sync import PassRef
from punchcard.wallet.view import load_pass_view


class GooglePusher:
    def __init__(self, config: GoogleWalletConfig) -> None:
        self.config = config

    async def push(self, db: Database, ref: PassRef) -> None:
        async with db.transaction() as session:
            view = await load_pass_view(session, ref.business_id, ref.card_id)
        body = loyalty_object(
            view, issuer_id=self.config.issuer_id, public_url=self.config.public_url
        )
        async with wallet_client(self.config) as client:
            # No object: no save link was ever handed out (the link is given only once its
            # object is written), so the card is held by another wallet or the web card alone.
            with contextlib.suppress(NotInWallet):
                await client.patch_object(body["id"], body)

    async def close(self) -> None:
        """Nothing held: each push opens its own client (pushes are rare, per card change)."""
