"""The wallets a pass update goes to, by configuration: each adapter joins when it is set up."""

from punchcard.config import Settings
from punchcard.wallet.sync import PassPusher


def configured_pushers(settings: Settings) -> list[PassPusher]:
    pushers: list[PassPusher] = []
    return pushers
