"""Code 128 (ISO/IEC 15417) with the fewest symbol characters: which code set carries each
part of a code is chosen by dynamic programming, never by a look-ahead heuristic.

python-barcode 0.16.1 (the latest release) chooses code sets wrongly: it drops a leading "99"
(the value 99 is a digit pair in code set C but "switch to C" in A and B) and maps some Latin-1
letters onto function characters. Its bar pattern table is right, so only the table is used.
"""

from functools import cache

from barcode.charsets.code128 import CODES, STOP

Set = str  # "A", "B" or "C"
START: dict[Set, int] = {"A": 103, "B": 104, "C": 105}
# The symbol value that switches to a set: the same from either of the other two sets.
SWITCH: dict[Set, int] = {"A": 101, "B": 100, "C": 99}
PATTERNS: tuple[str, ...] = CODES  # value -> modules, from the standard's table
STOP_PATTERN: str = STOP + "11"  # the stop character ends with a 2-module termination bar


class NotEncodable(ValueError):
    """A character Code 128 cannot carry without function characters (outside ASCII)."""


def _value(char: str, code_set: Set) -> int | None:
    """The value of one character in set A or B, or None when the set lacks it."""
    point = ord(char)
    if code_set == "A":
        return point - 32 if 32 <= point < 96 else point + 64 if point < 32 else None
    return point - 32 if 32 <= point < 128 else None


def _units(code: str, at: int, code_set: Set) -> tuple[int, int] | None:
    """(value, characters consumed) of the next symbol character in a set, if it can carry it."""
    if code_set == "C":
        pair = code[at : at + 2]
        return (int(pair), 2) if len(pair) == 2 and pair.isascii() and pair.isdigit() else None
    value = _value(code[at], code_set)
    return None if value is None else (value, 1)


def values(code: str) -> list[int]:
    """The symbol values of ``code`` (start character first, no check character): the shortest
    sequence of code set switches and data characters that encodes it exactly."""
    if not code:
        raise NotEncodable("an empty code has no Code 128 symbol")
    if bad := [char for char in code if not char.isascii()]:
        raise NotEncodable(f"'{bad[0]}' is not an ASCII character")

    @cache
    def shortest(at: int, code_set: Set) -> tuple[int, ...]:
        """The values that encode ``code[at:]`` when set ``code_set`` is active."""
        if at == len(code):
            return ()
        best: tuple[int, ...] | None = None
        for target in "ABC":
            unit = _units(code, at, target)
            if unit is None:
                continue
            value, width = unit
            switch = () if target == code_set else (SWITCH[target],)
            candidate = (*switch, value, *shortest(at + width, target))
            if best is None or len(candidate) < len(best):
                best = candidate
        assert best is not None  # every ASCII character is in set A or B
        return best

    # A start followed by a switch is never shortest: starting in the target set saves one.
    code_set = min("ABC", key=lambda candidate: len(shortest(0, candidate)))
    encoded = shortest(0, code_set)
    return [START[code_set], *encoded]


def check_value(encoded: list[int]) -> int:
    """The modulo-103 check character: the start value plus each value times its position."""
    return (encoded[0] + sum(i * value for i, value in enumerate(encoded[1:], 1))) % 103


def modules(code: str) -> str:
    """The row of bars ('1') and spaces ('0') of the symbol, without quiet zones."""
    encoded = values(code)
    encoded.append(check_value(encoded))
    return "".join(PATTERNS[value] for value in encoded) + STOP_PATTERN
