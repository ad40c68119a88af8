"""Start-up checks of the wallet set-up that would otherwise fail quietly on the phone."""

from punchcard.config import Settings


def wallet_url_warning(settings: Settings) -> str | None:
    """Apple Wallet only talks to an https webServiceURL, and Google fetches logos and posts
    callbacks to PUNCHCARD_PUBLIC_URL: with wallets configured, it must be https."""
    wallets = [
        name
        for name, configured in (
            ("Apple Wallet passes", settings.apple_certificate),
            ("Apple Wallet pushes", settings.apns_key),
            ("Google Wallet", settings.google_wallet_issuer_id),
        )
        if configured
    ]
    if not wallets or settings.public_url.startswith("https://"):
        return None
    return (
        f"{' and '.join(wallets)} configured, but PUNCHCARD_PUBLIC_URL is {settings.public_url}: "
        "wallets need an https address they can reach (Apple refuses an http webServiceURL); "
        "set PUNCHCARD_PUBLIC_URL=https://..."
    )
