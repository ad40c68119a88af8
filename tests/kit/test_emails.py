import pytest

from punchcard.kit.emails import normalized_email

# A domain of 247 characters: valid alone, too long for an address with more than 6 before the @.
LONG_DOMAIN = ".".join(["d" * 60] * 4) + ".com"


def test_an_address_is_normalised_to_lower_case() -> None:
    assert normalized_email("Ann.Lee@Example.COM") == "ann.lee@example.com"


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("ann..lee@example.com", "two periods in a row"),  # the domain is fine, the local part not
        ("ann lee@example.com", "invalid characters"),
        (f"ann.lee.x@{LONG_DOMAIN}", "too long"),  # each part is fine, the whole too long
        ("ann@exa mple.com", "after the @-sign contains invalid characters"),
    ],
)
def test_an_address_on_a_domain_already_checked_is_still_checked_whole(
    address: str, reason: str
) -> None:
    assert normalized_email("someone@example.com")
    assert normalized_email(f"ann@{LONG_DOMAIN}")

    with pytest.raises(ValueError, match=f"not a valid email address: .*{reason}"):
        normalized_email(address)
    with pytest.raises(ValueError, match=reason):  # a refusal is not remembered as a pass
        normalized_email(address)
