"""The .pkpass file: a zip of pass.json, images, localised strings, manifest.json (SHA-1 of
every file) and the detached signature of the manifest."""

import hashlib
import io
import json
import zipfile
from functools import lru_cache

from punchcard.config import Settings
from punchcard.wallet import i18n
from punchcard.wallet.apple import images
from punchcard.wallet.apple.content import pass_json, pass_strings
from punchcard.wallet.apple.signing import SigningIdentity
from punchcard.wallet.view import PassView


def _sha1(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()  # Apple's manifest format is SHA-1


# Images and strings files are cached objects that many passes share, so are their digests
# (keyed by the bytes object itself, whose hash Python computes once and keeps).
_shared_sha1 = lru_cache(maxsize=4096)(_sha1)


@lru_cache(maxsize=1)
def _strings_files() -> dict[str, bytes]:
    return {f"{language}.lproj/pass.strings": pass_strings(language) for language in i18n.LANGUAGES}


def _image_files(view: PassView) -> dict[str, bytes]:
    design = view.design
    name = design.organization_name
    filled = min(view.stamps, view.grid_size)
    files: dict[str, bytes] = {}
    for scale in images.SCALES:
        files[images.scaled_name("strip", scale)] = images.strip_png(
            view.grid_size, filled, design.background_color, design.stamp_color, scale
        )
        files[images.scaled_name("icon", scale)] = design.icon_png or images.default_icon_png(
            name, design.background_color, design.foreground_color, scale
        )
        files[images.scaled_name("logo", scale)] = design.logo_png or images.default_logo_png(
            name, design.stamp_color, design.background_color, scale
        )
    return files


def pass_files(view: PassView, identity: SigningIdentity, settings: Settings) -> dict[str, bytes]:
    """Every file the manifest lists."""
    content = json.dumps(pass_json(view, identity, settings), ensure_ascii=False)
    return {"pass.json": content.encode(), **_image_files(view), **_strings_files()}


def build_pkpass(view: PassView, identity: SigningIdentity, settings: Settings) -> bytes:
    files = pass_files(view, identity, settings)
    digests = {name: _shared_sha1(data) for name, data in files.items() if name != "pass.json"}
    manifest = json.dumps({"pass.json": _sha1(files["pass.json"]), **digests}).encode()
    files["manifest.json"] = manifest
    files["signature"] = identity.sign(manifest)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            # Only pass.json is worth compressing: PNGs and the signature are dense already,
            # and the rest is a few hundred bytes (a compressor costs more to set up than it saves).
            method = zipfile.ZIP_DEFLATED if name == "pass.json" else zipfile.ZIP_STORED
            archive.writestr(name, data, compress_type=method)
    return out.getvalue()
