"""Code pools: import codes from the POS, generate them in bulk, read the pool's status,
download and remove codes. Issuing takes codes from the pool (pool.py)."""

import csv
import io
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.codes import space as code_space
from punchcard.codes.bulk import Upload
from punchcard.codes.pool import codes_t, counts
from punchcard.codes.schemas import (
    SAMPLE,
    CodeGenerate,
    CodeStatus,
    Duplicates,
    GenerateResult,
    ImportResult,
    PoolStatus,
)
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import Conflict, NotFound, Unprocessable
from punchcard.kit.ids import new_id
from punchcard.staff.actor import Actor, Permission
from punchcard.vouchers import codes
from punchcard.vouchers.models import VoucherTemplate
from punchcard.vouchers.schemas import PatternCode
from punchcard.vouchers.service import get_template, refuse_if_archived

CHUNK = 10_000  # codes per round of generation (one COPY and one INSERT ... SELECT)
DRAW_MARGIN = 1.1
MIN_DRAW = 64
MAX_FILL = 0.5  # of the free space a round needs at most (the half-space rule sees to it)
# Rounds in a row that find no new code: with a free half, 64 draws all taken has a chance of
# 2**-64 per round, so this only happens when other requests filled the space meanwhile.
FRUITLESS_ROUNDS = 3
_CODE = re.compile(r"[!-~]{1,64}")  # printable ASCII, no spaces: what tills and barcodes take
Progress = Callable[[int], None]


async def pool_template(session: AsyncSession, actor: Actor, template_id: str) -> VoucherTemplate:
    template = await get_template(session, actor, template_id)
    if template.code_type != "pool":
        raise Conflict(
            "template_not_pool",
            f"Template '{template_id}' takes its codes from '{template.code_type}', not a pool: "
            'set its redeem_code to {"type": "pool"} first.',
        )
    return template


async def status(session: AsyncSession, actor: Actor, template_id: str) -> PoolStatus:
    actor.require(Permission.PROGRAMS_READ)
    template = await pool_template(session, actor, template_id)
    return await _status(session, template)


async def _status(session: AsyncSession, template: VoucherTemplate) -> PoolStatus:
    found = await counts(session, template.business_id, template.id)
    threshold = template.code_pool_low_stock or 0
    return PoolStatus(
        template_id=template.id,
        available=found["available"],
        assigned=found["assigned"],
        total=found["available"] + found["assigned"],
        low_stock_below=threshold,
        low_stock=found["available"] < threshold,
    )


def _duplicates(found: list[str]) -> Duplicates:
    return Duplicates(count=len(found), sample=found[:SAMPLE])


def _valid_codes(raw: list[str]) -> list[str]:
    """Normalised codes; a 422 naming the first bad entries (1-based) if any is malformed."""
    normalised = [codes.normalize(code) for code in raw]
    bad = [(n, code) for n, code in enumerate(normalised, 1) if not _CODE.fullmatch(code)]
    if bad:
        raise Unprocessable(
            "invalid_codes",
            f"{len(bad)} code(s) are empty, longer than 64 characters or not printable ASCII "
            f"without spaces; the first is entry {bad[0][0]}. Nothing was imported.",
            invalid=[{"entry": n, "code": code[:80]} for n, code in bad[:SAMPLE]],
        )
    return normalised


async def import_codes(
    session: AsyncSession,
    actor: Actor,
    template_id: str,
    raw: list[str],
    *,
    skip_duplicates: bool = False,
) -> ImportResult:
    """All or nothing: with duplicates the upload is refused whole (reported), unless
    ``skip_duplicates`` imports the rest and reports what it skipped."""
    actor.require(Permission.PROGRAMS_MANAGE)
    template = await pool_template(session, actor, template_id)
    refuse_if_archived(template, "uploading codes into its pool")
    given = _valid_codes(raw)
    unique = list(dict.fromkeys(given))
    repeated = [code for code, n in Counter(given).items() if n > 1]
    batch_id = new_id("cbt")
    upload = await Upload(session).open()
    await upload.replace(_with_ids(batch_id, unique, itertools.count()))
    taken = await upload.taken(actor.business_id)
    report = {
        "within_upload": _duplicates(repeated),
        "already_in_business": _duplicates(taken),
    }
    if (repeated or taken) and not skip_duplicates:
        raise _duplicates_refused(report)
    imported = await upload.insert_new(
        business_id=actor.business_id,
        template_id=template.id,
        batch_id=batch_id,
        now=utcnow(),
    )
    await upload.close()
    if imported != len(unique) - len(taken):
        # A concurrent upload took some of these codes after we looked: refuse whole.
        raise _duplicates_refused(report)
    return ImportResult(
        batch_id=batch_id, imported=imported, pool=await _status(session, template), **report
    )


