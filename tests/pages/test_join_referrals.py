"""A referral code on the join form: filled in by the referral link, checked when sent, and,
for an email or phone that is a customer's already, refused silently (and recorded)."""

import re
from collections.abc import Iterator
from contextlib import contextmanager

from tests.conftest import Tenant
from tests.pages.conftest import Visitor
from tests.pages.test_join_page import customer_by_email, error_of, join_path
from tests.support.factories import card, coffee_program, ok
from tests.support.referrals import referral_program, referrals_of, referrer, refusals_of


def _field(html: str) -> str | None:
    found = re.search(r'<input id="referral_code"[^>]*value="([^"]*)"', html)
    return found.group(1) if found else None


async def test_the_referral_link_fills_in_the_code(tenant: Tenant, visitor: Visitor) -> None:
    made = await referral_program(tenant.client)
    ada = await referrer(tenant.client, made)
    path = ada["link"].removeprefix("http://127.0.0.1:8000")

    page = await visitor.get(path)
    plain = await visitor.get(join_path(tenant, made["program_id"]))

    assert page.status_code == 200
    assert _field(page.text) == ada["code"]
    assert _field(plain.text) == ""  # a program with referrals asks for a code
    other = await coffee_program(tenant.client)
    assert _field((await visitor.get(join_path(tenant, other["id"]))).text) is None


async def test_a_new_visitor_with_a_code_is_referred_and_sees_the_welcome_voucher(
    tenant: Tenant, visitor: Visitor
) -> None:
    made = await referral_program(tenant.client)
    ada = await referrer(tenant.client, made)
    path = join_path(tenant, made["program_id"])

    joined = await visitor.submit(
        path, {"name": "Ben", "email": "ben@example.com", "referral_code": f" {ada['code']} "}
    )

    assert joined.status_code == 303
    [referral] = await referrals_of(tenant.client, made["id"])
    ben = await customer_by_email(tenant.client, "ben@example.com")
    assert (referral["via"], referral["referee_customer_id"]) == ("join_form", ben["id"])
    web_card = await visitor.get(joined.headers["location"])
    assert "Welcome cookie" in web_card.text


async def test_an_unknown_code_shows_the_form_again_and_creates_nobody(
    tenant: Tenant, visitor: Visitor
) -> None:
    made = await referral_program(tenant.client)
    path = join_path(tenant, made["program_id"])

    answer = await visitor.submit(
        path, {"name": "Ben", "email": "ben@example.com", "referral_code": "GUESS-1234"}
    )

    assert answer.status_code == 422
    assert error_of(answer.text, "referral_code") == (
        "We do not know this referral code. Please check it, or leave the field empty."
    )
    assert 'value="ben@example.com"' in answer.text
    assert ok(await tenant.client.get("/v1/customers"))["data"] == []
    [refusal] = await refusals_of(tenant.client)
    assert (refusal["reason"], refusal["code"], refusal["via"]) == (
        "unknown_code",
        "GUESS-1234",
        "join_form",
    )


@contextmanager
def _failures_allowed(tenant: Tenant, count: int) -> Iterator[None]:
    settings = tenant.client._transport.app.state.settings  # type: ignore[attr-defined]
    default, settings.referral_code_failures_per_address = (
        settings.referral_code_failures_per_address,
        count,
    )
    try:
        yield
    finally:
        settings.referral_code_failures_per_address = default


async def test_an_address_trying_codes_is_stopped_before_the_look_up(
    tenant: Tenant, visitor: Visitor
) -> None:
    made = await referral_program(tenant.client)
    ada = await referrer(tenant.client, made)
    path = join_path(tenant, made["program_id"])

    with _failures_allowed(tenant, 2):
        guesses = [
            await visitor.submit(
                path, {"name": "M", "email": f"m{n}@example.com", "referral_code": f"GUESS-{n}"}
            )
            for n in range(2)
        ]
        right = await visitor.submit(
            path, {"name": "M", "email": "m9@example.com", "referral_code": ada["code"]}
        )

    assert [g.status_code for g in guesses] == [422, 422]
    assert right.status_code == 429
    assert int(right.headers["retry-after"]) > 0
    assert await referrals_of(tenant.client, made["id"]) == []


async def test_a_known_address_with_a_code_changes_nothing_and_is_recorded(
    tenant: Tenant, visitor: Visitor
) -> None:
    api = tenant.client
    made = await referral_program(api)
    ada = await referrer(api, made, "ada@example.com")
    await card(api, made["program_id"], "cleo@example.com")
    path = join_path(tenant, made["program_id"])

    answers = [
        await visitor.submit(path, {"name": "X", "email": email, "referral_code": ada["code"]})
        for email in ("cleo@example.com", "ada@example.com")
    ]

    assert {a.headers["location"] for a in answers} == {f"{path}/sent"}
    assert await referrals_of(api, made["id"]) == []
    refusals = await refusals_of(api, made["id"])
    assert [r["reason"] for r in refusals] == ["self_referral", "known_customer"]
    assert refusals[0]["detail"] == (
        "The referee is the referrer (the same email), on the join form."
    )


async def test_a_nul_byte_in_the_code_is_a_field_error(tenant: Tenant, visitor: Visitor) -> None:
    made = await referral_program(tenant.client)

    answer = await visitor.submit(
        join_path(tenant, made["program_id"]),
        {"name": "Ben", "email": "ben@example.com", "referral_code": "FRIEND\x00"},
    )

    assert answer.status_code == 422
    assert error_of(answer.text, "referral_code") == "Please remove the unusual characters."


async def test_a_prefilled_code_is_escaped(tenant: Tenant, visitor: Visitor) -> None:
    made = await referral_program(tenant.client)

    page = await visitor.get(
        join_path(tenant, made["program_id"]), params={"ref": '"><script>x</script>'}
    )

    assert page.status_code == 200
    assert "<script>" not in page.text


async def test_a_ref_no_code_can_be_is_left_out(tenant: Tenant, visitor: Visitor) -> None:
    made = await referral_program(tenant.client)

    page = await visitor.get(join_path(tenant, made["program_id"]), params={"ref": "X" * 65})

    assert page.status_code == 200
    assert _field(page.text) == ""
