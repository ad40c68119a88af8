"""Password links by email, through the business's own email channel when it has one."""

from punchcard.channels import service as channels
from punchcard.channels.adapter import Context, Message, Recipient, Sent
from punchcard.channels.registry import adapter_for
from punchcard.db.engine import Database
from punchcard.kit.ids import new_id


async def send_password_link(
    db: Database, business_id: str, address: str, subject: str, text: str
) -> bool:
    """Whether the email went out: False when the login is no email address or the business
    has no email channel (the owner then hands the link over). Call it after the commit."""
    if "@" not in address:
        return False
    async with db.transaction() as session:
        config = await channels.find_channel(session, business_id, "email")
        keys = channels.keys_of(config) if config is not None else None
    if keys is None:
        return False
    message = Message(key=new_id("msg"), subject=subject, text=text)
    result = await adapter_for("email").send(Context(db), keys, Recipient(address=address), message)
    return isinstance(result, Sent)
