"""The wallets a pass update goes to, by configuration: each adapter joins when it is set up."""

from punchcard.config import Settings
from punchcard.wallet.apple.apns import Apns, apns_key_of
from punchcard.wallet.apple.pusher import ApplePusher
from punchcard.wallet.google.config import google_wallet_config
from punchcard.wallet.google.pusher import GooglePusher
from punchcard.wallet.sync import PassPusher


def configured_pushers(settings: Settings) -> list[PassPusher]:
    pushers: list[PassPusher] = []
    apns_key = apns_key_of(settings)
    if apns_key is not None:
        pushers.append(ApplePusher(Apns(settings, apns_key)))
    google = google_wallet_config(settings)
    if google is not None:
        pushers.append(GooglePusher(google))
    return pushers
