"""Property: every code a voucher can carry, drawn in every symbology, image type and size the
API allows, is read back by an independent barcode reader (zxing-cpp; SVG rasterised by resvg)
as exactly that code (EAN-13: with its check digit appended, and that reading redeems the code),
or is refused up front for the one reason its symbology cannot carry it.

Codes come from the real sources: fixed codes as the schema stores them, pattern and generated
codes from the real generator, pool codes as an upload accepts them, and digit codes (the EAN-13
and Code128 "99" cases). The run is bounded for CI by the ``barcodes`` profile (about two
seconds); a long run (5,000 examples, a few minutes):

    PUNCHCARD_BARCODE_PROFILE=barcodes-long \
        uv run pytest tests/vouchers/test_codes_scan_as_printed.py --hypothesis-show-statistics
"""

import os
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from punchcard.kit.errors import Unprocessable
from punchcard.vouchers import codes, rendering
from punchcard.vouchers.schemas import FixedCode, GeneratedCode, PatternCode
from tests.support.scanning import scan

settings.register_profile(
    "barcodes",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("barcodes-long", settings.get_profile("barcodes"), max_examples=5000)
PROFILE = settings.get_profile(os.environ.get("PUNCHCARD_BARCODE_PROFILE", "barcodes"))

MEDIA = {"png": "image/png", "svg": "image/svg+xml"}
READ_AS = {"qr": "QRCode", "code128": "Code128", "ean13": "EAN13"}
PRINTABLE = "".join(map(chr, range(0x21, 0x7F)))  # what charsets, affixes and pool codes allow
POOL_CODE = re.compile(r"[!-~]{1,64}")


def _valid(build: object) -> object:
    try:
        return build() if callable(build) else build
    except ValidationError:
        assume(False)
        raise AssertionError("unreachable") from None


charsets = st.one_of(
    st.just(codes.DEFAULT_CHARSET),
    st.just("0123456789"),
    st.text(st.sampled_from(PRINTABLE), min_size=2, max_size=64).map(
        lambda chars: "".join(dict.fromkeys(chars.upper()))
    ),
)
affixes = st.text(st.sampled_from(PRINTABLE.replace("#", "")), max_size=8)


@st.composite
def fixed_codes(draw: st.DrawFn) -> str:
    """What a fixed (or custom) code may be: any text the schema stores (upper-cased)."""
    text = draw(st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=64))
    return str(_valid(lambda: FixedCode(value=text).value))


@st.composite
def pattern_codes(draw: st.DrawFn) -> str:
    charset = draw(charsets)
    parts = draw(st.lists(st.tuples(affixes, st.integers(1, 6)), min_size=1, max_size=4))
    pattern = "".join(literal + codes.PLACEHOLDER * width for literal, width in parts)
    pattern += draw(affixes)
    template = _valid(lambda: PatternCode(pattern=pattern, charset=charset))
    assert isinstance(template, PatternCode)
    return codes.from_pattern(template.pattern, template.charset)


@st.composite
def generated_codes(draw: st.DrawFn) -> str:
    """Generated templates, and pools filled by bulk generation."""
    config = _valid(
        lambda: GeneratedCode(
            prefix=draw(affixes),
            length=draw(st.integers(1, 32)),
            charset=draw(charsets),
            postfix=draw(affixes),
        )
    )
    assert isinstance(config, GeneratedCode)
    return codes.from_pattern(config.code_pattern(), config.charset)


pool_codes = st.from_regex(POOL_CODE, fullmatch=True).map(codes.normalize)
# Digits: EAN-13 candidates (12 digits, 13 with any last digit) and the Code128 "99" prefix.
digit_codes = st.builds(
    lambda head, digits: head + digits,
    st.sampled_from(["", "99", "0"]),
    st.text(st.sampled_from("0123456789"), min_size=1, max_size=13),
)
any_code = st.one_of(fixed_codes(), pattern_codes(), generated_codes(), pool_codes, digit_codes)
sizes = st.builds(rendering.Size, st.integers(1, 16), st.integers(10, 600))


def _cannot_carry(code: str, symbology: rendering.Symbology) -> bool:
    """The one reason each symbology may refuse a code."""
    if symbology == "code128":
        return not code.isascii()
    if symbology == "ean13":
        if not (code.isascii() and code.isdigit() and len(code) in (12, 13)):
            return True
        return len(code) == 13 and code[12] != codes.gtin_check_digit(code[:12])
    return False


def _read_as(code: str, symbology: rendering.Symbology) -> str:
    if symbology == "ean13" and len(code) == 12:
        return code + codes.gtin_check_digit(code)
    return code


@PROFILE
@given(
    code=any_code,
    symbology=st.sampled_from(["qr", "code128", "ean13"]),
    size=sizes,
)
def test_every_code_scans_as_printed_or_is_refused_for_its_symbology(
    code: str, symbology: rendering.Symbology, size: rendering.Size
) -> None:
    for image_type, media_type in MEDIA.items():
        if _cannot_carry(code, symbology):
            with pytest.raises(Unprocessable) as refused:
                rendering.render(code, symbology, image_type, size)
            assert refused.value.code in {"code_not_ean13", "code_not_encodable"}
            continue
        image = rendering.render(code, symbology, image_type, size)
        read = _read_as(code, symbology)
        assert scan(image, media_type) == [(read, READ_AS[symbology])], (image_type, size)
        # What the till reads names this code when it is looked up (redeem, validate).
        assert code in codes.meanings(read)
