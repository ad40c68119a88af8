"""`make sdks`: dump Punchcard's OpenAPI document from the app factory (no server), then generate
the Python and TypeScript clients from it.

    python sdks/generate.py                 # rewrite sdks/ in place
    python sdks/generate.py --into DIR      # the same files under DIR (the currency test)
    python sdks/generate.py --only python   # one SDK (also: typescript)

Only the generated parts are written: sdks/openapi.json,
sdks/python/src/punchcard_client/generated/ and sdks/typescript/src/generated/. The
hand-written layers beside them are never touched.
"""

import argparse
import copy
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

SDKS = Path(__file__).resolve().parent
PYTHON = SDKS / "python"
TYPESCRIPT = SDKS / "typescript"
# Relative to an output root (sdks/ or --into DIR).
DOCUMENT = Path("openapi.json")
PYTHON_GENERATED = Path("python/src/punchcard_client/generated")
TYPESCRIPT_GENERATED = Path("typescript/src/generated/openapi.ts")
# The Python generator and ruff run from sdks/python's own environment (its uv.lock pins them).
PYTHON_TOOLS = PYTHON / ".venv" / "bin"
OPENAPI_TYPESCRIPT = TYPESCRIPT / "node_modules" / ".bin" / "openapi-typescript"
# The generated Python code keeps its own style: fixed options, no configuration file.
RUFF_OPTIONS = ["--isolated", "--line-length", "120", "--target-version", "py311"]


def openapi_document() -> str:
    """The document the API serves at /openapi.json, sorted, as committed."""
    from punchcard.app import create_app

    return json.dumps(create_app().openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def unique_titles(document: dict[str, Any]) -> dict[str, Any]:
    """The document with one title per schema, for openapi-python-client, which names classes
    by title: FastAPI titles a model used in input and output form (`CustomerOut-Input`,
    `CustomerOut-Output`), or two models of one name in two areas (`punchcard__vouchers__schemas__
    TemplateOut`), the same. The committed document stays the one the API serves."""
    schemas: dict[str, dict[str, Any]] = document["components"]["schemas"]
    keys_by_title: dict[str, list[str]] = {}
    for key, schema in schemas.items():
        keys_by_title.setdefault(schema.get("title", key), []).append(key)
    shared = {key for keys in keys_by_title.values() if len(keys) > 1 for key in keys}

    def title(key: str) -> str:
        schema = schemas[key]
        if key not in shared:
            return str(schema.get("title", key))
        if key.endswith("-Output"):  # what responses hold keeps the plain name
            return str(schema["title"])
        if key.endswith("-Input"):
            return str(schema["title"]) + "Input"
        if "data" in schema.get("properties", {}):  # a page of a renamed model
            return "Page" + title(schema["properties"]["data"]["items"]["$ref"].split("/")[-1])
        area = key.split("__")[1]  # punchcard__<area>__schemas__<Name>
        return area.capitalize() + str(schema["title"])

    renamed = copy.deepcopy(document)
    for key in shared:
        renamed["components"]["schemas"][key]["title"] = title(key)
    return renamed


# What openapi-python-client reports when it leaves out a model or an endpoint. (It also warns
# about responses it cannot parse, images and CSV: those functions return the raw bytes.)
DROPPED = ("Unable to parse schema", "Unable to process schema", "Endpoint will not be generated")


# A generated call parses an error answer into a model (`response_422 = Problem.from_dict(...)`).
ERROR_MODEL = re.compile(r"response_[45]\d\d = (\w+)\.from_dict\(")


def write_failures(package: Path) -> None:
    """`generated/failures.py`: the models of error answers in the generated return types, which
    `punchcard_client.ok` takes out (calls through `connect()` raise `PunchcardError` instead)."""
    names = sorted(
        {
            name
            for path in (package / "api").rglob("*.py")
            for name in ERROR_MODEL.findall(path.read_text())
        }
    )
    if names:
        imported, alias = f"from .models import {', '.join(names)}\n", " | ".join(names)
        failures = f"FAILURES = ({', '.join(names)},)"  # not annotated: isinstance() narrows by it
    else:
        imported, alias, failures = "", "Never", "FAILURES: tuple[type, ...] = ()"
    (package / "failures.py").write_text(
        '"""Written by sdks/generate.py: the models of error answers (punchcard_client.ok)."""\n\n'
        "from typing import Never, TypeAlias\n\n"
        f"{imported}\nFailure: TypeAlias = {alias}\n{failures}\n"
    )


def run(command: list[str | Path], cwd: Path = SDKS, refuse: tuple[str, ...] = ()) -> None:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0 or any(text in done.stdout for text in refuse):
        sys.exit(f"`{' '.join(map(str, command))}` failed:\n{done.stdout}\n{done.stderr}")


def missing(tool: Path, install: str) -> None:
    if not tool.exists():
        sys.exit(f"{tool} is missing: run `make install` ({install})")


def generate_python(document: Path, target: Path) -> None:
    missing(PYTHON_TOOLS / "openapi-python-client", "uv sync --project sdks/python")
    with tempfile.TemporaryDirectory() as scratch:
        package = Path(scratch) / "generated"
        titled = Path(scratch) / "openapi.json"
        titled.write_text(json.dumps(unique_titles(json.loads(document.read_text()))))
        run(
            [
                PYTHON_TOOLS / "openapi-python-client",
                "generate",
                "--path",
                titled,
                "--config",
                PYTHON / "openapi-python-client.yaml",
                "--meta",
                "none",
                "--output-path",
                package,
            ],
            refuse=DROPPED,
        )
        write_failures(package)
        run(
            [
                PYTHON_TOOLS / "ruff",
                "check",
                *RUFF_OPTIONS,
                "--select",
                "F401,I",
                "--fix-only",
                package,
            ]
        )
        run([PYTHON_TOOLS / "ruff", "format", *RUFF_OPTIONS, package])
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(package, target)


def generate_typescript(document: Path, target: Path) -> None:
    missing(OPENAPI_TYPESCRIPT, "npm ci in sdks/typescript")
    target.parent.mkdir(parents=True, exist_ok=True)
    # Fields with a default stay optional in request bodies (output schemas list them as required).
    run(
        [OPENAPI_TYPESCRIPT, document, "--default-non-nullable", "false", "--output", target],
        cwd=TYPESCRIPT,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--into", type=Path, default=SDKS, help="output root (default: sdks/)")
    parser.add_argument("--only", choices=["python", "typescript"])
    arguments = parser.parse_args()
    root: Path = arguments.into.resolve()
    document = root / DOCUMENT
    document.parent.mkdir(parents=True, exist_ok=True)
    document.write_text(openapi_document(), encoding="utf-8")
    if arguments.only in (None, "python"):
        generate_python(document, root / PYTHON_GENERATED)
    if arguments.only in (None, "typescript"):
        generate_typescript(document, root / TYPESCRIPT_GENERATED)


if __name__ == "__main__":
    main()
