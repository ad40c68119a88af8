from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.test_event_in_event_type import TestEventInEventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TestEventIn")


@_attrs_define
class TestEventIn:
    """
    Attributes:
        event_type (TestEventInEventType | Unset):  Default: TestEventInEventType.VOUCHER_REDEEMED.
    """

    event_type: TestEventInEventType | Unset = TestEventInEventType.VOUCHER_REDEEMED

    def to_dict(self) -> dict[str, Any]:
        event_type: str | Unset = UNSET
        if not isinstance(self.event_type, Unset):
            event_type = self.event_type.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if event_type is not UNSET:
            field_dict["event_type"] = event_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _event_type = d.pop("event_type", UNSET)
        event_type: TestEventInEventType | Unset
        if isinstance(_event_type, Unset):
            event_type = UNSET
        else:
            event_type = TestEventInEventType(_event_type)

        test_event_in = cls(
            event_type=event_type,
        )

        return test_event_in
