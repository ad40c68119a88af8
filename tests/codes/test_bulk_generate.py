"""Bulk generation into a pool, from the API and from `punchcard codes generate`."""

import asyncio
import csv
import io
import os
import random
import re
import sys
from asyncio.subprocess import PIPE
from pathlib import Path

import httpx
import pytest

from punchcard.vouchers import codes
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, template

PUNCHCARD = str(Path(sys.executable).with_name("punchcard"))


async def pool(api: httpx.AsyncClient, **source: object) -> str:
    made = await template(api, redeem_code={"type": "pool", **source}, title="Campaign")
    return str(made["id"])


async def run(command: list[str], env: dict[str, str]) -> tuple[int | None, str, str]:
    process = await asyncio.create_subprocess_exec(*command, env=env, stdout=PIPE, stderr=PIPE)
    out, err = await process.communicate()
    return process.returncode, out.decode(), err.decode()


def codes_of(csv_text: str) -> list[str]:
    return [row["code"] for row in csv.DictReader(io.StringIO(csv_text))]


async def test_generated_batch_downloads_as_csv(api: httpx.AsyncClient) -> None:
    tid = await pool(api)
    ok(
        await api.post(f"/v1/voucher-templates/{tid}/code-pool/codes", json={"codes": ["POS-1"]}),
        201,
    )
    config = {"type": "generated", "prefix": "SPRING-", "length": 6, "charset": "ABCDEF"}
    body = {"count": 2500, "config": config}
    made = ok(await api.post(f"/v1/voucher-templates/{tid}/code-pool/generate", json=body), 201)
    assert (made["generated"], made["pattern"]) == (2500, "SPRING-######")
    assert made["pool"]["available"] == 2501
    batch = codes_of((await api.get(made["download"])).text)
    assert len(set(batch)) == 2500
    assert all(re.fullmatch(r"SPRING-[A-F]{6}", code) for code in batch)


async def test_generation_uses_the_pools_config_else_the_default(api: httpx.AsyncClient) -> None:
    configured = await pool(api, generate={"prefix": "X", "length": 5, "charset": "0123456789"})
    path = f"/v1/voucher-templates/{configured}/code-pool/generate"
    assert ok(await api.post(path, json={"count": 10}), 201)["pattern"] == "X#####"
    plain = await pool(api)
    path = f"/v1/voucher-templates/{plain}/code-pool/generate"
    assert ok(await api.post(path, json={"count": 10}), 201)["pattern"] == "####-####"


async def test_more_than_half_the_space_is_refused(api: httpx.AsyncClient) -> None:
    tid = await pool(api)
    body = {"count": 600, "config": {"type": "generated", "length": 3, "charset": "0123456789"}}
    response = await api.post(f"/v1/voucher-templates/{tid}/code-pool/generate", json=body)
    refused = problem(response, 422, "code_space_too_small")
    assert refused["errors"][0]["field"] == "body.count"
    assert (refused["space"], refused["in_use"], refused["at_most"]) == (1000, 0, 500)
    assert "has none of them yet" in refused["detail"]
    assert ok(await api.get(f"/v1/voucher-templates/{tid}/code-pool"))["total"] == 0


FOUR_DIGITS = {"type": "pattern", "pattern": "####", "charset": "0123456789"}


@pytest.mark.parametrize("seed", range(6))
async def test_half_a_space_is_generated_every_time(
    api: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """5,000 codes of a 4-digit pattern (half of 10^4, the documented limit) in one request:
    random draws collide more and more as the space fills, and generation still completes.
    Seeded, so each case is the same run every time (the draws are the only chance involved)."""
    monkeypatch.setattr(codes.secrets, "token_bytes", random.Random(seed).randbytes)
    tid = await pool(api)
    body = {"count": 5000, "config": FOUR_DIGITS}
    made = ok(await api.post(f"/v1/voucher-templates/{tid}/code-pool/generate", json=body), 201)
    assert made["generated"] == made["pool"]["available"] == 5000
    batch = codes_of((await api.get(made["download"])).text)
    assert len(set(batch)) == 5000
    assert all(re.fullmatch(r"\d{4}", code) for code in batch)


async def test_codes_the_business_has_count_against_the_space(api: httpx.AsyncClient) -> None:
    """Codes of the pattern already in a pool or on a voucher leave less room: a request that
    cannot fit is refused up front with what is in use; what fits is generated around them."""
    other = await pool(api)
    upload = {"codes": ["0042"]}
    ok(await api.post(f"/v1/voucher-templates/{other}/code-pool/codes", json=upload), 201)
    the_card = await card(api, (await coffee_program(api))["id"])
    custom = {"title": "Gift", "redeem_code": "0043"}
    ok(await api.post("/v1/vouchers", json={"card_id": the_card["id"], "custom": custom}), 201)
    tid = await pool(api)
    path = f"/v1/voucher-templates/{tid}/code-pool/generate"
    refused = problem(
        await api.post(path, json={"count": 4999, "config": FOUR_DIGITS}),
        422,
        "code_space_too_small",
    )
    assert (refused["in_use"], refused["at_most"]) == (2, 4998)
    assert "already has 2 of them (in pools or on vouchers)" in refused["detail"]
    made = ok(await api.post(path, json={"count": 4998, "config": FOUR_DIGITS}), 201)
    batch = codes_of((await api.get(made["download"])).text)
    assert {"0042", "0043"}.isdisjoint(batch)
    full = problem(
        await api.post(path, json={"count": 1, "config": FOUR_DIGITS}), 422, "code_space_too_small"
    )
    assert (full["in_use"], full["at_most"]) == (5000, 0)


async def test_cli_generates_into_the_pool_and_writes_csv(
    tenant: Tenant, database_url: str, tmp_path: Path
) -> None:
    tid = await pool(tenant.client)
    out = tmp_path / "codes.csv"
    command = [PUNCHCARD, "codes", "generate", "--business-id", tenant.business_id]
    command += ["--template-id", tid, "--count", "1500", "--prefix", "CLI-", "--out", str(out)]
    env = {**os.environ, "PUNCHCARD_DATABASE_URL": database_url}
    code, stdout, stderr = await run(command, env)
    assert code == 0, stderr
    assert "1500 codes" in stdout
    written = codes_of(out.read_text())
    assert len(set(written)) == 1500
    assert all(code.startswith("CLI-") for code in written)
    status = ok(await tenant.client.get(f"/v1/voucher-templates/{tid}/code-pool"))
    assert status["available"] == 1500
    fixed = (await template(tenant.client))["id"]
    command[command.index(tid)] = fixed
    code, _, stderr = await run(command, env)
    assert code == 1
    assert "template_not_pool" in stderr
