"""CSV imports over HTTP: upload (text/csv body or a multipart form), progress, the per-row
report, and running a checked dry run."""

import json
import tempfile
from collections.abc import AsyncIterator
from typing import IO, Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from punchcard.imports import service
from punchcard.imports.schemas import ImportOptions, ImportOut, ImportRowOut, job_out, row_out
from punchcard.kit.errors import Unprocessable, UnsupportedMediaType
from punchcard.kit.http import Session
from punchcard.kit.openapi import problems
from punchcard.kit.pagination import Page, PageQuery
from punchcard.kit.schemas import FROM_TEXT
from punchcard.staff.auth import CurrentActor

router = APIRouter(tags=["Imports"])
ImportId = Annotated[str, Path(max_length=64)]
SPOOL_IN_MEMORY = 1024 * 1024  # larger uploads spill to a temporary file while they are read
CSV_EXAMPLE = "source_id;email;name\ncrm-1;ada@example.com;Ada\ncrm-2;bo@example.com;Bo\n"
OPTION_FIELDS = tuple(ImportOptions.model_fields)
UPLOAD_BODY = {
    "required": True,
    "content": {
        "text/csv": {
            "schema": {"type": "string"},
            "example": CSV_EXAMPLE,
            "description": "The file as the body; options as query parameters.",
        },
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {"type": "string", "format": "binary"},
                    **{
                        name: {"type": "string", "description": field.description or ""}
                        for name, field in ImportOptions.model_fields.items()
                    },
                },
            },
            "description": "The file in `file`; options as query parameters or form fields.",
        },
    },
}


async def _spooled(chunks: AsyncIterator[bytes]) -> IO[bytes]:
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 (returned)
    async for chunk in chunks:
        spool.write(chunk)
    spool.seek(0)
    return spool


def _options(given: dict[str, Any]) -> ImportOptions:
    mapping = given.get("mapping")
    try:
        if isinstance(mapping, str):
            given = {**given, "mapping": json.loads(mapping) if mapping.strip() else {}}
        return ImportOptions.model_validate(given, context={FROM_TEXT: True})  # a multipart form
    except (ValueError, ValidationError) as error:
        errors = error.errors() if isinstance(error, ValidationError) else []
        fields = [
            {"field": ".".join(str(p) for p in e["loc"]) or "mapping", "message": e["msg"]}
            for e in errors
        ] or [{"field": "mapping", "message": "not a JSON object"}]
        raise Unprocessable(
            "validation_error",
            f"Invalid {fields[0]['field']}: {fields[0]['message']}.",
            errors=fields,
        ) from None


async def _upload(request: Request) -> tuple[ImportOptions, IO[bytes]]:
    """The body is bounded before it is read (kit.bodylimit: PUNCHCARD_IMPORT_MAX_UPLOAD_BYTES
    for this route)."""
    given: dict[str, Any] = {k: v for k, v in request.query_params.items() if k in OPTION_FIELDS}
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media in ("text/csv", "text/plain", "application/csv"):
        return _options(given), await _spooled(request.stream())
    if media != "multipart/form-data":
        raise UnsupportedMediaType(
            "unsupported_media_type",
            "Send the file as text/csv, or as multipart/form-data with a `file` part.",
        )
    parser = MultiPartParser(request.headers, request.stream(), max_files=1, max_fields=20)
    try:
        form = await parser.parse()
    except MultiPartException as error:
        message = f"The form cannot be read: {error.message}."
        raise Unprocessable("multipart_invalid", message) from None
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise Unprocessable("file_missing", "The form has no `file` part.", field="file")
    given |= {k: v for k, v in form.items() if k in OPTION_FIELDS and isinstance(v, str)}
    if upload.filename:  # as the browser sent it: kept printable and short
        given.setdefault("filename", "".join(c for c in upload.filename if c >= " ")[:255])
    upload.file.seek(0)
    return _options(given), upload.file


