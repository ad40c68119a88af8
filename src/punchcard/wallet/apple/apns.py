"""Apple Push Notification service, as Wallet passes use it: an empty push on the pass type
identifier's topic tells a device "ask what changed". HTTP/2 with provider token auth (an
ES256 JWT signed with the team's .p8 key), one connection reused by every push of a process."""

import asyncio
import ssl
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import jwt
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from punchcard.config import Settings

# Apple refuses a provider token older than an hour and one renewed more than every 20 min.
TOKEN_REUSE_SECONDS = 50 * 60
MAX_IN_FLIGHT = 100  # concurrent pushes per process, well under APNs's streams per connection
STORE_FOR_SECONDS = 24 * 3600  # an offline device still learns of the update within a day


class ApnsError(Exception):
    """APNs did not take the push; the pass is pushed again later."""


@dataclass(frozen=True)
class ApnsKey:
    key_id: str
    team_id: str
    private_key: ec.EllipticCurvePrivateKey


def apns_key_of(settings: Settings) -> ApnsKey | None:
    """The configured signing key, or None when APNs is not set up."""
    pem, key_id, team_id = settings.apns_key, settings.apns_key_id, settings.apns_team_id
    if not (pem or key_id or team_id):
        return None
    if not (pem and key_id and team_id):
        raise ValueError(
            "APNs is half configured: set PUNCHCARD_APNS_KEY, PUNCHCARD_APNS_KEY_ID and "
            "PUNCHCARD_APNS_TEAM_ID together"
        )
    if not pem.lstrip().startswith("-----BEGIN"):
        pem = Path(pem).read_text()
    key = load_pem_private_key(pem.encode(), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
        raise ValueError("PUNCHCARD_APNS_KEY must be an APNs auth key (.p8, EC P-256)")
    return ApnsKey(key_id, team_id, key)


class ProviderToken:
    """The JWT that authenticates our pushes, made again every 50 minutes."""

    def __init__(self, key: ApnsKey) -> None:
        self.key = key
        self._token = ""
        self._issued_at = 0.0

    def current(self) -> str:
        now = time.time()
        if now - self._issued_at >= TOKEN_REUSE_SECONDS:
            claims = {"iss": self.key.team_id, "iat": int(now)}
            headers = {"kid": self.key.key_id}
            self._token = jwt.encode(claims, self.key.private_key, "ES256", headers=headers)
            self._issued_at = now
        return self._token

    def expire(self) -> None:
        self._issued_at = 0.0


class Apns:
    def __init__(self, settings: Settings, key: ApnsKey) -> None:
        self.token = ProviderToken(key)
        self.http = httpx.AsyncClient(
            base_url=settings.apns_base_url,
            http2=True,
            verify=ssl.create_default_context(cafile=settings.apns_ca_file),
            timeout=settings.apns_timeout_seconds,
        )
        self.slots = asyncio.Semaphore(MAX_IN_FLIGHT)

    async def notify(self, push_token: str, pass_type_identifier: str) -> bool:
        """Tell the device the pass changed; False when APNs says the token is no longer
        valid (the device removed the pass or Wallet), so its registration can go."""
        headers = {
            "authorization": f"bearer {self.token.current()}",
            "apns-topic": pass_type_identifier,
            "apns-push-type": "background",  # nothing to show: Wallet fetches the pass
            "apns-priority": "5",  # background pushes must use 5
            "apns-expiration": str(int(time.time()) + STORE_FOR_SECONDS),
        }
        async with self.slots:
            response = await self.http.post(
                f"/3/device/{push_token}", content=b"{}", headers=headers
            )
        if response.status_code == 200:
            return True
        reason = _reason(response)
        if response.status_code == 410 or (
            response.status_code == 400 and reason == "BadDeviceToken"
        ):
            return False
        if response.status_code == 403:
            if reason == "ExpiredProviderToken":
                self.token.expire()
            raise ApnsError(
                f"APNs refused our credentials ({reason}): check PUNCHCARD_APNS_KEY, "
                "PUNCHCARD_APNS_KEY_ID and PUNCHCARD_APNS_TEAM_ID"
            )
        raise ApnsError(f"APNs answered {response.status_code} ({reason})")

    async def close(self) -> None:
        await self.http.aclose()


def _reason(response: httpx.Response) -> str:
    try:
        return str(response.json().get("reason") or "no reason given")
    except ValueError:
        return "no reason given"
