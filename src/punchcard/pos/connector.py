"""The connector interface: a till's webhook in, a normalised sale out.

A connector verifies a delivery (raising ``BadSignature``) into a ``Notice`` that names the
transaction (or a list of them, when the till batches events), then turns the notice into a
``Sale``, fetching details from the POS API when the webhook only names the transaction.
Everything after that (customer, stamp rule, idempotency, the log) is the same for every
connector and lives in ``pos.service``.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol

from punchcard.kit.errors import Unauthorized

IdentifierKind = Literal["scan_code", "customer_id", "source_id", "email", "phone"]


@dataclass(frozen=True)
class Identifier:
    """One way the till named the customer; a sale may carry several, tried in order."""

    kind: IdentifierKind
    value: str


@dataclass(frozen=True)
class Sale:
    transaction_id: str
    amount: int  # minor units (cents, kopecks)
    currency: str | None
    identifiers: tuple[Identifier, ...]
    items: tuple[dict[str, Any], ...] = ()
    closed_at: datetime | None = None
    referral_code: str | None = None  # a referrer's code the (new) customer brought


@dataclass(frozen=True)
class Skip:
    """A verified notice that is not a closed sale (yet): logged, never claimed."""

    outcome: Literal["ignored", "not_closed"]
    detail: str
    transaction_id: str | None = None


@dataclass(frozen=True)
class Notice:
    """A verified delivery: the transaction it is about, and the sale when the body has it
    (else ``details``: what the connector needs to fetch it, such as the kind of order)."""

    transaction_id: str
    sale: Sale | None = None
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Delivery:
    body: bytes
    headers: Mapping[str, str]  # lower-case names


@dataclass(frozen=True)
class Keys:
    """A connector's configuration as a connector needs it, secrets unsealed."""

    signing_secrets: list[str]  # the current one, and the previous one during a rotation
    settings: dict[str, Any]
    credentials: dict[str, str] = field(repr=False)
    currency: str | None = None  # the connector's, when set


class BadSignature(Unauthorized):
    def __init__(self, detail: str) -> None:
        super().__init__("pos_signature_invalid", detail)


class PosApiError(Exception):
    """The POS API did not answer usefully; the till should deliver the webhook again."""


class Connector(Protocol):
    def verify(self, delivery: Delivery, keys: Keys) -> Notice | Skip | list[Notice | Skip]: ...

    async def sale(self, notice: Notice, keys: Keys) -> Sale | Skip: ...
