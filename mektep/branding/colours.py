"""Accent colours, checked by WCAG 2.1's contrast ratio.

The accent is the band of every page's header, whose text is white
(`TEXT_ON_ACCENT`), and the colour of links, of buttons' labels and of a few
marks on the light surfaces of the pages (`SURFACES`: the colours of
static/css/site.css). A colour is allowed when both uses reach AA for normal
text, 4.5:1: white on the accent, and the accent on the darkest of the surfaces.

Why white: any colour dark enough for links on those surfaces (relative
luminance at most 0.156) gives white text more than 4.5:1 and black text at
most 4.1:1, so white is always the text that can pass; a colour light enough
for black text would make unreadable links. A too light colour is refused with
a darker shade of it that passes (`darker_shade`).
"""

import re
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

AA = 4.5
TEXT_ON_ACCENT = "#ffffff"
# The light surfaces the accent colours text on: the page, cards, table heads
# and badges, and notices (site.css: --bg, --card, .table th, .flash).
SURFACES = ("#f6f7f9", "#ffffff", "#eef1f5", "#e8f1fb")
# The platform's own accent (site.css: --accent): the colour of a school that
# chose none, in a district that set none.
PLATFORM_ACCENT = "#0b5cad"
HEX = re.compile(r"#?([0-9a-f]{6}|[0-9a-f]{3})")

# Colours offered by name; each passes (tests/branding/test_colours.py).
PALETTE = (
    ("blue", _l("Blue"), PLATFORM_ACCENT),
    ("navy", _l("Navy"), "#1f3a7a"),
    ("teal", _l("Teal"), "#00695c"),
    ("green", _l("Green"), "#2e6b30"),
    ("maroon", _l("Maroon"), "#8b1e3f"),
    ("red", _l("Red"), "#b3261e"),
    ("purple", _l("Purple"), "#5e35b1"),
    ("brown", _l("Brown"), "#7a4a1e"),
    ("graphite", _l("Graphite"), "#3d4a5c"),
)
PALETTE_COLOURS = {key: colour for key, _label, colour in PALETTE}


def parse(text):
    """`text` as "#rrggbb" (lower case; "#abc" and "abc" are read too), or None."""
    match = HEX.fullmatch((text or "").strip().lower())
    if match is None:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return f"#{digits}"


def _channels(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def luminance(colour):
    """WCAG 2.1's relative luminance of "#rrggbb"."""

    def linear(channel):
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    """The contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Contrast:
    """How an accent reads: white text on it, and it as text on the pages."""

    text_on_accent: float
    accent_on_page: float

    @property
    def passes(self):
        return self.text_on_accent >= AA and self.accent_on_page >= AA


def measure(colour):
    return Contrast(
        text_on_accent=contrast(colour, TEXT_ON_ACCENT),
        accent_on_page=min(contrast(colour, surface) for surface in SURFACES),
    )


def darker_shade(colour):
    """The lightest shade of `colour` (its channels scaled down together, so the
    hue stays) that passes; `colour` itself when it passes."""
    channels = _channels(colour)
    for step in range(100, -1, -1):
        shade = "#" + "".join(f"{round(channel * step / 100):02x}" for channel in channels)
        if measure(shade).passes:
            return shade
    return "#000000"


def palette_key(colour):
    """The palette's name of `colour`, or None for another colour."""
    return next((key for key, value in PALETTE_COLOURS.items() if value == colour), None)
