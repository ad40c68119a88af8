from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_row_out_result_type_0 import ImportRowOutResultType0
from ..models.import_row_out_status import ImportRowOutStatus

if TYPE_CHECKING:
    from ..models.row_error import RowError


T = TypeVar("T", bound="ImportRowOut")


@_attrs_define
class ImportRowOut:
    """
    Attributes:
        errors (list[RowError]):
        id (None | str): The customer (or card) the row names.
        line (int): The row's line in the file (the header is line 1).
        result (ImportRowOutResultType0 | None): What the row did (a dry run: what it would do).
        status (ImportRowOutStatus):
    """

    errors: list[RowError]
    id: None | str
    line: int
    result: ImportRowOutResultType0 | None
    status: ImportRowOutStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        id: None | str
        id = self.id

        line = self.line

        result: None | str
        if isinstance(self.result, ImportRowOutResultType0):
            result = self.result.value
        else:
            result = self.result

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errors": errors,
                "id": id,
                "line": line,
                "result": result,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.row_error import RowError  # noqa: PLC0415

        d = dict(src_dict)
        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = RowError.from_dict(errors_item_data)

            errors.append(errors_item)

        def _parse_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        id = _parse_id(d.pop("id"))

        line = d.pop("line")

        def _parse_result(data: object) -> ImportRowOutResultType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                result_type_0 = ImportRowOutResultType0(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportRowOutResultType0 | None, data)

        result = _parse_result(d.pop("result"))

        status = ImportRowOutStatus(d.pop("status"))

        import_row_out = cls(
            errors=errors,
            id=id,
            line=line,
            result=result,
            status=status,
        )

        import_row_out.additional_properties = d
        return import_row_out

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
