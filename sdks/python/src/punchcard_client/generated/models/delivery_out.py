from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_out_status import DeliveryOutStatus

T = TypeVar("T", bound="DeliveryOut")


@_attrs_define
class DeliveryOut:
    """
    Attributes:
        attempts (int):
        campaign_id (None | str):
        channel (str):
        created_at (datetime.datetime):
        customer_id (str):
        id (str):
        last_error (None | str):
        next_attempt_at (datetime.datetime):
        provider_message_id (None | str):
        reason (None | str):
        sent_at (datetime.datetime | None):
        status (DeliveryOutStatus):
        voucher_id (None | str):
    """

    attempts: int
    campaign_id: None | str
    channel: str
    created_at: datetime.datetime
    customer_id: str
    id: str
    last_error: None | str
    next_attempt_at: datetime.datetime
    provider_message_id: None | str
    reason: None | str
    sent_at: datetime.datetime | None
    status: DeliveryOutStatus
    voucher_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        campaign_id: None | str
        campaign_id = self.campaign_id

        channel = self.channel

        created_at = self.created_at.isoformat()

        customer_id = self.customer_id

        id = self.id

        last_error: None | str
        last_error = self.last_error

        next_attempt_at = self.next_attempt_at.isoformat()

        provider_message_id: None | str
        provider_message_id = self.provider_message_id

        reason: None | str
        reason = self.reason

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        status = self.status.value

        voucher_id: None | str
        voucher_id = self.voucher_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "campaign_id": campaign_id,
                "channel": channel,
                "created_at": created_at,
                "customer_id": customer_id,
                "id": id,
                "last_error": last_error,
                "next_attempt_at": next_attempt_at,
                "provider_message_id": provider_message_id,
                "reason": reason,
                "sent_at": sent_at,
                "status": status,
                "voucher_id": voucher_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        def _parse_campaign_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        campaign_id = _parse_campaign_id(d.pop("campaign_id"))

        channel = d.pop("channel")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        customer_id = d.pop("customer_id")

        id = d.pop("id")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        next_attempt_at = datetime.datetime.fromisoformat(d.pop("next_attempt_at"))

        def _parse_provider_message_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        provider_message_id = _parse_provider_message_id(d.pop("provider_message_id"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        status = DeliveryOutStatus(d.pop("status"))

        def _parse_voucher_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        voucher_id = _parse_voucher_id(d.pop("voucher_id"))

        delivery_out = cls(
            attempts=attempts,
            campaign_id=campaign_id,
            channel=channel,
            created_at=created_at,
            customer_id=customer_id,
            id=id,
            last_error=last_error,
            next_attempt_at=next_attempt_at,
            provider_message_id=provider_message_id,
            reason=reason,
            sent_at=sent_at,
            status=status,
            voucher_id=voucher_id,
        )

        delivery_out.additional_properties = d
        return delivery_out

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
