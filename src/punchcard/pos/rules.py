"""How many stamps a sale earns under a connector's stamp rule."""

from typing import Any

MAX_STAMPS = 1000  # what one add-stamp call accepts


def stamps_for(rule: dict[str, Any], amount: int) -> int:
    """0 when the sale is below the rule's minimum (a sale of nothing never earns)."""
    if amount <= 0:
        return 0
    if rule["per"] == "receipt":
        minimum = rule.get("minimum") or 0
        return int(rule.get("stamps", 1)) if amount >= minimum else 0
    per = int(rule["amount"])
    minimum = per if rule.get("minimum") is None else int(rule["minimum"])
    if amount < minimum:
        return 0
    return min(max(1, amount // per), rule.get("max_stamps") or MAX_STAMPS, MAX_STAMPS)
