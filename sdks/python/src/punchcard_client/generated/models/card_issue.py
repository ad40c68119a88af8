from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_upsert import CustomerUpsert


T = TypeVar("T", bound="CardIssue")


@_attrs_define
class CardIssue:
    """
    Attributes:
        program_id (str):
        customer (CustomerUpsert | None | Unset): ... or the customer's email/phone/source_id (created if new).
        customer_id (None | str | Unset): An existing customer ...
        location_id (None | str | Unset):
        referral_code (None | str | Unset): A referrer's code the new customer brings (see /v1/referral-programs): the
            referral is made with the card, or refused with its reason (in `referral`).
    """

    program_id: str
    customer: CustomerUpsert | None | Unset = UNSET
    customer_id: None | str | Unset = UNSET
    location_id: None | str | Unset = UNSET
    referral_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_upsert import CustomerUpsert  # noqa: PLC0415

        program_id = self.program_id

        customer: dict[str, Any] | None | Unset
        if isinstance(self.customer, Unset):
            customer = UNSET
        elif isinstance(self.customer, CustomerUpsert):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = self.customer_id

        location_id: None | str | Unset
        if isinstance(self.location_id, Unset):
            location_id = UNSET
        else:
            location_id = self.location_id

        referral_code: None | str | Unset
        if isinstance(self.referral_code, Unset):
            referral_code = UNSET
        else:
            referral_code = self.referral_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "program_id": program_id,
            }
        )
        if customer is not UNSET:
            field_dict["customer"] = customer
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if location_id is not UNSET:
            field_dict["location_id"] = location_id
        if referral_code is not UNSET:
            field_dict["referral_code"] = referral_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_upsert import CustomerUpsert  # noqa: PLC0415

        d = dict(src_dict)
        program_id = d.pop("program_id")

        def _parse_customer(data: object) -> CustomerUpsert | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = CustomerUpsert.from_dict(data)

                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerUpsert | None | Unset, data)

        customer = _parse_customer(d.pop("customer", UNSET))

        def _parse_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

        def _parse_location_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_id = _parse_location_id(d.pop("location_id", UNSET))

        def _parse_referral_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referral_code = _parse_referral_code(d.pop("referral_code", UNSET))

        card_issue = cls(
            program_id=program_id,
            customer=customer,
            customer_id=customer_id,
            location_id=location_id,
            referral_code=referral_code,
        )

        return card_issue
