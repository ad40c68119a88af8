from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.consent_change_out_channel import ConsentChangeOutChannel

T = TypeVar("T", bound="ConsentChangeOut")


@_attrs_define
class ConsentChangeOut:
    """
    Attributes:
        at (datetime.datetime):
        channel (ConsentChangeOutChannel):
        granted (bool):
        id (str):
        source (str):
    """

    at: datetime.datetime
    channel: ConsentChangeOutChannel
    granted: bool
    id: str
    source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        channel = self.channel.value

        granted = self.granted

        id = self.id

        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "channel": channel,
                "granted": granted,
                "id": id,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        channel = ConsentChangeOutChannel(d.pop("channel"))

        granted = d.pop("granted")

        id = d.pop("id")

        source = d.pop("source")

        consent_change_out = cls(
            at=at,
            channel=channel,
            granted=granted,
            id=id,
            source=source,
        )

        consent_change_out.additional_properties = d
        return consent_change_out

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
