"""The schema-driven fuzzer's side of a business: real resources to aim at (a random id only
ever meets a 404), and the fuzzing of one operation."""

import itertools
from collections.abc import Callable
from typing import Any

import httpx
import requests
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import Case
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.schemas import APIOperation
from schemathesis.specs.openapi.checks import status_code_conformance

_serial = itertools.count(1)
# Never a 5xx, and every status answered is one the document lists for the operation.
CHECKS = [not_a_server_error, status_code_conformance]


def _made(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code in (200, 201), f"{response.status_code}: {response.text}"
    made: dict[str, Any] = response.json()
    return made


def seed(api: httpx.Client, location_id: str) -> tuple[dict[str, list[str]], str]:
    """One of each resource a path names, made by the owner's client ``api``; the ids by path
    parameter name, and a scanner's API key bound to ``location_id``."""
    n = next(_serial)
    post: Callable[..., dict[str, Any]] = lambda path, body: _made(api.post(path, json=body))  # noqa: E731
    fixed = post(
        "/v1/voucher-templates",
        {"title": "Free cookie", "redeem_code": {"type": "fixed", "value": f"COOKIE{n}"}},
    )
    pool = post(
        "/v1/voucher-templates",
        {"title": "Pool gift", "redeem_code": {"type": "pool", "generate": {"length": 10}}},
    )
    program = post(
        "/v1/programs", {"name": "Coffee", "goals": [{"stamps": 1, "template_id": fixed["id"]}]}
    )
    card = post(
        "/v1/cards", {"program_id": program["id"], "customer": {"email": f"fuzz{n}@example.com"}}
    )
    voucher = post(f"/v1/cards/{card['id']}/stamps", {"count": 1})["vouchers_issued"][0]
    location = post("/v1/locations", {"name": f"Fuzz street {n}"})
    staff = post("/v1/staff", {"name": f"Fuzz {n}", "login": f"fuzz{n}", "role": "manager"})
    key = post("/v1/api-keys", {"staff_id": staff["id"]})
    scanner = post(
        "/v1/staff",
        {"name": f"Scan {n}", "login": f"scan{n}", "role": "scanner", "location_id": location_id},
    )
    scanner_key = post("/v1/api-keys", {"staff_id": scanner["id"]})["key"]
    endpoint = post("/v1/webhooks", {"url": "http://127.0.0.1:9/hook"})
    lottery = post(
        "/v1/lotteries",
        {
            "title": "Wheel",
            "variants": [{"key": "cookie", "template_id": fixed["id"], "weight": 1}],
        },
    )
    connector = post(
        "/v1/pos-connectors", {"type": "generic", "name": "Till", "program_id": program["id"]}
    )
    body = {"subject": "Hi {{ first_name }}", "text": "Hello. {{ unsubscribe_link }}"}
    message = post(
        "/v1/message-templates", {"name": "Promo", "channel": "email", "bodies": {"en": body}}
    )
    automation = post("/v1/automations", {"name": "Welcome", "kind": "welcome"})
    ids = {
        "card_ref": [card["id"], card["scan_code"]],
        "card_id": [card["id"]],
        "customer_id": [card["customer_id"]],
        "voucher_id": [voucher["id"]],
        "code": [voucher["redeem_code"]],
        "template_id": [fixed["id"], pool["id"], message["id"]],
        "program_id": [program["id"]],
        "location_id": [location["id"], location_id],
        "staff_id": [staff["id"]],
        "key_id": [key["id"]],
        "endpoint_id": [endpoint["id"]],
        "lottery_id": [lottery["id"]],
        "connector_id": [connector["id"]],
        "automation_id": [automation["id"]],
    }
    return ids, scanner_key


def fuzz_operation(
    operation: APIOperation[Any, Any, Any, Any],
    real_ids: dict[str, list[str]],
    key: str,
    examples: int,
    session: requests.Session,
) -> list[str]:
    """``examples`` valid and ``examples`` invalid requests to ``operation``, each path
    parameter either generated or a real resource's id; what went wrong, one line each."""
    found: list[str] = []
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

        @given(data=st.data(), strategy=st.just(operation.as_strategy(generation_mode=mode)))
        @settings(
            max_examples=examples,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],  # report, do not shrink: time is bounded
            suppress_health_check=list(HealthCheck),
        )
        def run(data: st.DataObject, strategy: st.SearchStrategy[Case[Any]]) -> None:
            case = data.draw(strategy)
            path = case.path_parameters or {}
            for name, value in path.items():
                path[name] = data.draw(st.sampled_from([value, *real_ids.get(name, [])]))
            headers = {"Authorization": f"Bearer {key}"}
            case.call_and_validate(session=session, headers=headers, checks=CHECKS, timeout=60)

        try:
            run()
        except Unsatisfiable:
            pass  # no invalid request exists (an operation without parameters or body)
        except Exception as exc:
            found.append(f"{operation.method.upper()} {operation.path} ({mode}): {exc}"[:3000])
    return found
