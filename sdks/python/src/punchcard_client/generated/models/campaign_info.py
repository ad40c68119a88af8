from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_info_channel import CampaignInfoChannel

T = TypeVar("T", bound="CampaignInfo")


@_attrs_define
class CampaignInfo:
    """
    Attributes:
        channel (CampaignInfoChannel):
        id (str):
        name (str):
    """

    channel: CampaignInfoChannel
    id: str
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        id = self.id

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel": channel,
                "id": id,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = CampaignInfoChannel(d.pop("channel"))

        id = d.pop("id")

        name = d.pop("name")

        campaign_info = cls(
            channel=channel,
            id=id,
            name=name,
        )

        campaign_info.additional_properties = d
        return campaign_info

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
