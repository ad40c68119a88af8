"""Google Wallet's update channel: after every change of a held card, PATCH its object, and
its program's class when the class's look (design, business name or logo) changed since this
process last sent it."""

import contextlib
import hashlib
import json
from typing import Any

from punchcard.db.engine import Database
from punchcard.wallet.google.client import NotInWallet, WalletClient
from punchcard.wallet.google.config import GoogleWalletConfig
from punchcard.wallet.google.objects import loyalty_class, loyalty_object
from punchcard.wallet.google.service import wallet_client
from punchcard.wallet.sync import PassRef
from punchcard.wallet.view import load_pass_view


class GooglePusher:
    def __init__(self, config: GoogleWalletConfig) -> None:
        self.config = config
        # class id -> digest of the body last sent: a look change costs one PATCH per program,
        # not one per card (after a restart, each class is sent once more with its first card).
        self.classes_sent: dict[str, bytes] = {}

    async def push(self, db: Database, ref: PassRef) -> None:
        async with db.transaction() as session:
            view = await load_pass_view(session, ref.business_id, ref.card_id)
        where = {"issuer_id": self.config.issuer_id, "public_url": self.config.public_url}
        body, program = loyalty_object(view, **where), loyalty_class(view, **where)
        async with wallet_client(self.config) as client:
            # No object: no save link was ever handed out (the link is given only once its
            # object is written), so the card is held by another wallet or the web card alone.
            with contextlib.suppress(NotInWallet):
                await client.patch_object(body["id"], body)
                await self._class_as_shown(client, program)

    async def _class_as_shown(self, client: WalletClient, program: dict[str, Any]) -> None:
        body = json.dumps(program, sort_keys=True).encode()
        digest = hashlib.blake2b(body, digest_size=16).digest()
        if self.classes_sent.get(program["id"]) != digest:
            await client.patch_class(program["id"], program)
            self.classes_sent[program["id"]] = digest

    async def close(self) -> None:
        """Nothing held: each push opens its own client (pushes are rare, per card change)."""
