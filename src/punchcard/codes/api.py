"""Code pools over HTTP: upload (CSV or JSON), generate in bulk, status, download, remove."""

import csv
import io
import json
import logging
import re
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Path, Query, Request, Response
from fastapi.responses import JSONResponse

from punchcard.codes import service
from punchcard.codes.pool import CodePoolEmpty, record_pool_empty
from punchcard.codes.schemas import (
    CodeGenerate,
    CodeImport,
    CodeStatus,
    GenerateResult,
    ImportResult,
    PoolStatus,
    Removed,
)
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import ProblemError, Unprocessable
from punchcard.kit.http import PROBLEM_JSON, Session, database
from punchcard.kit.openapi import problems
from punchcard.staff.auth import CurrentActor

log = logging.getLogger("punchcard")
router = APIRouter(tags=["Code pools"])
TemplateId = Annotated[str, Path(max_length=64)]
BatchId = Annotated[str | None, Query(max_length=64)]
POOL = "/voucher-templates/{template_id}/code-pool"
CSV_BODY = {
    "description": "One code per line, or a CSV with a `code` column (other columns ignored).",
    "schema": {"type": "string"},
    "example": "code\nGIFT-1001\nGIFT-1002\n",
}


def _unreadable(line: int, reason: str) -> Unprocessable:
    return Unprocessable(
        "invalid_csv",
        f"The CSV cannot be read at line {line}: {reason}. Nothing was imported.",
        errors=[{"field": "body", "message": f"line {line}: {reason}"}],
    )


def _csv_rows(text: str) -> list[list[str]]:
    """The CSV's rows; 422 ``invalid_csv`` when they cannot be told apart for sure."""
    if bare := re.search(r"\r(?!\n)", text):
        # Old Mac line ends, or a stray CR: a code either side of it may be cut or joined.
        line = text.count("\n", 0, bare.start()) + 1
        reason = "a carriage return (CR) without a line feed; save it with LF or CRLF line ends"
        raise _unreadable(line, reason)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return list(reader)
    except csv.Error as error:  # e.g. a field beyond the csv module's size limit
        raise _unreadable(reader.line_num, str(error)) from error


def codes_of_csv(text: str) -> list[str]:
    rows = [row for row in _csv_rows(text) if any(cell.strip() for cell in row)]
    if not rows:
        return []
    header = [cell.strip().lower() for cell in rows[0]]
    if "code" in header:
        column = header.index("code")
        return [row[column] if column < len(row) else "" for row in rows[1:]]
    if any(len(row) > 1 for row in rows):
        raise Unprocessable(
            "csv_code_column_missing",
            "The CSV has several columns but no header naming a `code` column.",
        )
    return [row[0] for row in rows]


async def _uploaded_codes(request: Request) -> list[str]:
    body = (await request.body()).decode("utf-8-sig", errors="replace")
    if request.headers.get("content-type", "").split(";")[0].strip() == "text/csv":
        found = codes_of_csv(body)
        if not found:
            raise Unprocessable("no_codes", "The CSV holds no codes.")
        return found
    try:
        return CodeImport.model_validate(json.loads(body)).codes
    except ValueError as error:  # JSON or validation: name what is wrong
        raise Unprocessable(
            "validation_error",
            'Send text/csv, or JSON {"codes": ["...", ...]} (1 to 200,000 codes).',
            errors=[{"field": "body.codes", "message": str(error)[:500]}],
        ) from error


@router.get(
    POOL,
    response_model=PoolStatus,
    summary="A code pool's status (available, assigned)",
    responses={**problems(409, "template_not_pool")},
)
async def pool_status(template_id: TemplateId, session: Session, actor: CurrentActor) -> object:
    """A code pool's status (available, assigned). **Who:** Any staff key (owner, manager or
    scanner). **Emits:** none.
    """
    return await service.status(session, actor, template_id)


