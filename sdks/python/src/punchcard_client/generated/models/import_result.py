from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.duplicates import Duplicates
    from ..models.pool_status import PoolStatus


T = TypeVar("T", bound="ImportResult")


@_attrs_define
class ImportResult:
    """
    Attributes:
        already_in_business (Duplicates):
        batch_id (str):
        imported (int):
        pool (PoolStatus):
        within_upload (Duplicates):
    """

    already_in_business: Duplicates
    batch_id: str
    imported: int
    pool: PoolStatus
    within_upload: Duplicates
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        already_in_business = self.already_in_business.to_dict()

        batch_id = self.batch_id

        imported = self.imported

        pool = self.pool.to_dict()

        within_upload = self.within_upload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "already_in_business": already_in_business,
                "batch_id": batch_id,
                "imported": imported,
                "pool": pool,
                "within_upload": within_upload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.duplicates import Duplicates  # noqa: PLC0415
        from ..models.pool_status import PoolStatus  # noqa: PLC0415

        d = dict(src_dict)
        already_in_business = Duplicates.from_dict(d.pop("already_in_business"))

        batch_id = d.pop("batch_id")

        imported = d.pop("imported")

        pool = PoolStatus.from_dict(d.pop("pool"))

        within_upload = Duplicates.from_dict(d.pop("within_upload"))

        import_result = cls(
            already_in_business=already_in_business,
            batch_id=batch_id,
            imported=imported,
            pool=pool,
            within_upload=within_upload,
        )

        import_result.additional_properties = d
        return import_result

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
