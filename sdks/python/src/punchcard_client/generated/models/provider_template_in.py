from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.provider_template_in_parameters_item import ProviderTemplateInParametersItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProviderTemplateIn")


@_attrs_define
class ProviderTemplateIn:
    """WhatsApp: the approved template sent outside the 24-hour window, its body parameters
    {{1}}, {{2}}, ... filled with these variables in order.

        Attributes:
            language (str):
            name (str):
            parameters (list[ProviderTemplateInParametersItem] | Unset):
    """

    language: str
    name: str
    parameters: list[ProviderTemplateInParametersItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        language = self.language

        name = self.name

        parameters: list[str] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = []
            for parameters_item_data in self.parameters:
                parameters_item = parameters_item_data.value
                parameters.append(parameters_item)

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

        _parameters = d.pop("parameters", UNSET)
        parameters: list[ProviderTemplateInParametersItem] | Unset = UNSET
        if _parameters is not UNSET:
            parameters = []
            for parameters_item_data in _parameters:
                parameters_item = ProviderTemplateInParametersItem(parameters_item_data)

                parameters.append(parameters_item)

        provider_template_in = cls(
            language=language,
            name=name,
            parameters=parameters,
        )

        return provider_template_in
