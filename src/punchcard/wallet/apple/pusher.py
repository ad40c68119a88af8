"""Apple Wallet's side of a pass update: a push to every device registered for the card."""

import asyncio

from sqlalchemy import delete, select, tuple_

from punchcard.db.base import table_of
from punchcard.db.engine import Database
from punchcard.wallet.apple.apns import Apns
from punchcard.wallet.apple.registrations import DeviceRegistration
from punchcard.wallet.sync import PassRef

registrations = table_of(DeviceRegistration)


class ApplePusher:
    def __init__(self, apns: Apns) -> None:
        self.apns = apns

    async def push(self, db: Database, ref: PassRef) -> None:
        """Push every device at once; drop registrations whose token APNs no longer takes,
        and raise if any device could not be reached (the pass is retried for all)."""
        async with db.transaction() as session:
            devices = (
                await session.execute(
                    select(
                        registrations.c.id,
                        registrations.c.push_token,
                        registrations.c.pass_type_identifier,
                    ).where(
                        registrations.c.business_id == ref.business_id,
                        registrations.c.card_id == ref.card_id,
                    )
                )
            ).all()
        outcomes = await asyncio.gather(
            *(self.apns.notify(token, pass_type) for _, token, pass_type in devices),
            return_exceptions=True,
        )
        # Match the token too: a device that registered again meanwhile keeps its new one.
        gone = [
            (id_, token)
            for (id_, token, _), ok in zip(devices, outcomes, strict=True)
            if ok is False
        ]
        if gone:
            async with db.transaction() as session:
                await session.execute(
                    delete(registrations).where(
                        registrations.c.business_id == ref.business_id,
                        tuple_(registrations.c.id, registrations.c.push_token).in_(gone),
                    )
                )
        failures = [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
        if failures:
            raise failures[0]

    async def close(self) -> None:
        await self.apns.close()
