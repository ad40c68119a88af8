"""Redeem codes: normalised for scanning and typing, generated from ``#`` patterns."""

from punchcard.kit.ids import random_code

# No 0/O or 1/I: staff read these aloud and type them.
DEFAULT_CHARSET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
DEFAULT_PATTERN = "####-####"
PLACEHOLDER = "#"


def normalize(code: str) -> str:
    """Codes match case-insensitively and ignore surrounding whitespace, as tills do."""
    return code.strip().upper()


def from_pattern(pattern: str, charset: str = DEFAULT_CHARSET) -> str:
    return "".join(
        random_code(charset, 1) if char == PLACEHOLDER else char for char in normalize(pattern)
    )


def space_size(pattern: str, charset: str) -> int:
    return int(len(charset) ** pattern.count(PLACEHOLDER))
