"""Apple pass generation: passes built and signed per second, ours beside passkit-generator.

For ``--cards`` sample cards (stamp counts 0..10, some with vouchers, two locations) it runs,
each in a fresh process:

1. punchcard: ``build_pkpass`` from each card's ``PassView`` (pass.json, strip image for the
   count, icon, logo, en/de strings, manifest, PKCS#7 signature, zip);
2. passkit-generator (npm, benchmarks/passkit_generator): ``new PKPass(files, certificates)``
   and ``getAsBuffer()`` with the same pass.json, the same images and strings and the same
   RSA-2048 test certificate chain.

Each process times a cold round (its first N passes: empty caches, nothing parsed yet) and a
warm round (the same N again). Reading the database is not included on either side. It
prints passes/s, p50/p99 ms per pass and peak RSS, checks one pass of each side with
``openssl cms -verify``, and never asserts timings.

    uv run python benchmarks/pass_generation.py [--cards 300]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NODE_PROJECT = ROOT / "benchmarks" / "passkit_generator"
sys.path.insert(0, str(ROOT))  # the test certificate chain comes from tests/support

from cryptography.fernet import Fernet  # noqa: E402
from tests.support.pass_certs import make_chain  # noqa: E402

from punchcard.config import Settings  # noqa: E402
from punchcard.wallet.apple.package import build_pkpass, pass_files  # noqa: E402
from punchcard.wallet.apple.signing import global_identity  # noqa: E402
from punchcard.wallet.view import Design, PassView, Place, VoucherLine  # noqa: E402


def sample_views(count: int) -> list[PassView]:
    """Cards of a 5 -> cookie, 10 -> coffee program at every stamp count, some with vouchers."""
    now = datetime(2026, 11, 29, tzinfo=UTC)
    places = (
        Place("Main Street", "1 Main Street, Berlin", 52.52, 13.405),
        Place("Station", "Hauptbahnhof, Berlin", 52.525, 13.369),
    )
    views = []
    for i in range(count):
        stamps = i % 11
        vouchers = tuple(
            VoucherLine(f"vch_{i}_{n}", "Free cookie", None, f"CAFE-{i:04d}{n}", ("qr",), now)
            for n in range(i % 3)
        )
        views.append(
            PassView(
                business_id="biz_bench",
                business_name="Bench Café",
                card_id=f"card_{i:06d}",
                scan_code=f"PC{i:010d}",
                card_status="active",
                card_expires_at=now + timedelta(days=365),
                program_id="prg_bench",
                program_name="Coffee card",
                customer_id=f"cus_{i}",
                customer_source_id=None,
                customer_name=None,
                language="de" if i % 4 == 0 else "en",
                stamps=stamps,
                lifetime_stamps=stamps,
                goal_stamps=(5, 10),
                goal_titles=("Free cookie", "Free coffee"),
                goal_index=sum(1 for goal in (5, 10) if goal <= stamps),
                next_goal_title="Free cookie" if stamps < 5 else "Free coffee",
                stamps_to_next_goal=(5 - stamps) if stamps < 5 else max(10 - stamps, 1),
                vouchers=vouchers,
                places=places,
                design=Design(organization_name="Bench Café", terms="One stamp per drink."),
                updated_at=now,
            )
        )
    return views


def bench_settings(job: Path) -> Settings:
    return Settings(
        public_url="https://cards.example",
        apple_pass_type_identifier="pass.dev.punchcard.bench",
        apple_team_identifier="TEAM123456",
        apple_certificate=str(job / "pass.pem"),
        apple_key=str(job / "pass.key"),
        apple_wwdr_certificate=str(job / "root.pem"),
    )


def run_punchcard(job: Path, count: int) -> dict[str, Any]:
    """The worker process: two timed rounds of ``build_pkpass`` over the sample cards."""

    settings = bench_settings(job)
    views = sample_views(count)

    def one_round() -> dict[str, Any]:
        millis = []
        started = time.perf_counter()
        for view in views:
            start = time.perf_counter()
            identity = global_identity(settings)
            assert identity is not None
            build_pkpass(view, identity, settings)
            millis.append((time.perf_counter() - start) * 1000)
        return {"millis": millis, "seconds": time.perf_counter() - started}

    cold, warm = one_round(), one_round()
    identity = global_identity(settings)
    assert identity is not None
    (job / "python-sample.pkpass").write_bytes(build_pkpass(views[0], identity, settings))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"cold": cold, "warm": warm, "peak_rss_kb": peak}


def write_job(job: Path, count: int) -> None:
    """The certificate chain, and every card's pass.json and files, for the Node side."""

    make_chain(job, pass_type_identifier="pass.dev.punchcard.bench")
    settings = bench_settings(job)
    identity = global_identity(settings)
    assert identity is not None
    blobs = job / "blobs"
    blobs.mkdir()
    cards = []
    for view in sample_views(count):
        files = pass_files(view, identity, settings)
        content = json.loads(files.pop("pass.json"))
        digests = {}
        for name, data in files.items():
            digest = hashlib.sha256(data).hexdigest()
            (blobs / digest).write_bytes(data)
            digests[name] = digest
        cards.append({"pass": content, "files": digests})
    names = sorted(path.name for path in blobs.iterdir())
    (job / "job.json").write_text(json.dumps({"blobs": names, "cards": cards}))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def verified(pkpass: Path, job: Path) -> str:
    with zipfile.ZipFile(pkpass) as archive:
        (job / "signature").write_bytes(archive.read("signature"))
        (job / "manifest.json").write_bytes(archive.read("manifest.json"))
    command = ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-purpose", "any"]
    command += ["-in", str(job / "signature"), "-content", str(job / "manifest.json")]
    command += ["-CAfile", str(job / "root.pem"), "-out", os.devnull]
    result = subprocess.run(command, capture_output=True, check=False)
    return "signature verified" if result.returncode == 0 else "SIGNATURE NOT VERIFIED"


