"""The pictures of a pass: the strip with the stamp grid, and a default icon and logo.

All are pure functions of small keys (grid size, count, colours, scale, initial), cached, so a
busy program renders each stamp count once per process. Pillow is imported by the first
picture drawn (see wallet.badges)."""

import math
from functools import lru_cache

from punchcard.wallet.badges import initial_of, initial_png, png

STRIP_POINTS = (375, 123)  # a store card's strip image, in points
ICON_POINTS = 29
LOGO_POINTS = 50
SCALES = (1, 2, 3)
SUPERSAMPLE = 2  # drawn larger then reduced: smooth circle edges without slow anti-aliasing
RING = 0.08  # width of an empty stamp's ring, as a share of its diameter


def grid_layout(grid: int) -> tuple[int, int, float]:
    """(rows, columns, cell size in points): the biggest stamps that fit ``grid`` on the strip."""
    width, height = STRIP_POINTS
    best = (1, grid, 0.0)
    for rows in range(1, grid + 1):
        columns = math.ceil(grid / rows)
        cell = min(width / columns, height / rows)
        if cell > best[2]:
            best = (rows, columns, cell)
    return best


def stamp_centers(grid: int, scale: int) -> list[tuple[float, float]]:
    """Centre of each stamp, in pixels at ``scale``, row by row (filled ones come first)."""
    rows, columns, cell = grid_layout(grid)
    width, height = STRIP_POINTS
    left = (width - columns * cell) / 2
    top = (height - rows * cell) / 2
    return [
        (
            (left + (i % columns + 0.5) * cell) * scale,
            (top + (i // columns + 0.5) * cell) * scale,
        )
        for i in range(grid)
    ]


@lru_cache(maxsize=2048)
def strip_png(grid: int, filled: int, background: str, stamp: str, scale: int) -> bytes:
    """The stamp grid: ``filled`` solid stamps, then empty rings, in the design's colours."""
    from PIL import Image, ImageDraw

    factor = scale * SUPERSAMPLE
    size = (STRIP_POINTS[0] * factor, STRIP_POINTS[1] * factor)
    image = Image.new("RGB", size, background)
    if grid:
        draw = ImageDraw.Draw(image)
        radius = grid_layout(grid)[2] * 0.4 * factor
        ring = max(1, round(2 * radius * RING))
        for index, (x, y) in enumerate(stamp_centers(grid, factor)):
            box = (x - radius, y - radius, x + radius, y + radius)
            if index < filled:
                draw.ellipse(box, fill=stamp)
            else:
                draw.ellipse(box, outline=stamp, width=ring)
    return png(image.reduce(SUPERSAMPLE))


def default_icon_png(name: str, background: str, foreground: str, scale: int) -> bytes:
    """The notification/lock-screen icon: the business initial on the card colour."""
    return initial_png(initial_of(name), ICON_POINTS * scale, background, foreground, False)


def default_logo_png(name: str, stamp: str, background: str, scale: int) -> bytes:
    """A round badge with the business initial, beside the logo text on the card's front."""
    return initial_png(initial_of(name), LOGO_POINTS * scale, stamp, background, True)


def scaled_name(name: str, scale: int) -> str:
    """ "strip", 2 -> "strip@2x.png" (Wallet's file names per screen scale)."""
    return f"{name}.png" if scale == 1 else f"{name}@{scale}x.png"
