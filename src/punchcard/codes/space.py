"""How much of a pattern's code space a business already uses: codes in any pool or on any
voucher that the pattern could produce. Bulk generation refuses up front what cannot fit."""

from sqlalchemy import ColumnElement, func, select, union
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.codes.pool import codes_t, vouchers_t
from punchcard.vouchers import codes

_GLOB_SPECIAL = "*?["


def _glob_class(charset: str) -> str:
    """A SQLite GLOB class of exactly ``charset``: ']' is literal only first, '^' negates only
    first, '-' makes a range unless it is last (or first)."""
    plain = "".join(char for char in charset if char not in "]^-")
    ordered = ("]" if "]" in charset else "") + plain + ("^" if "^" in charset else "")
    ordered += "-" if "-" in charset else ""
    if ordered.startswith("^"):  # only '^' and '-': "-^" reads as two literals
        ordered = ordered[::-1]
    return f"[{ordered}]"


def glob(pattern: str, charset: str) -> str:
    """The pattern's space as a SQLite GLOB (case-sensitive, like the stored codes)."""
    literals, widths = codes.pattern_parts(pattern)
    slot = _glob_class(charset)
    escaped = ["".join(f"[{c}]" if c in _GLOB_SPECIAL else c for c in text) for text in literals]
    runs = zip(widths, escaped[1:], strict=True)
    return escaped[0] + "".join(slot * width + text for width, text in runs)


def _char(char: str) -> str:
    return f"\\U{ord(char):08x}"  # a character-entry escape: no character is special


def regex(pattern: str, charset: str) -> str:
    """The pattern's space as a PostgreSQL regular expression (advanced syntax)."""
    literals, widths = codes.pattern_parts(pattern)
    slot = "[" + "".join(map(_char, charset)) + "]"
    escaped = ["".join(map(_char, text)) for text in literals]
    runs = zip(widths, escaped[1:], strict=True)
    body = "".join(f"{slot}{{{width}}}{text}" for width, text in runs)
    return f"^{escaped[0]}{body}$"


def in_space(
    column: ColumnElement[str], pattern: str, charset: str, dialect: str
) -> ColumnElement[bool]:
    if dialect == "postgresql":
        return column.op("~")(regex(pattern, charset))
    return column.op("GLOB")(glob(pattern, charset))


async def used(
    session: AsyncSession, business_id: str, pattern: str, charset: str, *, in_pools: bool = True
) -> int:
    """How many different codes of the pattern's space the business has on its vouchers and,
    unless ``in_pools`` is false, in its pools (a pool code handed out is both, counted once)."""
    dialect = session.get_bind().dialect.name
    on_vouchers = select(vouchers_t.c.redeem_code.label("code")).where(
        vouchers_t.c.business_id == business_id,
        in_space(vouchers_t.c.redeem_code, pattern, charset, dialect),
    )
    pooled = select(codes_t.c.code).where(
        codes_t.c.business_id == business_id,
        in_space(codes_t.c.code, pattern, charset, dialect),
    )
    found = union(on_vouchers, pooled) if in_pools else on_vouchers.distinct()
    return int(await session.scalar(select(func.count()).select_from(found.subquery())) or 0)
