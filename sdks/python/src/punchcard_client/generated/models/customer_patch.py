from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.customer_patch_consents import CustomerPatchConsents


T = TypeVar("T", bound="CustomerPatch")


@_attrs_define
class CustomerPatch:
    """
    Attributes:
        consents (CustomerPatchConsents): Marketing consent per channel as the business recorded it (source 'api').
            WhatsApp opts in by the customer's phone number.
    """

    consents: CustomerPatchConsents

    def to_dict(self) -> dict[str, Any]:
        consents = self.consents.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "consents": consents,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_patch_consents import CustomerPatchConsents  # noqa: PLC0415

        d = dict(src_dict)
        consents = CustomerPatchConsents.from_dict(d.pop("consents"))

        customer_patch = cls(
            consents=consents,
        )

        return customer_patch
