from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sale_out import SaleOut


T = TypeVar("T", bound="Accepted")


@_attrs_define
class Accepted:
    """
    Attributes:
        sale (SaleOut):
        sales (list[SaleOut]): One per event the delivery carried: Syrve batches events, other tills send one sale a
            request.
        status (Literal['accept'] | Unset):  Default: 'accept'.
    """

    sale: SaleOut
    sales: list[SaleOut]
    status: Literal["accept"] | Unset = "accept"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sale = self.sale.to_dict()

        sales = []
        for sales_item_data in self.sales:
            sales_item = sales_item_data.to_dict()
            sales.append(sales_item)

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sale": sale,
                "sales": sales,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sale_out import SaleOut  # noqa: PLC0415

        d = dict(src_dict)
        sale = SaleOut.from_dict(d.pop("sale"))

        sales = []
        _sales = d.pop("sales")
        for sales_item_data in _sales:
            sales_item = SaleOut.from_dict(sales_item_data)

            sales.append(sales_item)

        status = cast(Literal["accept"] | Unset, d.pop("status", UNSET))
        if status != "accept" and not isinstance(status, Unset):
            raise ValueError(f"status must match const 'accept', got '{status}'")

        accepted = cls(
            sale=sale,
            sales=sales,
            status=status,
        )

        accepted.additional_properties = d
        return accepted

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
