"""Bar charts as inline SVG, drawn on the server: no script, nothing fetched from anywhere."""

import math
from dataclasses import dataclass

WIDTH, HEIGHT = 720, 240
# The scale is written on both sides: a phone scrolls the chart to today, on the right.
SIDE, BOTTOM, TOP = 44, 28, 12


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    series: int  # which series: its colour


@dataclass(frozen=True)
class Tick:
    y: float
    value: int


@dataclass(frozen=True)
class Label:
    x: float
    text: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[Tick]
    labels: list[Label]
    baseline: float
    left: float = SIDE  # the plot's edges, where the scale is written
    right: float = WIDTH - SIDE


def _step(top: int) -> int:
    """A round tick step giving three to five ticks up to ``top``."""
    if top <= 4:
        return 1
    magnitude: int = 10 ** math.floor(math.log10(top / 4))
    for factor in (1, 2, 5, 10):
        if top / (factor * magnitude) <= 5:
            return factor * magnitude
    return 10 * magnitude


def bar_chart(labels: list[str], series: list[list[int]]) -> Chart:
    """Grouped bars, one group per label, one bar per series; every Nth label is written so
    they never overlap."""
    top = max([max(values, default=0) for values in series] + [1])
    step = _step(top)
    top = math.ceil(top / step) * step
    plot_height = HEIGHT - BOTTOM - TOP
    baseline = TOP + plot_height
    group = (WIDTH - 2 * SIDE) / max(len(labels), 1)
    bar_width = group * 0.8 / len(series)
    bars = []
    for index in range(len(labels)):
        for which, values in enumerate(series):
            value = values[index]
            height = plot_height * max(value, 0) / top
            x = SIDE + index * group + group * 0.1 + which * bar_width
            bars.append(
                Bar(
                    round(x, 1),
                    round(baseline - height, 1),
                    round(bar_width, 1),
                    round(height, 1),
                    value,
                    which,
                )
            )
    ticks = [
        Tick(round(baseline - plot_height * value / top, 1), value)
        for value in range(0, top + 1, step)
    ]
    every = max(1, math.ceil(len(labels) / 8))
    written = [
        Label(round(SIDE + index * group + group / 2, 1), text)
        for index, text in enumerate(labels)
        if index % every == 0
    ]
    return Chart(WIDTH, HEIGHT, bars, ticks, written, baseline)
