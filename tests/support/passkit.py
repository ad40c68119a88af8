"""Apple Wallet on a device, as the PassKit web service sees it: register, ask what changed,
fetch, unregister; each request signed with the pass's ``ApplePass`` token."""

import secrets
from dataclasses import dataclass, field

import httpx

from punchcard.kit.crypto import token_for
from punchcard.wallet.apple.serials import serial_number

PASS_TYPE = "pass.dev.punchcard.test"
BASE = "/passkit/v1"


@dataclass(frozen=True)
class ApplePass:
    """What Wallet reads from a card's pass.json: its serial number and token."""

    business_id: str
    card_id: str

    @property
    def serial(self) -> str:
        return serial_number(self.business_id, self.card_id)

    @property
    def token(self) -> str:
        return token_for("apple-pass", self.card_id)


@dataclass
class WalletDevice:
    client: httpx.AsyncClient  # no staff credentials: devices are anonymous
    library_id: str = field(default_factory=lambda: secrets.token_hex(16))
    push_token: str = field(default_factory=lambda: secrets.token_hex(32))

    def _path(self, held: ApplePass) -> str:
        return f"{BASE}/devices/{self.library_id}/registrations/{PASS_TYPE}/{held.serial}"

    @staticmethod
    def _auth(token: str) -> dict[str, str]:
        return {"Authorization": f"ApplePass {token}"}

    async def register(self, held: ApplePass, token: str | None = None) -> httpx.Response:
        return await self.client.post(
            self._path(held),
            json={"pushToken": self.push_token},
            headers=self._auth(token or held.token),
        )

    async def unregister(self, held: ApplePass) -> httpx.Response:
        return await self.client.delete(self._path(held), headers=self._auth(held.token))

    async def updated_since(self, tag: str | None = None) -> httpx.Response:
        params = {"passesUpdatedSince": tag} if tag else {}
        return await self.client.get(
            f"{BASE}/devices/{self.library_id}/registrations/{PASS_TYPE}", params=params
        )


def device_of(api: httpx.AsyncClient) -> WalletDevice:
    """A device reaching the same server as ``api``, without its staff credentials."""
    return WalletDevice(httpx.AsyncClient(transport=api._transport, base_url=str(api.base_url)))
