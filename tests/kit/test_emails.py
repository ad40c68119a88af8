import pytest
from email_validator import EmailNotValidError, validate_email

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


def _by_the_library(address: str) -> str:
    """What email-validator itself says of the whole address: normalised, or why not."""
    try:
        return validate_email(address, check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        return f"not a valid email address: {exc}"


ODD_ADDRESSES = [
    "Ann.Lee+Tag@Example.COM",
    "!#$%&'*+-/=?^_`{|}~@example.com",  # every ASCII character a dot-atom may hold
    "PostMaster@example.com",  # a mailbox name the library lower-cases itself
    "a@xn--bcher-kva.de",  # IDNA ASCII: normalised to its Unicode form
    "a@XN--BCHER-KVA.DE",
    "a@bücher.de",
    "ännä@example.com",
    '"ann lee"@example.com',
    '"ann"@example.com',
    "Ann Lee <ann@example.com>",
    "ann@example.com ",
    " ann@example.com",
    ".ann@example.com",
    "ann.@example.com",
    "ann..lee@example.com",
    "ann@example..com",
    "ann@.example.com",
    "ann@example.com.",
    "ann@-example.com",
    "ann@example-.com",
    "ann@example",
    "ann@localhost",
    "ann@example.invalid",
    "ann@test",
    "ann@example.123",
    "ann@1.2.3.4",
    "ann@[1.2.3.4]",
    "ann@@example.com",
    "@example.com",
    "ann@",
    "ann",
    "a" * 64 + "@example.com",
    "a" * 65 + "@example.com",  # over the local part's 64 (the library refuses it only when strict)
    "ann@" + "d" * 63 + ".com",
    "ann@" + "d" * 64 + ".com",
    f"ann.lee.x@{LONG_DOMAIN}",
    f"ann@{LONG_DOMAIN}",
    "a" * 200 + "@" + "b" * 49 + ".com",  # 254 characters: the longest address
    "a" * 200 + "@" + "b" * 50 + ".com",
    "ann@xn--" + "ls8h" * 12 + ".com",  # punycode that decodes to more UTF-8 bytes
]


@pytest.mark.parametrize("address", ODD_ADDRESSES)
def test_an_address_is_taken_or_refused_exactly_as_the_library_does(address: str) -> None:
    try:
        ours = normalized_email(address)
    except ValueError as exc:
        ours = str(exc)
    assert ours == _by_the_library(address)
