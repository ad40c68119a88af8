from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pool_status import PoolStatus


T = TypeVar("T", bound="GenerateResult")


@_attrs_define
class GenerateResult:
    """
    Attributes:
        batch_id (str):
        charset (str):
        download (str): Where to download this batch as CSV.
        generated (int):
        pattern (str):
        pool (PoolStatus):
    """

    batch_id: str
    charset: str
    download: str
    generated: int
    pattern: str
    pool: PoolStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        batch_id = self.batch_id

        charset = self.charset

        download = self.download

        generated = self.generated

        pattern = self.pattern

        pool = self.pool.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "batch_id": batch_id,
                "charset": charset,
                "download": download,
                "generated": generated,
                "pattern": pattern,
                "pool": pool,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pool_status import PoolStatus  # noqa: PLC0415

        d = dict(src_dict)
        batch_id = d.pop("batch_id")

        charset = d.pop("charset")

        download = d.pop("download")

        generated = d.pop("generated")

        pattern = d.pop("pattern")

        pool = PoolStatus.from_dict(d.pop("pool"))

        generate_result = cls(
            batch_id=batch_id,
            charset=charset,
            download=download,
            generated=generated,
            pattern=pattern,
            pool=pool,
        )

        generate_result.additional_properties = d
        return generate_result

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
