"""The "Save to Google Wallet" link: a skinny JWT naming an object that already exists.

The object is written through the REST API first (so it is current and stays small in the
URL); the JWT only says which object and class to save, signed with the service account key.
"""

from datetime import datetime

from punchcard.wallet.google.client import signed_jwt
from punchcard.wallet.google.config import GoogleWalletConfig

SAVE_URL = "https://pay.google.com/gp/v/save/"


def save_url(config: GoogleWalletConfig, *, object_id: str, class_id: str, at: datetime) -> str:
    token = signed_jwt(
        config.account,
        {
            "iss": config.account.client_email,
            "aud": "google",
            "typ": "savetowallet",
            "iat": int(at.timestamp()),
            "origins": list(config.origins),
            "payload": {"loyaltyObjects": [{"id": object_id, "classId": class_id}]},
        },
    )
    return SAVE_URL + token
