"""One message to one customer on one channel, the whole way: where (``reach``), the provider's
answer (``send``), and what a permanent answer means for the customer's link. What campaigns
and automations call per recipient; each returns a value to keep on a delivery row: ``Sent``
(the provider's message id), ``RetryLater`` (with ``retry_after`` when the provider said),
``GiveUp`` (the provider's reason) or ``Skip`` (a stable ``reason``).

No transaction is open while the provider answers.
"""

from punchcard.channels import consent
from punchcard.channels.adapter import (
    MESSENGERS,
    ChannelType,
    Context,
    GiveUp,
    Message,
    MessageKind,
    SendResult,
)
from punchcard.channels.reach import Skip, reach
from punchcard.channels.registry import adapter_for
from punchcard.db.engine import Database
from punchcard.staff.actor import Actor

Outcome = SendResult | Skip


async def send(
    db: Database,
    business_id: str,
    *,
    customer_id: str,
    channel: ChannelType,
    kind: MessageKind,
    message: Message,
    program_id: str | None = None,
) -> Outcome:
    actor = Actor.system(business_id)
    async with db.transaction() as session:
        found = await reach(
            session,
            actor,
            customer_id=customer_id,
            channel=channel,
            kind=kind,
            has_template=message.template is not None,
            program_id=program_id,
        )
    if isinstance(found, Skip):
        return found
    result = await adapter_for(channel).send(Context(db), found.keys, found.recipient, message)
    if isinstance(result, GiveUp) and result.address_dead and channel in MESSENGERS:
        async with db.transaction() as session:  # a blocked bot or unknown chat: drop the link
            await consent.unlink(
                session, business_id, channel, found.recipient.address, "provider_blocked"
            )
    return result
