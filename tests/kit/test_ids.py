import base64
from datetime import UTC, datetime

from punchcard.kit.ids import id_at, new_id

# The ULID specification's example: this millisecond is 01ARYZ6S41 (Crockford base32).
SPEC_MOMENT = datetime(2016, 7, 30, 22, 36, 16, 385_000, tzinfo=UTC)


def test_an_id_is_a_ulid_in_crockford_base32_after_its_prefix() -> None:
    assert id_at("cus", SPEC_MOMENT) == "cus_01aryz6s41" + "0" * 16
    assert id_at("cus", SPEC_MOMENT, rand=2**80 - 1) == "cus_01aryz6s41" + "z" * 16
    last_digits = id_at("evt", SPEC_MOMENT, rand=0b11111_00000_00001)[-3:]
    assert last_digits == "z01"


def test_ids_made_one_after_another_sort_in_that_order() -> None:
    made = [new_id("cus") for _ in range(1000)]

    assert sorted(made) == made
    assert len(set(made)) == 1000


def test_every_bit_of_an_id_is_its_base32_digit() -> None:
    # The reference: RFC 4648 base32 of the 130 bits, with Crockford's digits.
    crockford = bytes.maketrans(
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", b"0123456789abcdefghjkmnpqrstvwxyz"
    )
    for bit in range(128):
        moment, rand = divmod(1 << bit, 1 << 80)
        made = id_at("x", datetime.fromtimestamp(moment / 1000, UTC), rand)
        expected = base64.b32encode(((moment << 80) | rand).to_bytes(20, "big"))[6:]
        assert made == "x_" + expected.translate(crockford).decode()
