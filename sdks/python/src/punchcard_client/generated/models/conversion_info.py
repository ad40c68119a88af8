from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversion_info_on import ConversionInfoOn
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConversionInfo")


@_attrs_define
class ConversionInfo:
    """
    Attributes:
        on (ConversionInfoOn): What converted the referral: the referee's stamp (stamp_id, lifetime_stamps), redemption
            (voucher_id) or POS sale (sale_id, connector_id, transaction_id, amount in minor units, currency).
        amount (int | None | Unset):
        connector_id (None | str | Unset):
        currency (None | str | Unset):
        lifetime_stamps (int | None | Unset):
        sale_id (None | str | Unset):
        stamp_id (None | str | Unset):
        transaction_id (None | str | Unset):
        voucher_id (None | str | Unset):
    """

    on: ConversionInfoOn
    amount: int | None | Unset = UNSET
    connector_id: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    lifetime_stamps: int | None | Unset = UNSET
    sale_id: None | str | Unset = UNSET
    stamp_id: None | str | Unset = UNSET
    transaction_id: None | str | Unset = UNSET
    voucher_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        on = self.on.value

        amount: int | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        connector_id: None | str | Unset
        if isinstance(self.connector_id, Unset):
            connector_id = UNSET
        else:
            connector_id = self.connector_id

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        lifetime_stamps: int | None | Unset
        if isinstance(self.lifetime_stamps, Unset):
            lifetime_stamps = UNSET
        else:
            lifetime_stamps = self.lifetime_stamps

        sale_id: None | str | Unset
        if isinstance(self.sale_id, Unset):
            sale_id = UNSET
        else:
            sale_id = self.sale_id

        stamp_id: None | str | Unset
        if isinstance(self.stamp_id, Unset):
            stamp_id = UNSET
        else:
            stamp_id = self.stamp_id

        transaction_id: None | str | Unset
        if isinstance(self.transaction_id, Unset):
            transaction_id = UNSET
        else:
            transaction_id = self.transaction_id

        voucher_id: None | str | Unset
        if isinstance(self.voucher_id, Unset):
            voucher_id = UNSET
        else:
            voucher_id = self.voucher_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "on": on,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if connector_id is not UNSET:
            field_dict["connector_id"] = connector_id
        if currency is not UNSET:
            field_dict["currency"] = currency
        if lifetime_stamps is not UNSET:
            field_dict["lifetime_stamps"] = lifetime_stamps
        if sale_id is not UNSET:
            field_dict["sale_id"] = sale_id
        if stamp_id is not UNSET:
            field_dict["stamp_id"] = stamp_id
        if transaction_id is not UNSET:
            field_dict["transaction_id"] = transaction_id
        if voucher_id is not UNSET:
            field_dict["voucher_id"] = voucher_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        on = ConversionInfoOn(d.pop("on"))

        def _parse_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_connector_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connector_id = _parse_connector_id(d.pop("connector_id", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_lifetime_stamps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        lifetime_stamps = _parse_lifetime_stamps(d.pop("lifetime_stamps", UNSET))

        def _parse_sale_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sale_id = _parse_sale_id(d.pop("sale_id", UNSET))

        def _parse_stamp_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stamp_id = _parse_stamp_id(d.pop("stamp_id", UNSET))

        def _parse_transaction_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        transaction_id = _parse_transaction_id(d.pop("transaction_id", UNSET))

        def _parse_voucher_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        voucher_id = _parse_voucher_id(d.pop("voucher_id", UNSET))

        conversion_info = cls(
            on=on,
            amount=amount,
            connector_id=connector_id,
            currency=currency,
            lifetime_stamps=lifetime_stamps,
            sale_id=sale_id,
            stamp_id=stamp_id,
            transaction_id=transaction_id,
            voucher_id=voucher_id,
        )

        conversion_info.additional_properties = d
        return conversion_info

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
