"""Open a .pkpass the way Wallet does: unzip, check every manifest hash, verify the signature."""

import hashlib
import io
import json
import subprocess
import zipfile
from pathlib import Path
from typing import Any


def unzip(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def manifest_mismatches(files: dict[str, bytes]) -> list[str]:
    """Files whose SHA-1 differs from the manifest's, or that the manifest does not list."""
    manifest = json.loads(files["manifest.json"])
    listed = set(manifest)
    present = set(files) - {"manifest.json", "signature"}
    wrong = [
        name for name in listed & present if hashlib.sha1(files[name]).hexdigest() != manifest[name]
    ]
    return sorted(wrong + list(listed ^ present))


def openssl_verifies(files: dict[str, bytes], root: Path, workdir: Path) -> bool:
    """``openssl cms -verify`` of the detached signature over manifest.json up to ``root``."""
    (workdir / "signature").write_bytes(files["signature"])
    (workdir / "manifest.json").write_bytes(files["manifest.json"])
    result = subprocess.run(
        [
            "openssl",
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            str(workdir / "signature"),
            "-content",
            str(workdir / "manifest.json"),
            "-CAfile",
            str(root),
            "-purpose",
            "any",
            "-out",
            "/dev/null",
        ],
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


def signed_attributes(signature: bytes) -> str:
    """The signature's structure as openssl prints it (signed attributes by name)."""
    printed = subprocess.run(
        ["openssl", "cms", "-cmsout", "-print", "-inform", "DER"],
        input=signature,
        capture_output=True,
        check=True,
    )
    return printed.stdout.decode()


def pass_json(files: dict[str, bytes]) -> Any:
    return json.loads(files["pass.json"])
