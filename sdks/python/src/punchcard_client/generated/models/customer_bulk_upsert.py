from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.customer_upsert import CustomerUpsert


T = TypeVar("T", bound="CustomerBulkUpsert")


@_attrs_define
class CustomerBulkUpsert:
    """
    Attributes:
        customers (list[CustomerUpsert]): 1 to 1000 upserts, matched as by POST /v1/customers.
    """

    customers: list[CustomerUpsert]

    def to_dict(self) -> dict[str, Any]:
        customers = []
        for customers_item_data in self.customers:
            customers_item = customers_item_data.to_dict()
            customers.append(customers_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customers": customers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_upsert import CustomerUpsert  # noqa: PLC0415

        d = dict(src_dict)
        customers = []
        _customers = d.pop("customers")
        for customers_item_data in _customers:
            customers_item = CustomerUpsert.from_dict(customers_item_data)

            customers.append(customers_item)

        customer_bulk_upsert = cls(
            customers=customers,
        )

        return customer_bulk_upsert
