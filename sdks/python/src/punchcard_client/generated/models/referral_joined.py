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
    from ..models.referral_info import ReferralInfo
    from ..models.voucher_ref import VoucherRef


T = TypeVar("T", bound="ReferralJoined")


@_attrs_define
class ReferralJoined:
    """
    Attributes:
        business_id (str):
        card (CardRef):
        customer (CustomerRef):
        event (Literal['referral_joined']):
        id (str): The event id; also the `webhook-id` header of every delivery.
        location_id (None | str):
        referral (ReferralInfo):
        reward_error (None | str): Why the referee's reward could not be issued (an empty code pool), if so.
        staff_id (None | str):
        timestamp (datetime.datetime):
        voucher (None | VoucherRef): The referee's reward (also voucher_issued).
        request_id (None | str | Unset): The X-Request-Id of the API request that caused the event (null for events of
            background jobs): in the access log line of that request and on the webhook attempts that deliver the event.
    """

    business_id: str
    card: CardRef
    customer: CustomerRef
    event: Literal["referral_joined"]
    id: str
    location_id: None | str
    referral: ReferralInfo
    reward_error: None | str
    staff_id: None | str
    timestamp: datetime.datetime
    voucher: None | VoucherRef
    request_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.voucher_ref import VoucherRef  # noqa: PLC0415

        business_id = self.business_id

        card = self.card.to_dict()

        customer = self.customer.to_dict()

        event = self.event

        id = self.id

        location_id: None | str
        location_id = self.location_id

        referral = self.referral.to_dict()

        reward_error: None | str
        reward_error = self.reward_error

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
                "referral": referral,
                "reward_error": reward_error,
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
        from ..models.referral_info import ReferralInfo  # noqa: PLC0415
        from ..models.voucher_ref import VoucherRef  # noqa: PLC0415

        d = dict(src_dict)
        business_id = d.pop("business_id")

        card = CardRef.from_dict(d.pop("card"))

        customer = CustomerRef.from_dict(d.pop("customer"))

        event = cast(Literal["referral_joined"], d.pop("event"))
        if event != "referral_joined":
            raise ValueError(f"event must match const 'referral_joined', got '{event}'")

        id = d.pop("id")

        def _parse_location_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location_id = _parse_location_id(d.pop("location_id"))

        referral = ReferralInfo.from_dict(d.pop("referral"))

        def _parse_reward_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reward_error = _parse_reward_error(d.pop("reward_error"))

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

        referral_joined = cls(
            business_id=business_id,
            card=card,
            customer=customer,
            event=event,
            id=id,
            location_id=location_id,
            referral=referral,
            reward_error=reward_error,
            staff_id=staff_id,
            timestamp=timestamp,
            voucher=voucher,
            request_id=request_id,
        )

        referral_joined.additional_properties = d
        return referral_joined

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
