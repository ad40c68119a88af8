"""customer_updated and customer_deleted: what a CRM needs to mirror Punchcard's customers."""

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from punchcard.customers.matching import PLAIN_FIELDS, Customer
from punchcard.events.payloads import Part, customer_part, event_row
from punchcard.kit.clock import isoformat_z
from punchcard.staff.actor import Actor

# The fields a change names, in the profile's order (marketing_consent_at follows its field).
FIELDS = (*PLAIN_FIELDS, "marketing_consent", "metadata")


def _when(value: datetime | None) -> str | None:
    return isoformat_z(value) if value else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def profile_part(customer: Customer) -> Part:
    return {
        "id": customer.id,
        "source_id": customer.source_id,
        "email": customer.email,
        "phone": customer.phone,
        "name": customer.name,
        "birthday": _day(customer.birthday),
        "language": customer.language,
        "marketing_consent": bool(customer.marketing_consent),
        "marketing_consent_at": _when(customer.marketing_consent_at),
        "metadata": customer.metadata or {},
        "created_at": _when(customer.created_at),
        "updated_at": _when(customer.updated_at),
    }


def _event(
    event_type: str, actor: Actor, customer: Customer, at: datetime, **details: Any
) -> dict[str, Any]:
    return event_row(
        event_type,
        business_id=actor.business_id,
        at=at,
        location_id=actor.location_id,
        staff_id=actor.staff_id,
        customer=customer_part(customer.id, customer.source_id, customer.language),
        **details,
    )


def updated(
    actor: Actor, customer: Customer, changed: Iterable[str], at: datetime
) -> dict[str, Any]:
    given = set(changed)
    names = [name for name in FIELDS if name in given]
    return _event(
        "customer_updated", actor, customer, at, profile=profile_part(customer), changed=names
    )


def deleted(actor: Actor, customer: Customer, at: datetime) -> dict[str, Any]:
    """Built from the customer as they were before erasure."""
    return _event("customer_deleted", actor, customer, at)
