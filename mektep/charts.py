"""Charts drawn on the server as inline SVG: no JavaScript, a title and a
description for screen readers, lines told apart by their dash and marker as
well as their colour (readable in high contrast and in print), text and axes
in the page's own colour (`currentColor`), and scaled with the page. The
numbers always go beside a chart as a table (templates/macros/charts.html).

`line_chart` and `bar_chart` compute the geometry; the template draws it.
"""

import math
from dataclasses import dataclass, field

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40
# How each series is told apart besides its colour: (dash pattern, marker).
STYLES = [("", "circle"), ("8 5", "square"), ("2 4", "diamond"), ("12 4 2 4", "triangle")]
MAX_X_LABELS = 8
# More points than this: markers only on the last one (the dashes tell the lines apart).
MAX_MARKERS = 26


@dataclass
class Series:
    label: str
    values: list
    dash: str = ""
    marker: str = "circle"
    points: list = field(default_factory=list)  # (x, y, value) of each value, None if unknown
    markers: list = field(default_factory=list)  # the points that get a marker

    @property
    def path(self):
        """SVG path data: a line through the known values, broken where one is missing."""
        parts, pen_down = [], False
        for point in self.points:
            if point is None:
                pen_down = False
                continue
            parts.append(f"{'L' if pen_down else 'M'}{point[0]:.1f} {point[1]:.1f}")
            pen_down = True
        return " ".join(parts)


@dataclass
class Chart:
    """What the template draws: the plot area, the ticks, and each series or bar."""

    title: str
    description: str
    labels: list
    unit: str = ""
    series: list = field(default_factory=list)
    bars: list = field(default_factory=list)  # (x, y, width, height, label, value)
    y_ticks: list = field(default_factory=list)  # (y, text)
    x_ticks: list = field(default_factory=list)  # (x, text)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM
    right: int = WIDTH - RIGHT


def nice_maximum(value):
    """The top of a scale of four equal whole steps reaching `value`: each step
    1, 2, 3 or 5 × 10^n (so 10 visits make a scale of 0, 3, 6, 9, 12)."""
    needed = max(value, 1) / 4
    power = 10 ** math.floor(math.log10(needed)) if needed >= 1 else 1
    step = next(s * power for s in (1, 2, 3, 5, 10) if s * power >= needed)
    return step * 4


def _frame(chart, maximum, count):
    step = maximum / 4
    plot_height = chart.bottom - chart.top
    chart.y_ticks = [(chart.bottom - plot_height * n / 4, _number(step * n)) for n in range(5)]
    every = max(1, math.ceil(count / MAX_X_LABELS))
    return every


def _number(value):
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _y(chart, value, maximum):
    return chart.bottom - (chart.bottom - chart.top) * value / maximum


def line_chart(title, description, labels, series, maximum=None, unit=""):
    """A line per series ((label, values) with a value or None per label)."""
    chart = Chart(title, description, list(labels), unit)
    known = [v for _label, values in series for v in values if v is not None]
    top = maximum or nice_maximum(max(known, default=1))
    every = _frame(chart, top, len(labels))
    span = chart.right - chart.left
    xs = [
        chart.left + (span * n / (len(labels) - 1) if len(labels) > 1 else span / 2)
        for n in range(len(labels))
    ]
    chart.x_ticks = [(xs[n], labels[n]) for n in range(0, len(labels), every)]
    for n, (label, values) in enumerate(series):
        dash, marker = STYLES[n % len(STYLES)]
        drawn = Series(label, list(values), dash, marker)
        drawn.points = [
            None if value is None else (xs[i], _y(chart, value, top), value)
            for i, value in enumerate(values)
        ]
        marked = [point for point in drawn.points if point]
        drawn.markers = marked if len(marked) <= MAX_MARKERS else marked[-1:]
        chart.series.append(drawn)
    return chart


def bar_chart(title, description, labels, values, unit=""):
    """A bar per label."""
    chart = Chart(title, description, list(labels), unit)
    top = nice_maximum(max(values, default=1))
    every = _frame(chart, top, len(labels))
    slot = (chart.right - chart.left) / max(1, len(labels))
    width = max(1.0, slot * 0.7)
    for n, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = chart.left + slot * n + (slot - width) / 2
        y = _y(chart, value, top)
        chart.bars.append((x, y, width, chart.bottom - y, label, value))
    chart.x_ticks = [
        (chart.left + slot * n + slot / 2, labels[n]) for n in range(0, len(labels), every)
    ]
    return chart
