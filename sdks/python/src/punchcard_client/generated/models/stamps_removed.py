from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.card_ref import CardRef
    from ..models.customer_ref import CustomerRef
    from ..models.stamp_removal_info import StampRemovalInfo
    from ..models.voucher_ref import VoucherRef


T = TypeVar("T", bound="StampsRemoved")


@_attrs_define
class StampsRemoved:
    """
    Attributes:
        business_id (str):
        card (CardRef):
        customer (CustomerRef | None):
        event (Literal['stamps_removed']):
        id (str): The event id; also the `webhook-id` header of every delivery.
        location_id (None | str):
        removal (StampRemovalInfo):
        staff_id (None | str):
        timestamp (datetime.datetime):
        voucher (None | VoucherRef):
        request_id (None | str | Unset): The X-Request-Id of the API request that caused the event (null for events of
            background jobs): in the access log line of that request and on the webhook attempts that deliver the event.
    """

    business_id: str
    card: CardRef
    customer: CustomerRef | None
    event: Literal["stamps_removed"]
    id: str
    location_id: None | str
    removal: StampRemovalInfo
    staff_id: None | str
    timestamp: datetime.datetime
    voucher: None | VoucherRef
    request_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_ref import CustomerRef  # noqa: PLC0415
        from ..models.voucher_ref import VoucherRef  # noqa: PLC0415

        business_id = self.business_id

        card = self.card.to_dict()

        customer: dict[str, Any] | None
        if isinstance(self.customer, CustomerRef):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        event = self.event

        id = self.id

        location_id: None | str
        location_id = self.location_id

        removal = self.removal.to_dict()

        staff_id: None | str
        staff_id = self.staff_id

        timestamp = self.timestamp.isoformat()

        voucher: dict[str, Any] | None
        if isinstance(self.voucher, VoucherRef):
            voucher = self.voucher.to_dict()
        else:
            voucher = self.voucher

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "business_id": business_id,
                "card": card,
                "customer": customer,
                "event": event,
                "id": id,
                "location_id": location_id,
                "removal": removal,
                "staff_id": staff_id,
                "timestamp": timestamp,
                "voucher": voucher,
            }
        )
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.card_ref import CardRef  # noqa: PLC0415
        from ..models.customer_ref import CustomerRef  # noqa: PLC0415
        from ..models.stamp_removal_info import StampRemovalInfo  # noqa: PLC0415
        from ..models.voucher_ref import VoucherRef  # noqa: PLC0415

        d = dict(src_dict)
        business_id = d.pop("business_id")

        card = CardRef.from_dict(d.pop("card"))

        def _parse_customer(data: object) -> CustomerRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = CustomerRef.from_dict(data)

                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerRef | None, data)

        customer = _parse_customer(d.pop("customer"))

        event = cast(Literal["stamps_removed"], d.pop("event"))
        if event != "stamps_removed":
            raise ValueError(f"event must match const 'stamps_removed', got '{event}'")

        id = d.pop("id")

        def _parse_location_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location_id = _parse_location_id(d.pop("location_id"))

        removal = StampRemovalInfo.from_dict(d.pop("removal"))

        def _parse_staff_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        staff_id = _parse_staff_id(d.pop("staff_id"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        def _parse_voucher(data: object) -> None | VoucherRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                voucher_type_0 = VoucherRef.from_dict(data)

                return voucher_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VoucherRef, data)

        voucher = _parse_voucher(d.pop("voucher"))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        stamps_removed = cls(
            business_id=business_id,
            card=card,
            customer=customer,
            event=event,
            id=id,
            location_id=location_id,
            removal=removal,
            staff_id=staff_id,
            timestamp=timestamp,
            voucher=voucher,
            request_id=request_id,
        )

        stamps_removed.additional_properties = d
        return stamps_removed

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
