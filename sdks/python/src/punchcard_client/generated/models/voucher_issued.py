from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.automation_info import AutomationInfo
    from ..models.campaign_info import CampaignInfo
    from ..models.card_ref import CardRef
    from ..models.customer_ref import CustomerRef
    from ..models.voucher_ref import VoucherRef


T = TypeVar("T", bound="VoucherIssued")


@_attrs_define
class VoucherIssued:
    """
    Attributes:
        business_id (str):
        card (CardRef | None):
        customer (CustomerRef | None):
        event (Literal['voucher_issued']):
        id (str): The event id; also the `webhook-id` header of every delivery.
        location_id (None | str):
        staff_id (None | str):
        timestamp (datetime.datetime):
        voucher (VoucherRef):
        automation (AutomationInfo | None | Unset): The automation that issued it (a birthday gift, a welcome, ...).
        campaign (CampaignInfo | None | Unset): The campaign that issued it.
        request_id (None | str | Unset): The X-Request-Id of the API request that caused the event (null for events of
            background jobs): in the access log line of that request and on the webhook attempts that deliver the event.
    """

    business_id: str
    card: CardRef | None
    customer: CustomerRef | None
    event: Literal["voucher_issued"]
    id: str
    location_id: None | str
    staff_id: None | str
    timestamp: datetime.datetime
    voucher: VoucherRef
    automation: AutomationInfo | None | Unset = UNSET
    campaign: CampaignInfo | None | Unset = UNSET
    request_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.automation_info import AutomationInfo  # noqa: PLC0415
        from ..models.campaign_info import CampaignInfo  # noqa: PLC0415
        from ..models.card_ref import CardRef  # noqa: PLC0415
        from ..models.customer_ref import CustomerRef  # noqa: PLC0415

        business_id = self.business_id

        card: dict[str, Any] | None
        if isinstance(self.card, CardRef):
            card = self.card.to_dict()
        else:
            card = self.card

        customer: dict[str, Any] | None
        if isinstance(self.customer, CustomerRef):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        event = self.event

        id = self.id

        location_id: None | str
        location_id = self.location_id

        staff_id: None | str
        staff_id = self.staff_id

        timestamp = self.timestamp.isoformat()

        voucher = self.voucher.to_dict()

        automation: dict[str, Any] | None | Unset
        if isinstance(self.automation, Unset):
            automation = UNSET
        elif isinstance(self.automation, AutomationInfo):
            automation = self.automation.to_dict()
        else:
            automation = self.automation

        campaign: dict[str, Any] | None | Unset
        if isinstance(self.campaign, Unset):
            campaign = UNSET
        elif isinstance(self.campaign, CampaignInfo):
            campaign = self.campaign.to_dict()
        else:
            campaign = self.campaign

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
                "staff_id": staff_id,
                "timestamp": timestamp,
                "voucher": voucher,
            }
        )
        if automation is not UNSET:
            field_dict["automation"] = automation
        if campaign is not UNSET:
            field_dict["campaign"] = campaign
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.automation_info import AutomationInfo  # noqa: PLC0415
        from ..models.campaign_info import CampaignInfo  # noqa: PLC0415
        from ..models.card_ref import CardRef  # noqa: PLC0415
        from ..models.customer_ref import CustomerRef  # noqa: PLC0415
        from ..models.voucher_ref import VoucherRef  # noqa: PLC0415

        d = dict(src_dict)
        business_id = d.pop("business_id")

        def _parse_card(data: object) -> CardRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                card_type_0 = CardRef.from_dict(data)

                return card_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CardRef | None, data)

        card = _parse_card(d.pop("card"))

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

        event = cast(Literal["voucher_issued"], d.pop("event"))
        if event != "voucher_issued":
            raise ValueError(f"event must match const 'voucher_issued', got '{event}'")

        id = d.pop("id")

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

        voucher = VoucherRef.from_dict(d.pop("voucher"))

        def _parse_automation(data: object) -> AutomationInfo | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                automation_type_0 = AutomationInfo.from_dict(data)

                return automation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AutomationInfo | None | Unset, data)

        automation = _parse_automation(d.pop("automation", UNSET))

        def _parse_campaign(data: object) -> CampaignInfo | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                campaign_type_0 = CampaignInfo.from_dict(data)

                return campaign_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CampaignInfo | None | Unset, data)

        campaign = _parse_campaign(d.pop("campaign", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        voucher_issued = cls(
            business_id=business_id,
            card=card,
            customer=customer,
            event=event,
            id=id,
            location_id=location_id,
            staff_id=staff_id,
            timestamp=timestamp,
            voucher=voucher,
            automation=automation,
            campaign=campaign,
            request_id=request_id,
        )

        voucher_issued.additional_properties = d
        return voucher_issued

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