@router.post(
    f"{POOL}/codes",
    status_code=201,
    response_model=ImportResult,
    summary="Upload codes created in the POS into the pool (CSV or JSON; all or nothing)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/csv": CSV_BODY,
                "application/json": {"schema": CodeImport.model_json_schema()},
            },
        }
    },
    responses={
        409: {
            "description": "duplicate_codes (with counts and samples), template_not_pool or "
            "template_archived"
        },
        **problems(
            422,
            "invalid_codes",
            "invalid_csv",
            "csv_code_column_missing",
            "no_codes",
            "validation_error",
            why="invalid_csv names the line (e.g. a bare carriage return).",
        ),
    },
)
async def import_codes(
    template_id: TemplateId,
    request: Request,
    session: Session,
    actor: CurrentActor,
    skip_duplicates: bool = False,
) -> object:
    """Upload codes created in the POS into the pool (CSV or JSON; all or nothing). **Who:** Owners
    and managers not bound to a location. **Emits:** none.
    """
    codes = await _uploaded_codes(request)
    return await service.import_codes(
        session, actor, template_id, codes, skip_duplicates=skip_duplicates
    )


@router.post(
    f"{POOL}/generate",
    status_code=201,
    response_model=GenerateResult,
    summary="Generate unique codes into the pool in bulk (one batch, downloadable as CSV)",
    responses={
        409: {"description": "code_space_exhausted, template_not_pool or template_archived"},
        422: {"description": "code_space_too_small or validation_error"},
    },
)
async def generate_codes(
    template_id: TemplateId, body: CodeGenerate, session: Session, actor: CurrentActor
) -> object:
    """Generate unique codes into the pool in bulk (one batch, downloadable as CSV). Generates
    `count` codes new to the business (in no pool and on no voucher), in one transaction. At most
    half of a pattern's space is used, counting the codes of it the business already has: a larger
    request is refused up front (`422 code_space_too_small`, with `space`, `in_use` and `at_most`);
    a request that passes completes every time, unless concurrent requests fill the space meanwhile
    (`409 code_space_exhausted`). **Who:** Owners and managers not bound to a location. **Emits:**
    none.
    """
    return await service.generate(session, actor, template_id, body)


@router.get(
    f"{POOL}/codes",
    summary="Download the pool's codes as CSV (code, status, batch_id, voucher_id)",
    response_class=Response,
    responses={
        **problems(409, "template_not_pool"),
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
    },
)
async def download_codes(
    template_id: TemplateId,
    session: Session,
    actor: CurrentActor,
    status: CodeStatus | None = None,
    batch_id: BatchId = None,
) -> Response:
    """Download the pool's codes as CSV (code, status, batch_id, voucher_id). **Who:** Owners and
    managers not bound to a location. **Emits:** none.
    """
    text = await service.export(session, actor, template_id, status_is=status, batch_id=batch_id)
    return Response(
        text,
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{template_id}-codes.csv"'},
    )


@router.delete(
    f"{POOL}/codes",
    response_model=Removed,
    summary="Remove the pool's unassigned codes (all, or one batch's)",
    responses={**problems(409, "template_not_pool")},
)
async def remove_unassigned(
    template_id: TemplateId, session: Session, actor: CurrentActor, batch_id: BatchId = None
) -> object:
    """Remove the pool's unassigned codes (all, or one batch's). **Who:** Owners and managers not
    bound to a location. **Emits:** none.
    """
    return Removed(
        removed=await service.remove_unassigned(session, actor, template_id, batch_id=batch_id)
    )


@router.delete(
    f"{POOL}/codes/{{code}}",
    status_code=204,
    summary="Remove one unassigned code from the pool",
    responses={
        **problems(409, "code_assigned", "template_not_pool"),
        **problems(404, "code_not_found"),
    },
)
async def remove_code(
    template_id: TemplateId,
    code: Annotated[str, Path(max_length=64)],
    session: Session,
    actor: CurrentActor,
) -> Response:
    """Remove one unassigned code from the pool. **Who:** Owners and managers not bound to a
    location. **Emits:** none.
    """
    await service.remove_code(session, actor, template_id, code)
    return Response(status_code=204)


async def _on_pool_empty(request: Request, exc: Exception) -> JSONResponse:
    """The request's transaction has rolled back; the event gets a transaction of its own."""
    assert isinstance(exc, CodePoolEmpty)
    try:
        async with database(request).transaction() as session:
            await record_pool_empty(session, exc, utcnow())
    except Exception:  # the answer to the till matters more than the alert
        log.exception("could not record code_pool_empty for %s", exc.template_id)
    return _problem(exc)


def _problem(exc: ProblemError) -> JSONResponse:
    body: dict[str, Any] = exc.body()
    return JSONResponse(body, exc.status, media_type=PROBLEM_JSON)


def install(app: FastAPI) -> None:
    app.add_exception_handler(CodePoolEmpty, _on_pool_empty)
