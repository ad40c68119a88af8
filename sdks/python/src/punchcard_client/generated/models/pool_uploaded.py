from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pool_out import PoolOut


T = TypeVar("T", bound="PoolUploaded")


@_attrs_define
class PoolUploaded:
    """
    Attributes:
        added (int):
        batch_id (str):
        pool (PoolOut):
    """

    added: int
    batch_id: str
    pool: PoolOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        added = self.added

        batch_id = self.batch_id

        pool = self.pool.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "added": added,
                "batch_id": batch_id,
                "pool": pool,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pool_out import PoolOut  # noqa: PLC0415

        d = dict(src_dict)
        added = d.pop("added")

        batch_id = d.pop("batch_id")

        pool = PoolOut.from_dict(d.pop("pool"))

        pool_uploaded = cls(
            added=added,
            batch_id=batch_id,
            pool=pool,
        )

        pool_uploaded.additional_properties = d
        return pool_uploaded

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
