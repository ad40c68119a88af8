"""The web card's lottery: a Play button per ticket (a plain form), Post/Redirect/Get back to
the card, and the result shown there."""

import re

import httpx

from punchcard.wallet.web_link import path as card_path
from tests.conftest import Tenant
from tests.pages.conftest import Visitor
from tests.support.factories import lottery, lottery_card, ok, template, tickets


async def only_prize(api: httpx.AsyncClient, stock: int | None = None) -> dict:  # type: ignore[type-arg]
    coffee = await template(
        api, title="Free coffee", redeem_code={"type": "fixed", "value": "WINNER"}
    )
    prize = {"key": "free_coffee", "template_id": coffee["id"], "weight": 1, "stock": stock}
    return await lottery(api, [prize])


def result(html: str) -> str | None:
    found = re.search(r'data-testid="lottery-result">([^<]*)<', html)
    return found.group(1) if found else None


def play_forms(html: str) -> list[str]:
    return re.findall(r'<form method="post" action="([^"]+/lottery/[^"]+)">', html)


async def play(visitor: Visitor, card: str, ticket_id: str) -> httpx.Response:
    """Tap Play as a browser does: the card page's form, with its CSRF token."""
    token = await visitor.form_token(card)
    return await visitor.post(f"{card}/lottery/{ticket_id}/play", data={"csrf_token": token})


async def test_the_web_card_offers_each_ticket_to_play(tenant: Tenant, visitor: Visitor) -> None:
    the_card = await lottery_card(tenant.client, (await lottery(tenant.client))["id"])
    first, second = await tickets(tenant.client, the_card["id"], 2)
    here = card_path(tenant.business_id, the_card["id"])

    page = await visitor.get(here)

    assert play_forms(page.text) == [
        f"{here}/lottery/{first['id']}/play",
        f"{here}/lottery/{second['id']}/play",
    ]
    assert page.text.count(">Play now</button>") == 2
    assert "Spin the wheel" in page.text
    assert result(page.text) is None


async def test_playing_redirects_to_the_card_which_shows_the_result_and_the_prize(
    tenant: Tenant, visitor: Visitor
) -> None:
    the_card = await lottery_card(tenant.client, (await only_prize(tenant.client))["id"])
    [ticket] = await tickets(tenant.client, the_card["id"])
    here = card_path(tenant.business_id, the_card["id"])

    played = await play(visitor, here, ticket["id"])
    page = await visitor.get(played.headers["location"])

    assert played.status_code == 303
    assert played.headers["location"] == here
    assert result(page.text) == "You won: Free coffee"
    assert "Code: WINNER" in page.text
    assert play_forms(page.text) == []
    [draw] = ok(await tenant.client.get("/v1/lottery-draws", params={"ticket_id": ticket["id"]}))[
        "data"
    ]
    assert (draw["via"], draw["staff_id"], draw["won"]) == ("web_card", None, True)


async def test_a_second_tap_plays_nothing_more(tenant: Tenant, visitor: Visitor) -> None:
    the_card = await lottery_card(tenant.client, (await lottery(tenant.client))["id"])
    [ticket] = await tickets(tenant.client, the_card["id"])
    here = card_path(tenant.business_id, the_card["id"])

    taps = [await play(visitor, here, ticket["id"]), await play(visitor, here, ticket["id"])]

    assert [tap.status_code for tap in taps] == [303, 303]
    played = ok(await tenant.client.get("/v1/events", params={"type": "lottery_played"}))
    assert len(played["data"]) == 1


async def test_a_wrong_link_or_another_cards_ticket_plays_nothing(
    tenant: Tenant, visitor: Visitor
) -> None:
    lucky = await lottery(tenant.client)
    mine = await lottery_card(tenant.client, lucky["id"])
    theirs = await lottery_card(tenant.client, lucky["id"])
    [ticket] = await tickets(tenant.client, theirs["id"])
    my_link = card_path(tenant.business_id, mine["id"])
    wrong_token = f"/c/{tenant.business_id}/{theirs['id']}/not-the-token"

    token = await visitor.form_token(my_link)
    for base in (my_link, wrong_token):
        answer = await visitor.post(
            f"{base}/lottery/{ticket['id']}/play", data={"csrf_token": token}
        )
        assert answer.status_code == 404, base
        assert "This card link is not valid." in answer.text

    assert ok(await tenant.client.get(f"/v1/vouchers/{ticket['id']}"))["status"] == "issued"


async def test_a_sold_out_lottery_shows_a_note_instead_of_the_button(
    tenant: Tenant, visitor: Visitor
) -> None:
    the_card = await lottery_card(tenant.client, (await only_prize(tenant.client, 0))["id"])
    [ticket] = await tickets(tenant.client, the_card["id"])
    here = card_path(tenant.business_id, the_card["id"])

    page = await visitor.get(here)
    played = await play(visitor, here, ticket["id"])

    assert "All prizes are gone for now. Your ticket stays valid." in page.text
    assert ">Play now</button>" not in page.text
    assert played.status_code == 303
    assert ok(await tenant.client.get(f"/v1/vouchers/{ticket['id']}"))["status"] == "issued"


async def test_the_result_speaks_the_customers_language(tenant: Tenant, visitor: Visitor) -> None:
    lucky = await lottery(
        tenant.client,
        [{"key": "free", "template_id": (await template(tenant.client))["id"], "weight": 1}],
    )
    program = ok(
        await tenant.client.post(
            "/v1/programs",
            json={"name": "Glück", "goals": [{"stamps": 1, "lottery_id": lucky["id"]}]},
        ),
        201,
    )
    body = {"program_id": program["id"], "customer": {"email": "jo@example.com", "language": "de"}}
    the_card = ok(await tenant.client.post("/v1/cards", json=body), 201)
    [ticket] = await tickets(tenant.client, the_card["id"])
    here = card_path(tenant.business_id, the_card["id"])

    before = await visitor.get(here)
    await play(visitor, here, ticket["id"])
    after = await visitor.get(here)

    assert "Jetzt spielen" in before.text
    assert result(after.text) == "Gewonnen: Free cookie"


async def test_a_play_without_the_forms_token_is_refused(tenant: Tenant, visitor: Visitor) -> None:
    the_card = await lottery_card(tenant.client, (await lottery(tenant.client))["id"])
    [ticket] = await tickets(tenant.client, the_card["id"])
    here = card_path(tenant.business_id, the_card["id"])

    forged = await visitor.post(f"{here}/lottery/{ticket['id']}/play")

    assert forged.status_code == 403
    assert ok(await tenant.client.get(f"/v1/vouchers/{ticket['id']}"))["status"] == "issued"
