from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChannelsTemplateIn")


@_attrs_define
class ChannelsTemplateIn:
    """
    Attributes:
        language (str):
        name (str):
        parameters (list[str] | Unset):
    """

    language: str
    name: str
    parameters: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        language = self.language

        name = self.name

        parameters: list[str] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "language": language,
                "name": name,
            }
        )
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        language = d.pop("language")

        name = d.pop("name")

        parameters = cast(list[str], d.pop("parameters", UNSET))

        channels_template_in = cls(
            language=language,
            name=name,
            parameters=parameters,
        )

        return channels_template_in
