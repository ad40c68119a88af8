from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.automation_info import AutomationInfo
    from ..models.card_ref import CardRef
    from ..models.customer_ref import CustomerRef
    from ..models.voucher_ref import VoucherRef


T = TypeVar("T", bound="InactivityTrigger")


@_attrs_define
class InactivityTrigger:
    """
    Attributes:
        automation (AutomationInfo):
        business_id (str):
        card (CardRef):
        customer (CustomerRef | None):
        days_inactive (int): Whole days since the last stamp (or the card's issue): at least the automation's days.
        event (Literal['inactivity_trigger']):
        id (str): The event id; also the `webhook-id` header of every delivery.
        last_stamp_at (datetime.datetime | None): null: never stamped.
        location_id (None | str):
        staff_id (None | str):
        timestamp (datetime.datetime):
        voucher (None | VoucherRef): The voucher the automation issued, if any.
        request_id (None | str | Unset): The X-Request-Id of the API request that caused the event (null for events of
            background jobs): in the access log line of that request and on the webhook attempts that deliver the event.
    """

    automation: AutomationInfo
    business_id: str
    card: CardRef
    customer: CustomerRef | None
    days_inactive: int
    event: Literal["inactivity_trigger"]
    id: str
    last_stamp_at: datetime.datetime | None
    location_id: None | str
    staff_id: None | str
    timestamp: datetime.datetime
    voucher: None | VoucherRef
    request_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_ref import CustomerRef  # noqa: PLC0415
        from ..models.voucher_ref import VoucherRef  # noqa: PLC0415

        automation = self.automation.to_dict()

        business_id = self.business_id

        card = self.card.to_dict()

        customer: dict[str, Any] | None
        if isinstance(self.customer, CustomerRef):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        days_inactive = self.days_inactive

        event = self.event

        id = self.id

        last_stamp_at: None | str
        if isinstance(self.last_stamp_at, datetime.datetime):
            last_stamp_at = self.last_stamp_at.isoformat()
        else:
            last_stamp_at = self.last_stamp_at

        location_id: None | str
        location_id = self.location_id

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
                "automation": automation,
                "business_id": business_id,
                "card": card,
                "customer": customer,
                "days_inactive": days_inactive,
                "event": event,
                "id": id,
                "last_stamp_at": last_stamp_at,
                "location_id": location_id,
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
        from ..models.automation_info import AutomationInfo  # noqa: PLC0415
        from ..models.card_ref import CardRef  # noqa: PLC0415
        from ..models.customer_ref import CustomerRef  # noqa: PLC0415
        from ..models.voucher_ref import VoucherRef  # noqa: PLC0415

        d = dict(src_dict)
        automation = AutomationInfo.from_dict(d.pop("automation"))

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

        days_inactive = d.pop("days_inactive")

        event = cast(Literal["inactivity_trigger"], d.pop("event"))
        if event != "inactivity_trigger":
            raise ValueError(f"event must match const 'inactivity_trigger', got '{event}'")

        id = d.pop("id")

        def _parse_last_stamp_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_stamp_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_stamp_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_stamp_at = _parse_last_stamp_at(d.pop("last_stamp_at"))

        def _parse_location_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location_id = _parse_location_id(d.pop("location_id"))

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

        inactivity_trigger = cls(
            automation=automation,
            business_id=business_id,
            card=card,
            customer=customer,
            days_inactive=days_inactive,
            event=event,
            id=id,
            last_stamp_at=last_stamp_at,
            location_id=location_id,
            staff_id=staff_id,
            timestamp=timestamp,
            voucher=voucher,
            request_id=request_id,
        )

        inactivity_trigger.additional_properties = d
        return inactivity_trigger

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
