from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.hook_subscribe_event import HookSubscribeEvent

T = TypeVar("T", bound="HookSubscribe")


@_attrs_define
class HookSubscribe:
    """A REST hook subscription, as Zapier and Make create them.

    Attributes:
        event (HookSubscribeEvent):
        target_url (str):
    """

    event: HookSubscribeEvent
    target_url: str

    def to_dict(self) -> dict[str, Any]:
        event = self.event.value

        target_url = self.target_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "event": event,
                "target_url": target_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event = HookSubscribeEvent(d.pop("event"))

        target_url = d.pop("target_url")

        hook_subscribe = cls(
            event=event,
            target_url=target_url,
        )

        return hook_subscribe
