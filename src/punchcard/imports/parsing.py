"""A batch of staged rows as the inputs their use case takes (the same validation as the API's).
Pure Python, about half of a batch's time, and it needs no database: the runner parses the
next batch while the current one's statements run (see ``batches.step``)."""

import asyncio
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from punchcard.customers.schemas import CustomerUpsert
from punchcard.imports.columns import METADATA
from punchcard.imports.results import RowResult, row_error
from punchcard.imports.schemas import CardBalance
from punchcard.kit.schemas import FROM_TEXT

Rows = dict[int, BaseModel]  # valid rows by line
# Rows parsed between turns of the event loop (a few milliseconds): the replies to the current
# batch's statements are taken up promptly.
TURN = 50


@dataclass(frozen=True)
class Parsed:
    """A batch: the staged rows (line, data, errors) read after line ``after``, in line order;
    those refused before their use case sees them, and the valid ones."""

    after: int
    staged: Sequence[Any]
    refused: dict[int, RowResult]
    valid: Rows


def _invalid(error: ValidationError) -> list[dict[str, Any]]:
    return [
        row_error(
            "invalid_value",
            str(detail["msg"]).removeprefix("Value error, "),
            ".".join(str(part) for part in detail["loc"]) or None,
        )
        for detail in error.errors()
    ]


def _parse(kind: str, data: dict[str, str], program_id: str | None) -> BaseModel:
    """A staged row as the input its use case takes."""
    if kind == "cards":
        return CardBalance.model_validate(
            {"program_id": program_id, **data} if program_id else data, context={FROM_TEXT: True}
        )
    fields: dict[str, Any] = {k: v for k, v in data.items() if not k.startswith(METADATA)}
    metadata = {k[len(METADATA) :]: v for k, v in data.items() if k.startswith(METADATA)}
    if "metadata" in fields:  # a JSON object, as exports write it
        fields["metadata"] = _json_object(fields["metadata"], metadata)
    elif metadata:
        fields["metadata"] = metadata
    return CustomerUpsert.model_validate(fields, context={FROM_TEXT: True})


def _json_object(text: str, more: dict[str, str]) -> Any:
    try:
        parsed = json.loads(text)
    except ValueError:
        return text  # validation says what is wrong: not an object
    if "\\u0000" in json.dumps(parsed):  # a NUL character: PostgreSQL cannot store it
        raise _NulInJson()
    return {**parsed, **more} if isinstance(parsed, dict) else parsed


class _NulInJson(ValueError):
    """A JSON cell spelling out a NUL character (\\u0000)."""


async def parse(kind: str, program_id: str | None, after: int, staged: Sequence[Any]) -> Parsed:
    """Every staged row parsed, or refused with what is wrong with it."""
    refused: dict[int, RowResult] = {}
    valid: Rows = {}
    for count, row in enumerate(staged, 1):
        if row.errors and not row.data:  # refused when staged (a duplicate, a NUL byte, ...)
            refused[row.line] = RowResult.failed(row.line, *row.errors)
        else:
            try:
                valid[row.line] = _parse(kind, row.data, program_id)
            except ValidationError as error:
                refused[row.line] = RowResult.failed(row.line, *_invalid(error))
            except _NulInJson:
                nul = row_error("invalid_character", "The JSON holds a NUL character.", "metadata")
                refused[row.line] = RowResult.failed(row.line, nul)
        if count % TURN == 0:
            await asyncio.sleep(0)  # a turn of the event loop, not a wait
    return Parsed(after, staged, refused, valid)