def _duplicates_refused(report: dict[str, Duplicates]) -> Conflict:
    return Conflict(
        "duplicate_codes",
        f"{report['within_upload'].count} code(s) repeat within the upload and "
        f"{report['already_in_business'].count} are already in the business; nothing was "
        "imported. Remove them, or send ?skip_duplicates=true to import the rest.",
        **{name: found.model_dump() for name, found in report.items()},
    )


def _with_ids(
    batch_id: str, batch: list[str], sequence: "itertools.count[int]"
) -> list[tuple[str, str]]:
    """(id, code) rows: batch id + sequence, so the pool hands codes out in load order."""
    return [(f"{batch_id}{next(sequence):07d}", code) for code in batch]


def _config(template: VoucherTemplate, data: CodeGenerate) -> tuple[str, str]:
    """(pattern, charset): the request's config, else the pool's, else the default."""
    if data.config is not None:
        return data.config.code_pattern(), data.config.charset
    if template.code_pattern and template.code_charset:
        return template.code_pattern, template.code_charset
    default = PatternCode(pattern=codes.DEFAULT_PATTERN)
    return default.pattern, default.charset


def _too_small(count: int, pattern: str, space: int, used: int) -> Unprocessable:
    room = max(0, space // 2 - used)
    has = (
        f"the business already has {used:,} of them (in pools or on vouchers)"
        if used
        else ("the business has none of them yet")
    )
    return Unprocessable(
        "code_space_too_small",
        f"{count:,} codes asked of pattern '{pattern}', which has {space:,} possible codes; "
        f"{has}. At most half a space is used, so at most {room:,} more can be generated: "
        "ask for fewer, add random characters or use a larger charset.",
        errors=[{"field": "body.count", "message": f"at most {room:,} for this pattern"}],
        space=space,
        in_use=used,
        at_most=room,
    )


def _draws(needed: int, free: int, space: int) -> int:
    """How many random codes to draw so that ``needed`` new ones are among them, most likely:
    k uniform draws from ``space`` codes hit ``free * (1 - exp(-k / space))`` different free
    ones on average. A tenth more, and a few, make a shortfall rare (the next round tops it
    up); a surplus is removed (``_drop_newest``)."""
    expected = -space * math.log1p(-min(needed / free, MAX_FILL))
    return min(CHUNK, math.ceil(DRAW_MARGIN * expected) + MIN_DRAW)


async def generate(
    session: AsyncSession,
    actor: Actor,
    template_id: str,
    data: CodeGenerate,
    on_progress: Progress | None = None,
) -> GenerateResult:
    """Generate ``count`` codes new to the business into the pool, in one transaction.

    At most half of a pattern's space is ever filled, counting the codes the business already
    has in it (``code_space_too_small`` up front otherwise): guessing a code stays hard, and
    every random draw is new with a chance of at least one half, so rounds of draws sized to
    what is missing finish in a few steps, every time."""
    actor.require(Permission.PROGRAMS_MANAGE)
    template = await pool_template(session, actor, template_id)
    refuse_if_archived(template, "generating codes into its pool")
    pattern, charset = _config(template, data)
    space = codes.space_size(pattern, charset)
    used = await code_space.used(session, actor.business_id, pattern, charset)
    if data.count > space // 2 - used:
        raise _too_small(data.count, pattern, space, used)
    batch_id, sequence, now = new_id("cbt"), itertools.count(), utcnow()
    upload = await Upload(session).open()
    generated, fruitless = 0, 0
    while generated < data.count:
        needed = data.count - generated
        draws = _draws(needed, space - used - generated, space)
        fresh = dict.fromkeys(codes.random_codes(pattern, charset, draws))
        await upload.replace(_with_ids(batch_id, list(fresh), sequence))
        added = await upload.insert_new(
            business_id=actor.business_id, template_id=template.id, batch_id=batch_id, now=now
        )
        if added > needed:  # the draws are sized to find a little more than is missing
            await _drop_newest(session, template, batch_id, added - needed)
            added = needed
        generated += added
        if on_progress is not None:
            on_progress(added)
        fruitless = 0 if added else fruitless + 1
        if fruitless == FRUITLESS_ROUNDS:  # only if others filled the space meanwhile
            in_use = await code_space.used(session, actor.business_id, pattern, charset)
            raise Conflict(
                "code_space_exhausted",
                f"Only {generated:,} of {data.count:,} new codes found: while they were being "
                f"generated, other requests filled pattern '{pattern}' ({in_use:,} of its "
                f"{space:,} codes are in use now). Nothing was generated.",
            )
    await upload.close()
    return GenerateResult(
        batch_id=batch_id,
        generated=generated,
        pattern=pattern,
        charset=charset,
        download=f"/v1/voucher-templates/{template.id}/code-pool/codes?batch_id={batch_id}",
        pool=await _status(session, template),
    )


async def _drop_newest(
    session: AsyncSession, template: VoucherTemplate, batch_id: str, count: int
) -> None:
    """Remove the batch's last ``count`` codes (a batch's ids grow in the order drawn)."""
    newest = (
        select(codes_t.c.id)
        .where(*_scope(template.business_id, template.id), codes_t.c.batch_id == batch_id)
        .order_by(codes_t.c.id.desc())
        .limit(count)
    )
    await session.execute(
        delete(codes_t).where(
            codes_t.c.business_id == template.business_id, codes_t.c.id.in_(newest)
        )
    )


def _scope(business_id: str, template_id: str) -> list[Any]:
    return [codes_t.c.business_id == business_id, codes_t.c.template_id == template_id]


async def export(
    session: AsyncSession,
    actor: Actor,
    template_id: str,
    *,
    status_is: CodeStatus | None = None,
    batch_id: str | None = None,
) -> str:
    """The pool as CSV (``code`` first, so a POS or our own import reads it back)."""
    actor.require(Permission.PROGRAMS_MANAGE)
    await pool_template(session, actor, template_id)
    query = select(
        codes_t.c.code, codes_t.c.status, codes_t.c.batch_id, codes_t.c.voucher_id
    ).where(*_scope(actor.business_id, template_id))
    if status_is:
        query = query.where(codes_t.c.status == status_is)
    if batch_id:
        query = query.where(codes_t.c.batch_id == batch_id)
    rows = (await session.execute(query.order_by(codes_t.c.id))).all()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "status", "batch_id", "voucher_id"])
    writer.writerows((row.code, row.status, row.batch_id, row.voucher_id or "") for row in rows)
    return out.getvalue()


