"""The upsert rules, in one copy for a single upsert and a bulk of them: which customer a row
names, what would clash with another customer, what changes, and which rows of one batch name
the same customer. Pure functions over the rows the repository read: no database here."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from punchcard.customers.schemas import IDENTITY, CustomerUpsert
from punchcard.kit.errors import Conflict, ProblemError, Unprocessable
from punchcard.kit.ids import new_id

# What a row may set; marketing_consent and metadata have rules of their own.
PLAIN_FIELDS = ("source_id", "email", "phone", "name", "birthday", "language")
Key = tuple[str, str]  # (identity field, value)
Customer = Any  # a customers row (attributes named as the columns)
Holders = Mapping[Key, Customer]  # who holds each identity value


def identity_keys(data: CustomerUpsert) -> list[Key]:
    return [(name, value) for name in IDENTITY if (value := getattr(data, name)) is not None]


def match(data: CustomerUpsert, keys: Sequence[Key], holders: Holders) -> Customer | None:
    """The customer ``data`` (its ``identity_keys``) names: by source_id, else email, else
    phone."""
    for name, value in keys:
        customer = holders.get((name, value))
        if customer is None:
            continue
        # An email known under another CRM id is a different person, not a merge.
        if data.source_id and customer.source_id not in (None, data.source_id):
            raise Conflict(
                "customer_conflict",
                f"The {name} belongs to customer '{customer.id}' with another source_id.",
                field=name,
                customer_id=customer.id,
            )
        return customer
    return None


def refuse_clash(keys: Sequence[Key], holders: Holders, customer_id: str | None) -> None:
    """An identity value of a row (its ``keys``) held by a customer other than the one it
    names."""
    for name, value in keys:
        other = holders.get((name, value))
        if other is not None and other.id != customer_id:
            raise Conflict(
                "customer_conflict",
                f"The {name} '{value}' belongs to another customer ('{other.id}').",
                field=name,
                customer_id=other.id,
            )


def changes(current: Customer | None, data: CustomerUpsert, now: datetime) -> dict[str, Any]:
    """The columns an upsert of ``data`` changes on ``current`` (None: a new customer)."""
    changed: dict[str, Any] = {}
    for name in PLAIN_FIELDS:
        value = getattr(data, name)
        if value is not None and value != getattr(current, name, None):
            changed[name] = value
    consent = data.marketing_consent
    if consent is not None and consent != bool(getattr(current, "marketing_consent", False)):
        changed["marketing_consent"] = consent
        changed["marketing_consent_at"] = now
    if data.metadata:
        old = getattr(current, "metadata", None) or {}
        given = {**old, **data.metadata}
        merged = {key: value for key, value in given.items() if value is not None}
        if merged != old:
            changed["metadata"] = merged
    return changed


@dataclass(frozen=True)
class Upsert:
    """What one row does: create a customer, change one, or leave it as it is."""

    customer_id: str
    current: Customer | None  # None: the row creates the customer
    values: dict[str, Any] = field(default_factory=dict)  # the columns that change

    @property
    def status(self) -> str:
        if self.current is None:
            return "created"
        return "updated" if self.values else "unchanged"


def _duplicate(earlier: int, name: str | None) -> Unprocessable:
    return Unprocessable(
        "duplicate_row",
        f"Names the same customer as row {earlier}.",
        field=name,
        duplicate_of=earlier,
    )


def plan(
    rows: Sequence[CustomerUpsert],
    holders: Holders,
    now: datetime,
    positions: Sequence[int] | None = None,
) -> list[Upsert | ProblemError]:
    """What each row does, or why it cannot. Two rows naming one customer (by a shared
    identity value, or both matching it) would make the result depend on their order: the
    later one is refused with ``duplicate_row`` naming the earlier one by its position
    (``positions``: the rows' places in the caller's batch, by default their own)."""
    where = positions if positions is not None else range(len(rows))
    seen: dict[Key, int] = {}
    claimed: dict[str, int] = {}
    planned: list[Upsert | ProblemError] = []
    for index, data in enumerate(rows):
        keys = identity_keys(data)
        earlier = next(((seen[key], key[0]) for key in keys if key in seen), None)
        for key in keys:
            seen.setdefault(key, index)
        if earlier is not None:
            planned.append(_duplicate(where[earlier[0]], earlier[1]))
            continue
        try:
            current = match(data, keys, holders)
            refuse_clash(keys, holders, current.id if current else None)
        except ProblemError as refused:
            planned.append(refused)
            continue
        if current is not None and current.id in claimed:
            planned.append(_duplicate(where[claimed[current.id]], None))
            continue
        customer_id = current.id if current is not None else new_id("cus")
        claimed[customer_id] = index
        planned.append(Upsert(customer_id, current, changes(current, data, now)))
    return planned
