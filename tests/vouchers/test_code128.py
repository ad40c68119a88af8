"""Code 128 encoding: the shortest run of code sets, with every character kept."""

import pytest

from punchcard.vouchers import code128


@pytest.mark.parametrize(
    ("code", "values"),
    [
        ("991234567890", [105, 99, 12, 34, 56, 78, 90]),  # 99 is the pair "99" in set C
        ("99ABC", [103, 25, 25, 33, 34, 35]),  # two digits alone are not worth set C
        ("12345", [103, 17, 99, 23, 45]),  # an odd digit first, then pairs
        ("CAFE-12345678", [103, 35, 33, 38, 37, 13, 99, 12, 34, 56, 78]),
        ("A\tb", [103, 33, 73, 100, 66]),  # a control character needs set A, "b" set B
    ],
)
def test_code_sets_are_chosen_for_the_fewest_characters(code: str, values: list[int]) -> None:
    assert code128.values(code) == values


@pytest.mark.parametrize("code", ["CAFÉ", "€5", ""])
def test_what_code128_cannot_carry_is_refused(code: str) -> None:
    with pytest.raises(code128.NotEncodable):
        code128.modules(code)
