"""The draw rule, pure: how a random number maps to a variant, and what a used-up prize does."""

import pytest

from punchcard.lotteries.draw import Entry, chances, draw, pick, total_weight


def entry(key: str, weight: int, stock: int | None = None) -> Entry:
    return Entry(f"lvr_{key}", key, key, None, weight, stock)


WHEEL = [entry("coffee", 1), entry("cookie", 3), entry("no_prize", 6)]


def test_each_number_lands_on_the_variant_its_running_weight_covers() -> None:
    landed = [WHEEL[pick(WHEEL, number)].key for number in range(total_weight(WHEEL))]

    assert landed == ["coffee"] + ["cookie"] * 3 + ["no_prize"] * 6


def test_a_used_up_prize_is_skipped_and_the_others_share_its_part() -> None:
    wheel = [entry("coffee", 1, stock=0), entry("cookie", 3, stock=2), entry("no_prize", 6)]

    landed = [wheel[pick(wheel, number)].key for number in range(total_weight(wheel))]

    assert landed == ["cookie"] * 3 + ["no_prize"] * 6
    assert chances(wheel) == [0.0, 3 / 9, 6 / 9]


def test_a_number_outside_the_total_weight_is_refused() -> None:
    with pytest.raises(ValueError, match="not below the total weight 10"):
        pick(WHEEL, 10)


def test_nothing_is_drawn_when_nothing_is_left() -> None:
    assert draw([entry("coffee", 1, stock=0)]) is None
    assert chances([entry("coffee", 1, stock=0)]) == [0.0]


def test_a_draw_says_how_it_was_drawn() -> None:
    drawn = draw(WHEEL)

    assert drawn is not None
    assert drawn.total_weight == 10
    assert 0 <= drawn.random_number < 10
    assert drawn.index == pick(WHEEL, drawn.random_number)