@router.post(
    "/imports",
    status_code=202,
    response_model=ImportOut,
    summary="Upload a CSV of customers (or card balances) to import, or to check first",
    openapi_extra={"requestBody": UPLOAD_BODY},
    responses={
        **problems(
            422,
            "csv_column_ambiguous",
            "csv_column_missing",
            "csv_empty",
            "csv_encoding_invalid",
            "csv_header_duplicate",
            "csv_malformed",
            "csv_mapping_invalid",
            "csv_mapping_unknown_column",
            "csv_no_rows",
            "file_missing",
            "multipart_invalid",
        ),
        **problems(404, "program_not_found"),
        **{
            413: {"description": "content_too_large (PUNCHCARD_IMPORT_MAX_UPLOAD_BYTES)"},
            415: {"description": "unsupported_media_type"},
        },
    },
)
async def upload(
    request: Request,
    response: Response,
    session: Session,
    actor: CurrentActor,
) -> ImportOut:
    """Upload a CSV of customers (or card balances) to import, or to check first. The file is read
    at once (UTF-8 with or without a BOM, `,` or `;` detected from the header, quoted fields) and
    staged in the database; the rows are applied by the worker in batches. Follow `GET
    /v1/imports/{id}`. A file that cannot be read is refused whole (`csv_encoding_invalid` with its
    line, `csv_malformed`, `csv_column_missing`, `csv_mapping_invalid`, ...); a bad row is reported
    with its line and never stops the others unless `on_error=abort`. Uploading the same file again
    is harmless: every row is an upsert (`unchanged` the second time). **Who:** Managers and owners.
    **Emits:** none.
    """
    options, file = await _upload(request)
    with file:
        job = await service.create_import(session, actor, options=options, upload=file)
    response.headers["Location"] = f"/v1/imports/{job.id}"
    return job_out(job, [])


@router.get("/imports", response_model=Page[ImportOut], summary="List imports, newest first")
async def list_imports(session: Session, actor: CurrentActor, page: PageQuery) -> object:
    """List imports, newest first. **Who:** Owners and managers. **Emits:** none."""
    found, cursor = await service.list_imports(session, actor, page)
    return {"data": [job_out(job, []) for job in found], "next_cursor": cursor}


@router.get(
    "/imports/{import_id}",
    response_model=ImportOut,
    summary="An import's progress: status, counts and the first failed rows",
)
async def get_import(import_id: ImportId, session: Session, actor: CurrentActor) -> ImportOut:
    """An import's progress: status, counts and the first failed rows. **Who:** Owners and managers.
    **Emits:** none.
    """
    job = await service.get_import(session, actor, import_id)
    return job_out(job, await service.first_failures(session, job))


@router.get(
    "/imports/{import_id}/rows",
    response_model=Page[ImportRowOut],
    summary="The report: what each row did, in line order (filter by status)",
)
async def list_rows(
    import_id: ImportId,
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    status: Annotated[
        Literal["pending", "applied", "failed", "skipped"] | None,
        Query(description="Only rows with this status (failed: the errors to fix)."),
    ] = None,
) -> object:
    """The report: what each row did, in line order (filter by status). **Who:** Owners and
    managers. **Emits:** none.
    """
    found, cursor = await service.list_rows(session, actor, import_id, page, status=status)
    return {"data": [row_out(row) for row in found], "next_cursor": cursor}


@router.post(
    "/imports/{import_id}/run",
    status_code=202,
    response_model=ImportOut,
    summary="Apply a checked dry run for real (the same staged file)",
    responses={409: {"description": "import_not_checked"}},
)
async def run_checked(import_id: ImportId, session: Session, actor: CurrentActor) -> ImportOut:
    """Apply a checked dry run for real (the same staged file). **Who:** Owners and managers.
    **Emits:** none.
    """
    return job_out(await service.run_checked(session, actor, import_id), [])
