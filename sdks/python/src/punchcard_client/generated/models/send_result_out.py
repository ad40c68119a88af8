from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.send_result_out_status import SendResultOutStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SendResultOut")


@_attrs_define
class SendResultOut:
    """What the provider answered: sent (with its message id), retry (later, after
    ``retry_after`` seconds when it said) or failed (permanently, with its reason).

        Attributes:
            status (SendResultOutStatus):
            address_dead (bool | None | Unset):
            detail (None | str | Unset):
            provider_message_id (None | str | Unset):
            reason (None | str | Unset):
            retry_after (float | None | Unset):
    """

    status: SendResultOutStatus
    address_dead: bool | None | Unset = UNSET
    detail: None | str | Unset = UNSET
    provider_message_id: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    retry_after: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        address_dead: bool | None | Unset
        if isinstance(self.address_dead, Unset):
            address_dead = UNSET
        else:
            address_dead = self.address_dead

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        provider_message_id: None | str | Unset
        if isinstance(self.provider_message_id, Unset):
            provider_message_id = UNSET
        else:
            provider_message_id = self.provider_message_id

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        retry_after: float | None | Unset
        if isinstance(self.retry_after, Unset):
            retry_after = UNSET
        else:
            retry_after = self.retry_after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if address_dead is not UNSET:
            field_dict["address_dead"] = address_dead
        if detail is not UNSET:
            field_dict["detail"] = detail
        if provider_message_id is not UNSET:
            field_dict["provider_message_id"] = provider_message_id
        if reason is not UNSET:
            field_dict["reason"] = reason
        if retry_after is not UNSET:
            field_dict["retry_after"] = retry_after

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = SendResultOutStatus(d.pop("status"))

        def _parse_address_dead(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        address_dead = _parse_address_dead(d.pop("address_dead", UNSET))

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        def _parse_provider_message_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_message_id = _parse_provider_message_id(d.pop("provider_message_id", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_retry_after(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        retry_after = _parse_retry_after(d.pop("retry_after", UNSET))

        send_result_out = cls(
            status=status,
            address_dead=address_dead,
            detail=detail,
            provider_message_id=provider_message_id,
            reason=reason,
            retry_after=retry_after,
        )

        send_result_out.additional_properties = d
        return send_result_out

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
