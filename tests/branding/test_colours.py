"""Accent colours: WCAG 2.1's contrast, the palette, and the form's rule (white
text on the accent and the accent on the pages' surfaces at 4.5:1 at least)."""

import pytest

from mektep.branding.colours import (
    PALETTE,
    PLATFORM_ACCENT,
    SURFACES,
    TEXT_ON_ACCENT,
    contrast,
    darker_shade,
    measure,
    parse,
)


def test_contrast_follows_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the known AA grey


@pytest.mark.parametrize("key, _label, colour", PALETTE)
def test_every_colour_of_the_palette_passes(key, _label, colour):
    figures = measure(colour)
    assert figures.passes, key
    assert contrast(colour, TEXT_ON_ACCENT) >= 4.5
    assert all(contrast(colour, surface) >= 4.5 for surface in SURFACES)


def test_the_platform_colour_is_in_the_palette():
    assert PLATFORM_ACCENT in [colour for _key, _label, colour in PALETTE]


@pytest.mark.parametrize("colour", ["#ffcc00", "#87ceeb", "#777777", "#e06666"])
def test_light_colours_fail_and_get_a_darker_shade_that_passes(colour):
    assert not measure(colour).passes
    shade = darker_shade(colour)
    assert measure(shade).passes and shade != colour
    # The lightest passing shade: one step lighter would fail.
    assert contrast(shade, "#ffffff") < 5.5


@pytest.mark.parametrize(
    "text, colour",
    [("#1F5F8B", "#1f5f8b"), ("1f5f8b", "#1f5f8b"), (" #abc ", "#aabbcc"), ("#12345", None)],
)
def test_hex_values_are_read_in_their_usual_forms(text, colour):
    assert parse(text) == colour
    assert parse("red") is None and parse("") is None
