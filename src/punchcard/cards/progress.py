"""Pure stamp arithmetic: where a card stands and which goals a stamp crosses."""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Standing:
    goal_index: int  # goals already reached this round = index of the next goal
    next_goal: dict[str, Any] | None
    stamps_to_next_goal: int | None


@dataclass
class Crossing:
    reached: list[int] = field(default_factory=list)  # goal indexes, in the order reached
    rounds_completed: int = 0
    stamps: int = 0  # position in the round after the stamps


def thresholds(goals: list[dict[str, Any]]) -> list[int]:
    return [int(goal["stamps"]) for goal in goals]


def standing(stamps: int, goals: list[dict[str, Any]]) -> Standing:
    steps = thresholds(goals)
    index = sum(1 for step in steps if step <= stamps)
    if index >= len(goals):
        return Standing(index, None, None)
    return Standing(index, {"index": index, **goals[index]}, steps[index] - stamps)


def cross(before: int, count: int, goals: list[dict[str, Any]], restart: bool) -> Crossing:
    """Add ``count`` stamps to a card at ``before``; in restart mode the last goal ends a round.

    A card left beyond the last goal by a program edit finishes its round with the next stamp.
    """
    steps = thresholds(goals)
    if not restart or not steps:
        reached = [i for i, step in enumerate(steps) if before < step <= before + count]
        return Crossing(reached, 0, before + count)
    last = steps[-1]
    result = Crossing(stamps=before)
    if result.stamps >= last:
        result.stamps, result.rounds_completed = 0, 1
    remaining = count
    while remaining:
        step = min(remaining, last - result.stamps)
        start, result.stamps = result.stamps, result.stamps + step
        result.reached += [i for i, s in enumerate(steps) if start < s <= result.stamps]
        remaining -= step
        if result.stamps == last:
            result.stamps = 0
            result.rounds_completed += 1
    return result
