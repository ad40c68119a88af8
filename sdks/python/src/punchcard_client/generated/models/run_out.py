from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_out_status import RunOutStatus

if TYPE_CHECKING:
    from ..models.run_message import RunMessage


T = TypeVar("T", bound="RunOut")


@_attrs_define
class RunOut:
    """
    Attributes:
        card_id (None | str):
        created_at (datetime.datetime):
        customer_id (str):
        event_id (None | str):
        id (str):
        message (None | RunMessage):
        period (str): What 'once' counts in: the birthday's year, the last activity's time (inactivity), the reminded
            voucher, the welcomed program.
        reason (None | str): skipped: voucher_pool_empty, voucher_template_archived, ...
        reminded_voucher_id (None | str):
        status (RunOutStatus):
        voucher_id (None | str): The voucher issued.
    """

    card_id: None | str
    created_at: datetime.datetime
    customer_id: str
    event_id: None | str
    id: str
    message: None | RunMessage
    period: str
    reason: None | str
    reminded_voucher_id: None | str
    status: RunOutStatus
    voucher_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.run_message import RunMessage  # noqa: PLC0415

        card_id: None | str
        card_id = self.card_id

        created_at = self.created_at.isoformat()

        customer_id = self.customer_id

        event_id: None | str
        event_id = self.event_id

        id = self.id

        message: dict[str, Any] | None
        if isinstance(self.message, RunMessage):
            message = self.message.to_dict()
        else:
            message = self.message

        period = self.period

        reason: None | str
        reason = self.reason

        reminded_voucher_id: None | str
        reminded_voucher_id = self.reminded_voucher_id

        status = self.status.value

        voucher_id: None | str
        voucher_id = self.voucher_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "card_id": card_id,
                "created_at": created_at,
                "customer_id": customer_id,
                "event_id": event_id,
                "id": id,
                "message": message,
                "period": period,
                "reason": reason,
                "reminded_voucher_id": reminded_voucher_id,
                "status": status,
                "voucher_id": voucher_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_message import RunMessage  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_card_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        card_id = _parse_card_id(d.pop("card_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        customer_id = d.pop("customer_id")

        def _parse_event_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        event_id = _parse_event_id(d.pop("event_id"))

        id = d.pop("id")

        def _parse_message(data: object) -> None | RunMessage:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                message_type_0 = RunMessage.from_dict(data)

                return message_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunMessage, data)

        message = _parse_message(d.pop("message"))

        period = d.pop("period")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_reminded_voucher_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reminded_voucher_id = _parse_reminded_voucher_id(d.pop("reminded_voucher_id"))

        status = RunOutStatus(d.pop("status"))

        def _parse_voucher_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        voucher_id = _parse_voucher_id(d.pop("voucher_id"))

        run_out = cls(
            card_id=card_id,
            created_at=created_at,
            customer_id=customer_id,
            event_id=event_id,
            id=id,
            message=message,
            period=period,
            reason=reason,
            reminded_voucher_id=reminded_voucher_id,
            status=status,
            voucher_id=voucher_id,
        )

        run_out.additional_properties = d
        return run_out

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
