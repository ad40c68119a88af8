from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CustomerRef")


@_attrs_define
class CustomerRef:
    """
    Attributes:
        id (str):
        language (None | str):
        source_id (None | str):
        wallet_pass_id (None | str):
    """

    id: str
    language: None | str
    source_id: None | str
    wallet_pass_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        language: None | str
        language = self.language

        source_id: None | str
        source_id = self.source_id

        wallet_pass_id: None | str
        wallet_pass_id = self.wallet_pass_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "language": language,
                "source_id": source_id,
                "wallet_pass_id": wallet_pass_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_language(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        language = _parse_language(d.pop("language"))

        def _parse_source_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_id = _parse_source_id(d.pop("source_id"))

        def _parse_wallet_pass_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        wallet_pass_id = _parse_wallet_pass_id(d.pop("wallet_pass_id"))

        customer_ref = cls(
            id=id,
            language=language,
            source_id=source_id,
            wallet_pass_id=wallet_pass_id,
        )

        customer_ref.additional_properties = d
        return customer_ref

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