def node_modules() -> None:
    if not (NODE_PROJECT / "node_modules" / ".package-lock.json").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=NODE_PROJECT, check=True)


def report(name: str, figures: dict[str, Any], count: int) -> list[str]:
    lines = []
    for phase in ("cold", "warm"):
        millis, seconds = figures[phase]["millis"], figures[phase]["seconds"]
        lines.append(
            f"{name:<28} {phase:<5} {count:>7} {count / seconds:>10.1f} "
            f"{percentile(millis, 0.5):>8.2f} {percentile(millis, 0.99):>8.2f} "
            f"{figures['peak_rss_kb'] / 1024:>12.1f}"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cards", type=int, default=300, help="passes per round")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)  # internal: one round
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(run_punchcard(args.worker, args.cards)))
        return
    os.environ.setdefault("PUNCHCARD_SECRET_KEY", Fernet.generate_key().decode())
    node_modules()
    with tempfile.TemporaryDirectory(prefix="pass-bench-") as folder:
        job = Path(folder)
        write_job(job, args.cards)
        ours = subprocess.run(
            [sys.executable, __file__, "--worker", str(job), "--cards", str(args.cards)],
            capture_output=True,
            check=True,
        )
        node = subprocess.run(
            ["node", str(NODE_PROJECT / "bench.mjs"), str(job)], capture_output=True, check=True
        )
        python_figures = json.loads(ours.stdout)
        node_figures = json.loads(node.stdout)
        print(
            f"Apple pass generation: {args.cards} cards per round, RSA-2048 test chain, "
            "same pass.json, images and strings"
        )
        print(
            f"{'':<28} {'round':<5} {'passes':>7} {'passes/s':>10} {'p50 ms':>8} "
            f"{'p99 ms':>8} {'peak RSS MB':>12}"
        )
        for line in report("punchcard (Python)", python_figures, args.cards) + report(
            f"passkit-generator {node_figures['version']}", node_figures, args.cards
        ):
            print(line)
        print(f"punchcard sample pass: {verified(job / 'python-sample.pkpass', job)}")
        print(f"passkit-generator sample pass: {verified(job / 'node-sample.pkpass', job)}")
        warm_ratio = (args.cards / python_figures["warm"]["seconds"]) / (
            args.cards / node_figures["warm"]["seconds"]
        )
        print(f"warm passes/s, punchcard / passkit-generator: {warm_ratio:.2f} (target >= 1)")


if __name__ == "__main__":
    main()