async def remove_unassigned(
    session: AsyncSession, actor: Actor, template_id: str, *, batch_id: str | None = None
) -> int:
    """Remove the pool's free codes (of one batch, or all); assigned codes stay as history."""
    actor.require(Permission.PROGRAMS_MANAGE)
    await pool_template(session, actor, template_id)
    where = [*_scope(actor.business_id, template_id), codes_t.c.status == "available"]
    if batch_id:
        where.append(codes_t.c.batch_id == batch_id)
    return int((await session.execute(delete(codes_t).where(*where))).rowcount)  # type: ignore[attr-defined]


async def remove_code(session: AsyncSession, actor: Actor, template_id: str, code: str) -> None:
    actor.require(Permission.PROGRAMS_MANAGE)
    await pool_template(session, actor, template_id)
    where = [*_scope(actor.business_id, template_id), codes_t.c.code == codes.normalize(code)]
    removed = await session.execute(
        delete(codes_t).where(*where, codes_t.c.status == "available").returning(codes_t.c.id)
    )
    if removed.first() is not None:
        return
    if await session.scalar(select(codes_t.c.voucher_id).where(*where)) is not None:
        raise Conflict("code_assigned", f"Code '{code}' was handed to a voucher; it stays.")
    raise NotFound("code_not_found", f"No code '{code}' in the pool of template '{template_id}'.")
