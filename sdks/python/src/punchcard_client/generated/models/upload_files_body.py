from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="UploadFilesBody")


@_attrs_define
class UploadFilesBody:
    """
    Attributes:
        file (File):
        dry_run (str | Unset): Check every row (against the database too) and write nothing.
        filename (str | Unset):
        kind (str | Unset): What the rows are: customers, or card balances.
        mapping (str | Unset): Column header -> field (null: ignore the column). Unmapped columns are matched by name:
            email, phone, source_id, name, birthday, language, marketing_consent, metadata (a JSON object) or
            metadata.<key>; cards: program_id, stamps.
        on_error (str | Unset): skip: a bad row is reported and the others go in. abort: the import stops at the first
            bad row (rows before it are in; the rest are reported as skipped).
        program_id (str | Unset): Cards: the program of every row without a program_id column.
    """

    file: File
    dry_run: str | Unset = UNSET
    filename: str | Unset = UNSET
    kind: str | Unset = UNSET
    mapping: str | Unset = UNSET
    on_error: str | Unset = UNSET
    program_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        dry_run = self.dry_run

        filename = self.filename

        kind = self.kind

        mapping = self.mapping

        on_error = self.on_error

        program_id = self.program_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if filename is not UNSET:
            field_dict["filename"] = filename
        if kind is not UNSET:
            field_dict["kind"] = kind
        if mapping is not UNSET:
            field_dict["mapping"] = mapping
        if on_error is not UNSET:
            field_dict["on_error"] = on_error
        if program_id is not UNSET:
            field_dict["program_id"] = program_id

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        if not isinstance(self.dry_run, Unset):
            files.append(("dry_run", (None, str(self.dry_run).encode(), "text/plain")))

        if not isinstance(self.filename, Unset):
            files.append(("filename", (None, str(self.filename).encode(), "text/plain")))

        if not isinstance(self.kind, Unset):
            files.append(("kind", (None, str(self.kind).encode(), "text/plain")))

        if not isinstance(self.mapping, Unset):
            files.append(("mapping", (None, str(self.mapping).encode(), "text/plain")))

        if not isinstance(self.on_error, Unset):
            files.append(("on_error", (None, str(self.on_error).encode(), "text/plain")))

        if not isinstance(self.program_id, Unset):
            files.append(("program_id", (None, str(self.program_id).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        dry_run = d.pop("dry_run", UNSET)

        filename = d.pop("filename", UNSET)

        kind = d.pop("kind", UNSET)

        mapping = d.pop("mapping", UNSET)

        on_error = d.pop("on_error", UNSET)

        program_id = d.pop("program_id", UNSET)

        upload_files_body = cls(
            file=file,
            dry_run=dry_run,
            filename=filename,
            kind=kind,
            mapping=mapping,
            on_error=on_error,
            program_id=program_id,
        )

        upload_files_body.additional_properties = d
        return upload_files_body

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
