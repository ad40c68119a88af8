"""Reading an uploaded CSV file: UTF-8 (with or without a BOM), `,` or `;` (detected from the
header), quoted fields, physical line numbers for every record. It reads line by line, so a
file of any size costs the memory of one record, and a byte that is not UTF-8 is reported on
the very line that holds it."""

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from punchcard.kit.errors import Unprocessable

SEPARATORS = ",;\t"
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _not_utf8(line: int, reason: str) -> Unprocessable:
    return Unprocessable(
        "csv_encoding_invalid",
        f"Line {line} is not UTF-8 ({reason}): save the file as UTF-8 (CSV UTF-8 in Excel).",
        line=line,
    )


class _Lines:
    """The file's lines, decoded; counts them so records know where they start."""

    def __init__(self, upload: IO[bytes]) -> None:
        self.upload = upload
        self.count = 0

    def __iter__(self) -> Iterator[str]:
        for raw in self.upload:
            self.count += 1
            if self.count == 1:
                if raw.startswith(UTF16_BOMS):
                    raise _not_utf8(1, "it is UTF-16")
                raw = raw.removeprefix(UTF8_BOM)
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise _not_utf8(self.count, f"byte {error.start + 1} of the line") from None


def _separator(header_line: str) -> str:
    try:
        return csv.Sniffer().sniff(header_line, delimiters=SEPARATORS).delimiter
    except csv.Error:  # one column: no separator to find
        return ","


@dataclass
class Record:
    line: int  # where the record starts (a quoted field may span lines)
    cells: list[str]


class CsvFile:
    """``header``, ``separator``, then ``records()`` once."""

    def __init__(self, upload: IO[bytes]) -> None:
        self._lines = _Lines(upload)
        lines = iter(self._lines)
        first = next(lines, None)
        if first is None or not first.strip():
            raise Unprocessable("csv_empty", "The file is empty: the first line must be a header.")
        self.separator = _separator(first)
        self._reader = csv.reader(_chain(first, lines), delimiter=self.separator, strict=True)
        self.header = [cell.strip() for cell in self._next()[1]]

    def _next(self) -> tuple[int, list[str]]:
        start = self._lines.count + 1
        try:
            return start, next(self._reader)
        except csv.Error as error:
            raise Unprocessable(
                "csv_malformed", f"Line {self._lines.count}: {error}.", line=self._lines.count
            ) from None

    def records(self) -> Iterator[Record]:
        """Every non-blank record after the header."""
        while True:
            try:
                line, cells = self._next()
            except StopIteration:
                return
            if any(cell.strip() for cell in cells):
                yield Record(line, cells)


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest
