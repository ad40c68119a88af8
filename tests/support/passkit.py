"""Apple Wallet on a device, as the PassKit web service sees it: register, ask what changed,
fetch, unregister; each request signed with the pass's ``ApplePass`` token."""

import itertools
import secrets
from dataclasses import dataclass, field

import httpx

from punchcard.kit.crypto import token_for
from punchcard.wallet.apple.serials import serial_number
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok
from tests.support.pass_certs import PASS_TYPE_IDENTIFIER

PASS_TYPE = PASS_TYPE_IDENTIFIER  # what the test signing identity signs
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

    async def fetch(
        self, held: ApplePass, if_modified_since: str | None = None, pass_type: str = PASS_TYPE
    ) -> httpx.Response:
        headers = self._auth(held.token)
        if if_modified_since:
            headers["If-Modified-Since"] = if_modified_since
        return await self.client.get(f"{BASE}/passes/{pass_type}/{held.serial}", headers=headers)

    async def updated_since(self, tag: str | None = None) -> httpx.Response:
        params = {"passesUpdatedSince": tag} if tag else {}
        return await self.client.get(
            f"{BASE}/devices/{self.library_id}/registrations/{PASS_TYPE}", params=params
        )


_addresses = (f"203.0.113.{n % 250 + 1}" for n in itertools.count())  # TEST-NET-3


def device_of(api: httpx.AsyncClient, address: str | None = None) -> WalletDevice:
    """A device reaching the same server as ``api``, without its staff credentials, from an
    address of its own (registrations are limited per address)."""
    app = api._transport.app  # type: ignore[attr-defined]
    transport = httpx.ASGITransport(app=app, client=(address or next(_addresses), 50000))
    return WalletDevice(httpx.AsyncClient(transport=transport, base_url=str(api.base_url)))


async def apple_pass(tenant: Tenant) -> ApplePass:
    """A new card's pass (coffee program) in the tenant's business."""
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    return ApplePass(tenant.business_id, issued["id"])


async def held_on(tenant: Tenant, devices: int) -> tuple[ApplePass, list[WalletDevice]]:
    """A new card's pass, registered on this many devices."""
    held = await apple_pass(tenant)
    phones = [device_of(tenant.client) for _ in range(devices)]
    for phone in phones:
        ok(await phone.register(held), 201)
    return held, phones
