"""The wallets a pass update goes to, by configuration: each adapter joins when it is set up."""

from punchcard.config import Settings
from punchcard.wallet.google.config import google_wallet_config
from punchcard.wallet.google.pusher import GooglePusher
from punchcard.wallet.sync import PassPusher


def configured_pushers(settings: Settings) -> list[PassPusher]:
    pushers: list[PassPusher] = []
    google = google_wallet_config(settings)
    if google is not None:
        pushers.append(GooglePusher(google))
    return pushers
