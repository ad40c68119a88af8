from tests.conftest import Tenant
from tests.support.factories import card, ok, problem, program, stamp, template


async def test_program_goals_name_their_rewards(tenant: Tenant) -> None:
    api = tenant.client
    cookie = await template(api)
    created = await program(api, [(5, cookie["id"])], card_validity_days=365)
    assert created["goals"] == [
        {
            "index": 0,
            "stamps": 5,
            "template_id": cookie["id"],
            "lottery_id": None,
            "title": "Free cookie",
        }
    ]
    assert (created["after_last_goal"], created["status"]) == ("restart", "active")
    assert ok(await api.get(f"/v1/programs/{created['id']}")) == created


async def test_goals_must_increase_and_reference_known_templates(tenant: Tenant) -> None:
    api = tenant.client
    tpl = await template(api)
    body = {
        "name": "P",
        "goals": [
            {"stamps": 10, "template_id": tpl["id"]},
            {"stamps": 5, "template_id": tpl["id"]},
        ],
    }
    problem(await api.post("/v1/programs", json=body), 422, "validation_error")
    body = {"name": "P", "goals": [{"stamps": 5, "template_id": "vtp_missing"}]}
    errors = problem(await api.post("/v1/programs", json=body), 422, "voucher_template_not_found")[
        "errors"
    ]
    assert errors[0]["field"] == "body.goals.0.template_id"


async def test_editing_goals_keeps_issued_cards_and_vouchers(tenant: Tenant) -> None:
    api = tenant.client
    cookie = await template(api)
    coffee = await template(api, title="Free coffee")
    prg = await program(api, [(5, cookie["id"])])
    the_card = await card(api, prg["id"])
    await stamp(api, the_card["id"], 3)
    ok(
        await api.patch(
            f"/v1/programs/{prg['id']}",
            json={
                "goals": [
                    {"stamps": 4, "template_id": cookie["id"]},
                    {"stamps": 8, "template_id": coffee["id"]},
                ]
            },
        )
    )
    state = ok(await api.get(f"/v1/cards/{the_card['id']}"))
    assert (state["stamps"], state["next_goal"]["stamps_to_go"]) == (3, 1)
    result = await stamp(api, the_card["id"], 5)
    assert [v["title"] for v in result["vouchers_issued"]] == ["Free cookie", "Free coffee"]


async def test_unknown_program_is_404(tenant: Tenant) -> None:
    problem(await tenant.client.get("/v1/programs/prg_nope"), 404, "program_not_found")


async def test_programs_filter_by_status(tenant: Tenant) -> None:
    api = tenant.client
    tpl = await template(api)
    live = await program(api, [(5, tpl["id"])])
    old = await program(api, [(5, tpl["id"])])
    ok(await api.patch(f"/v1/programs/{old['id']}", json={"status": "archived"}))
    active = ok(await api.get("/v1/programs", params={"status": "active"}))["data"]
    assert [p["id"] for p in active] == [live["id"]]
