"""Bulk generation into a pool, from the API and from `punchcard codes generate`."""

import asyncio
import csv
import io
import os
import re
import sys
from asyncio.subprocess import PIPE
from pathlib import Path

import httpx

from tests.conftest import Tenant
from tests.support.factories import ok, problem, template

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
    assert problem(response, 422, "code_space_too_small")["errors"][0]["field"] == "body.count"
    assert ok(await api.get(f"/v1/voucher-templates/{tid}/code-pool"))["total"] == 0


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
