"""A camera for Chromium that films given images: a Y4M video file for
``--use-file-for-fake-video-capture`` (Chromium plays it in a loop)."""

import io
from collections.abc import Sequence
from pathlib import Path

from PIL import Image

WIDTH, HEIGHT = 640, 480
FPS = 5


def _frame(symbol_png: bytes) -> bytes:
    """The symbol centred on white paper, as one 4:2:0 frame (Y, then Cb and Cr at half size)."""
    symbol = Image.open(io.BytesIO(symbol_png)).convert("RGB")
    symbol.thumbnail((WIDTH - 120, HEIGHT - 120), Image.Resampling.NEAREST)
    paper = Image.new("RGB", (WIDTH, HEIGHT), "white")
    paper.paste(symbol, ((WIDTH - symbol.width) // 2, (HEIGHT - symbol.height) // 2))
    luma, blue, red = paper.convert("YCbCr").split()
    half = (WIDTH // 2, HEIGHT // 2)
    chroma = [plane.resize(half, Image.Resampling.BILINEAR).tobytes() for plane in (blue, red)]
    return b"FRAME\n" + luma.tobytes() + b"".join(chroma)


def film(path: Path, scenes: Sequence[tuple[bytes, float]]) -> Path:
    """Write a video showing each (PNG image, seconds) in turn."""
    with path.open("wb") as video:
        video.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F{FPS}:1 Ip A1:1 C420jpeg\n".encode())
        for image, seconds in scenes:
            frame = _frame(image)
            for _ in range(max(1, round(seconds * FPS))):
                video.write(frame)
    return path
