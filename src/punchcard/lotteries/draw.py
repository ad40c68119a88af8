"""The draw, pure: a variant is drawn with probability weight / (sum of the weights of the
variants in the draw). A prize whose stock is used up drops out, so the others share its part
in proportion to their weights (10/30/60 with the 10 gone: 30/90 and 60/90).

``pick`` is the whole rule, written so an auditor can replay any recorded draw with it."""

import secrets
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    id: str
    key: str
    title: str
    template_id: str | None  # None: no prize
    weight: int
    stock: int | None  # None: unlimited

    @property
    def in_draw(self) -> bool:
        return self.stock is None or self.stock > 0


@dataclass(frozen=True)
class Draw:
    index: int  # of the entry drawn
    random_number: int  # uniform in [0, total_weight)
    total_weight: int


def total_weight(entries: Sequence[Entry]) -> int:
    return sum(entry.weight for entry in entries if entry.in_draw)


def chances(entries: Sequence[Entry]) -> list[float]:
    total = total_weight(entries)
    return [entry.weight / total if total and entry.in_draw else 0.0 for entry in entries]


def pick(entries: Sequence[Entry], random_number: int) -> int:
    """The entry ``random_number`` (in [0, total_weight)) lands on: in order, skipping those out
    of the draw, the first whose running sum of weights exceeds it."""
    running = 0
    for index, entry in enumerate(entries):
        if entry.in_draw:
            running += entry.weight
            if random_number < running:
                return index
    raise ValueError(f"{random_number} is not below the total weight {running}")


def draw(entries: Sequence[Entry]) -> Draw | None:
    """A draw from the operating system's cryptographic random source; None when nothing is
    left in the draw."""
    total = total_weight(entries)
    if total == 0:
        return None
    number = secrets.randbelow(total)
    return Draw(pick(entries, number), number, total)
