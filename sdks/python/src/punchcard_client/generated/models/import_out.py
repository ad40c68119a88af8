from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_out_kind import ImportOutKind
from ..models.import_out_on_error import ImportOutOnError
from ..models.import_out_status import ImportOutStatus

if TYPE_CHECKING:
    from ..models.import_out_columns import ImportOutColumns
    from ..models.import_row_out import ImportRowOut


T = TypeVar("T", bound="ImportOut")


@_attrs_define
class ImportOut:
    """
    Attributes:
        columns (ImportOutColumns): Column header -> the field it feeds.
        created (int):
        created_at (datetime.datetime):
        dry_run (bool):
        error (None | str):
        errors (list[ImportRowOut]): The first failed rows (all of them: GET .../rows?status=failed).
        failed (int):
        filename (None | str):
        finished_at (datetime.datetime | None):
        id (str):
        ignored_columns (list[str]):
        kind (ImportOutKind):
        on_error (ImportOutOnError):
        processed (int):
        program_id (None | str):
        separator (str):
        skipped (int):
        started_at (datetime.datetime | None):
        status (ImportOutStatus): queued -> running -> completed; a dry run ends as checked (POST .../run to apply it);
            on_error abort ends as aborted at the first bad row; failed: the job itself failed (see error).
        total (int): Data rows in the file.
        unchanged (int):
        updated (int):
    """

    columns: ImportOutColumns
    created: int
    created_at: datetime.datetime
    dry_run: bool
    error: None | str
    errors: list[ImportRowOut]
    failed: int
    filename: None | str
    finished_at: datetime.datetime | None
    id: str
    ignored_columns: list[str]
    kind: ImportOutKind
    on_error: ImportOutOnError
    processed: int
    program_id: None | str
    separator: str
    skipped: int
    started_at: datetime.datetime | None
    status: ImportOutStatus
    total: int
    unchanged: int
    updated: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        columns = self.columns.to_dict()

        created = self.created

        created_at = self.created_at.isoformat()

        dry_run = self.dry_run

        error: None | str
        error = self.error

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        failed = self.failed

        filename: None | str
        filename = self.filename

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        id = self.id

        ignored_columns = self.ignored_columns

        kind = self.kind.value

        on_error = self.on_error.value

        processed = self.processed

        program_id: None | str
        program_id = self.program_id

        separator = self.separator

        skipped = self.skipped

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        status = self.status.value

        total = self.total

        unchanged = self.unchanged

        updated = self.updated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "columns": columns,
                "created": created,
                "created_at": created_at,
                "dry_run": dry_run,
                "error": error,
                "errors": errors,
                "failed": failed,
                "filename": filename,
                "finished_at": finished_at,
                "id": id,
                "ignored_columns": ignored_columns,
                "kind": kind,
                "on_error": on_error,
                "processed": processed,
                "program_id": program_id,
                "separator": separator,
                "skipped": skipped,
                "started_at": started_at,
                "status": status,
                "total": total,
                "unchanged": unchanged,
                "updated": updated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_out_columns import ImportOutColumns  # noqa: PLC0415
        from ..models.import_row_out import ImportRowOut  # noqa: PLC0415

        d = dict(src_dict)
        columns = ImportOutColumns.from_dict(d.pop("columns"))

        created = d.pop("created")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        dry_run = d.pop("dry_run")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = ImportRowOut.from_dict(errors_item_data)

            errors.append(errors_item)

        failed = d.pop("failed")

        def _parse_filename(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        filename = _parse_filename(d.pop("filename"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        id = d.pop("id")

        ignored_columns = cast(list[str], d.pop("ignored_columns"))

        kind = ImportOutKind(d.pop("kind"))

        on_error = ImportOutOnError(d.pop("on_error"))

        processed = d.pop("processed")

        def _parse_program_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        program_id = _parse_program_id(d.pop("program_id"))

        separator = d.pop("separator")

        skipped = d.pop("skipped")

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        status = ImportOutStatus(d.pop("status"))

        total = d.pop("total")

        unchanged = d.pop("unchanged")

        updated = d.pop("updated")

        import_out = cls(
            columns=columns,
            created=created,
            created_at=created_at,
            dry_run=dry_run,
            error=error,
            errors=errors,
            failed=failed,
            filename=filename,
            finished_at=finished_at,
            id=id,
            ignored_columns=ignored_columns,
            kind=kind,
            on_error=on_error,
            processed=processed,
            program_id=program_id,
            separator=separator,
            skipped=skipped,
            started_at=started_at,
            status=status,
            total=total,
            unchanged=unchanged,
            updated=updated,
        )

        import_out.additional_properties = d
        return import_out

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
