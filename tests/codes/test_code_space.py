"""Which stored codes a pattern's space holds, decided in SQL (a GLOB on SQLite, a regular
expression on PostgreSQL), agrees with the pattern itself for every charset the API accepts,
including characters those languages treat as special."""

import random
import re

import pytest
from sqlalchemy import literal, select

from punchcard.codes.space import in_space
from punchcard.db.engine import Database
from punchcard.vouchers import codes

PRINTABLE = "".join(map(chr, range(0x21, 0x7F)))
CASES = [
    ("CAFE-####", codes.DEFAULT_CHARSET),
    ("####", "0123456789"),
    ("[#]*?-##%_", "]^-"),  # GLOB and LIKE specials in literals, class specials in the charset
    ("^##$", "^-"),
    ("\\##.", "\\.[]"),
    ("Ä#{2}#", "*?"),
    ("##", PRINTABLE.replace("#", "")),
]


def _samples(pattern: str, charset: str, rng: random.Random) -> list[tuple[str, bool]]:
    """Codes of the pattern (in its space) and near misses (one character off, or one more)."""
    made = [codes.from_pattern(pattern, charset) for _ in range(20)]
    outside = [char for char in PRINTABLE if char not in charset]
    slots = [i for i, char in enumerate(pattern) if char == codes.PLACEHOLDER]
    misses = []
    for code in made[:10]:
        at = rng.choice(slots)
        misses += [code[:at] + rng.choice(outside) + code[at + 1 :], code + rng.choice(charset)]
    return [(code, True) for code in made] + [(code, False) for code in misses]


@pytest.mark.parametrize(("pattern", "charset"), CASES)
async def test_a_code_is_in_a_space_exactly_when_the_pattern_makes_it(
    db: Database, pattern: str, charset: str
) -> None:
    rng = random.Random(pattern)
    shape = re.compile(
        "".join(f"[{re.escape(charset)}]" if c == "#" else re.escape(c) for c in pattern)
    )
    async with db.transaction() as session:
        dialect = session.get_bind().dialect.name
        for code, inside in _samples(pattern, charset, rng):
            assert bool(shape.fullmatch(code)) is inside, code  # the samples are what they say
            matched = await session.scalar(
                select(in_space(literal(code), pattern, charset, dialect))
            )
            assert bool(matched) is inside, (code, pattern, charset)
