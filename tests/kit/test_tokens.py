from punchcard.kit.crypto import token_for, token_matches


def test_a_token_is_stable_and_recognised_only_for_its_purpose_and_subject() -> None:
    token = token_for("apple-pass", "card_1")
    assert token == token_for("apple-pass", "card_1")
    assert len(token) >= 40
    assert token_matches("apple-pass", "card_1", token)
    assert not token_matches("web-card", "card_1", token)
    assert not token_matches("apple-pass", "card_2", token)
