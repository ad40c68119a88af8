from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.receive_webhook_syrve_event_event_info_type_0 import ReceiveWebhookSyrveEventEventInfoType0


T = TypeVar("T", bound="ReceiveWebhookSyrveEvent")


@_attrs_define
class ReceiveWebhookSyrveEvent:
    """One event of a Syrve webhook; Syrve POSTs a JSON array of them, with the authToken set
    in its webhook settings as the ``Authorization`` header. Only an order's id is taken from
    it: what was sold is read from the Syrve Cloud API.

        Attributes:
            event_time (str): UTC, yyyy-MM-dd HH:mm:ss.fff.
            event_type (str):
            organization_id (UUID):
            correlation_id (None | Unset | UUID):
            event_info (None | ReceiveWebhookSyrveEventEventInfoType0 | Unset): For order events: the order, its ``id``
                (UUID) and ``order.status``.
    """

    event_time: str
    event_type: str
    organization_id: UUID
    correlation_id: None | Unset | UUID = UNSET
    event_info: None | ReceiveWebhookSyrveEventEventInfoType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.receive_webhook_syrve_event_event_info_type_0 import ReceiveWebhookSyrveEventEventInfoType0  # noqa: PLC0415

        event_time = self.event_time

        event_type = self.event_type

        organization_id = str(self.organization_id)

        correlation_id: None | str | Unset
        if isinstance(self.correlation_id, Unset):
            correlation_id = UNSET
        elif isinstance(self.correlation_id, UUID):
            correlation_id = str(self.correlation_id)
        else:
            correlation_id = self.correlation_id

        event_info: dict[str, Any] | None | Unset
        if isinstance(self.event_info, Unset):
            event_info = UNSET
        elif isinstance(self.event_info, ReceiveWebhookSyrveEventEventInfoType0):
            event_info = self.event_info.to_dict()
        else:
            event_info = self.event_info

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventTime": event_time,
                "eventType": event_type,
                "organizationId": organization_id,
            }
        )
        if correlation_id is not UNSET:
            field_dict["correlationId"] = correlation_id
        if event_info is not UNSET:
            field_dict["eventInfo"] = event_info

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.receive_webhook_syrve_event_event_info_type_0 import ReceiveWebhookSyrveEventEventInfoType0  # noqa: PLC0415

        d = dict(src_dict)
        event_time = d.pop("eventTime")

        event_type = d.pop("eventType")

        organization_id = UUID(d.pop("organizationId"))

        def _parse_correlation_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                correlation_id_type_0 = UUID(data)

                return correlation_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        correlation_id = _parse_correlation_id(d.pop("correlationId", UNSET))

        def _parse_event_info(data: object) -> None | ReceiveWebhookSyrveEventEventInfoType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                event_info_type_0 = ReceiveWebhookSyrveEventEventInfoType0.from_dict(data)

                return event_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReceiveWebhookSyrveEventEventInfoType0 | Unset, data)

        event_info = _parse_event_info(d.pop("eventInfo", UNSET))

        receive_webhook_syrve_event = cls(
            event_time=event_time,
            event_type=event_type,
            organization_id=organization_id,
            correlation_id=correlation_id,
            event_info=event_info,
        )

        receive_webhook_syrve_event.additional_properties = d
        return receive_webhook_syrve_event

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
