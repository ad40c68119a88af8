"""The stamp arithmetic on its own: goals crossed, rounds, edits that shrink a program."""

from punchcard.cards.progress import cross, standing

GOALS = [{"stamps": 5, "template_id": "a"}, {"stamps": 10, "template_id": "b"}]


def test_no_goal_crossed_below_first_threshold() -> None:
    result = cross(0, 4, GOALS, restart=True)
    assert (result.reached, result.stamps, result.rounds_completed) == ([], 4, 0)


def test_landing_exactly_on_a_goal_reaches_it() -> None:
    assert cross(4, 1, GOALS, restart=True).reached == [0]


def test_restart_wraps_at_last_goal() -> None:
    result = cross(9, 1, GOALS, restart=True)
    assert (result.reached, result.stamps, result.rounds_completed) == ([1], 0, 1)


def test_continue_never_wraps() -> None:
    result = cross(9, 30, GOALS, restart=False)
    assert (result.reached, result.stamps, result.rounds_completed) == ([1], 39, 0)


def test_card_beyond_a_shrunk_last_goal_finishes_its_round() -> None:
    # The program was edited from 12 to 10 stamps while this card sat at 11.
    result = cross(11, 1, GOALS, restart=True)
    assert (result.reached, result.stamps, result.rounds_completed) == ([], 1, 1)


def test_standing_names_the_next_goal() -> None:
    where = standing(7, GOALS)
    assert (where.goal_index, where.stamps_to_next_goal) == (1, 3)
    assert where.next_goal == {"index": 1, "stamps": 10, "template_id": "b"}
    assert standing(10, GOALS).next_goal is None
