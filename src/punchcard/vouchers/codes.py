"""Redeem codes: normalised for scanning and typing, generated from ``#`` patterns."""

import re
import secrets
from functools import lru_cache

# No 0/O or 1/I: staff read these aloud and type them.
DEFAULT_CHARSET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
DEFAULT_PATTERN = "####-####"
PLACEHOLDER = "#"
# Below this many possible codes, random codes collide early and guessing one gets easy.
MIN_SPACE = 1_000
MAX_CODE_LENGTH = 64


def normalize(code: str) -> str:
    """Codes match case-insensitively and ignore surrounding whitespace, as tills do."""
    return code.strip().upper()


def gtin_check_digit(digits: str) -> str:
    """The GS1 check digit of EAN-13 (12 digits) and UPC-A (11): weights 3, 1, 3, ... from the
    right."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str(-total % 10)


def _gtin13(code: str) -> str | None:
    """The EAN-13 a till scanned, if ``code`` is one: 13 digits with the right check digit, or a
    UPC-A (12 digits, the EAN-13 without its leading 0, as many tills report EAN-13s that start
    with 0)."""
    if not (code.isascii() and code.isdigit() and len(code) in (12, 13)):
        return None
    gtin = code.rjust(13, "0")
    return gtin if gtin[12] == gtin_check_digit(gtin[:12]) else None


def meanings(code: str) -> tuple[str, ...]:
    """The voucher codes a scanned or typed code can name, most literal first: the code itself;
    then, when it reads as an EAN-13 symbol, the code that symbol was drawn from (a 12-digit
    code is drawn with its check digit appended, so the till sends 13 digits, or 12 as UPC-A).
    A wrong check digit names nothing more."""
    gtin = _gtin13(code)
    if gtin is None:
        return (code,)
    return tuple(dict.fromkeys((code, gtin, gtin[:12])))


def space_size(pattern: str, charset: str) -> int:
    return int(len(charset) ** pattern.count(PLACEHOLDER))


def space_problem(pattern: str, charset: str) -> str | None:
    """Why a pattern cannot serve unique codes, or None when its space is big enough."""
    size = space_size(pattern, charset)
    if size >= MIN_SPACE:
        return None
    slots = pattern.count(PLACEHOLDER)
    return (
        f"only {len(charset)}^{slots} = {size:,} different codes are possible, fewer than the "
        f"minimum of {MIN_SPACE:,}: add random characters or use a larger charset"
    )


def generated_pattern(prefix: str, length: int, postfix: str) -> str:
    return f"{prefix}{PLACEHOLDER * length}{postfix}"


def split_generated(pattern: str) -> tuple[str, int, str]:
    """(prefix, length, postfix) of a pattern made by ``generated_pattern``."""
    first, last = pattern.index(PLACEHOLDER), pattern.rindex(PLACEHOLDER)
    return pattern[:first], last - first + 1, pattern[last + 1 :]


@lru_cache(maxsize=64)
def _byte_map(charset: str) -> tuple[bytes, bytes]:
    """A translate table from random bytes onto the charset, and the bytes to drop.

    Bytes at or above the largest multiple of len(charset) are dropped (rejection sampling),
    so every character is equally likely: no modulo bias."""
    size = len(charset)
    limit = 256 - 256 % size
    table = bytes(ord(charset[byte % size]) if byte < limit else 0 for byte in range(256))
    return table, bytes(range(limit, 256))


def random_chars(charset: str, count: int) -> str:
    """``count`` uniformly random characters of an ASCII charset, produced in C (fast)."""
    table, dropped = _byte_map(charset)
    chunks, have = [], 0
    while have < count:
        # Ask for a little more than needed, since up to half the bytes can be dropped.
        chunk = secrets.token_bytes(2 * (count - have) + 16).translate(table, dropped)
        chunks.append(chunk)
        have += len(chunk)
    return b"".join(chunks)[:count].decode("ascii")


def pattern_parts(pattern: str) -> tuple[list[str], list[int]]:
    """(literals, widths): the literal text around each run of placeholders and the runs'
    widths; there is one literal more than widths (the first and last may be empty)."""
    runs = re.split(f"({re.escape(PLACEHOLDER)}+)", normalize(pattern))
    return runs[0::2], [len(run) for run in runs[1::2]]


def random_codes(pattern: str, charset: str, count: int) -> list[str]:
    """``count`` codes of the pattern (they may repeat: uniqueness is the database's job)."""
    literals, widths = pattern_parts(pattern)
    slots = sum(widths)
    chars = random_chars(charset, slots * count)
    if len(widths) == 1:  # prefix + random + postfix: the common shape, kept fast
        head, tail = literals
        return [head + chars[i : i + slots] + tail for i in range(0, slots * count, slots)]
    codes = []
    for start in range(0, slots * count, slots):
        parts, at = [literals[0]], start
        for width, literal in zip(widths, literals[1:], strict=True):
            parts += (chars[at : at + width], literal)
            at += width
        codes.append("".join(parts))
    return codes


def from_pattern(pattern: str, charset: str = DEFAULT_CHARSET) -> str:
    return random_codes(pattern, charset, 1)[0]
