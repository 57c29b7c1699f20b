"""Holes in a shared part: the few values of a part of every page (the header)
that each page has of its own.

A shared part (`memo.shared_part`) is rendered once per school, generation and
variant. The header is the same on every page of a school but for a link to
this very page in the other language, the link to its low-vision version and
which menu entry is the page itself. In a shared part's template,
`{{ per_page(function, *args, **kwargs) }}` leaves a hole instead of a value:
the part is kept as its pieces, and each page fills every hole with
`function(*args, **kwargs)`, escaped as `{{ }}` would. A page then costs the
pieces joined and a call per hole, not the template rendered again.

A hole is left as a mark in the rendered text and the text cut at the marks.
Each mark carries a token drawn when the process starts, so nothing a school
typed (its name, a menu label) can pass for one. A hole must be written out
as it is (`{{ per_page(...) }}`, no filter on it).
"""

import re
import secrets
from functools import partial

from flask import g, render_template
from markupsafe import Markup, escape

_TOKEN = secrets.token_hex(8)
_MARK = re.compile(f"\x00{_TOKEN}:([0-9]+)\x00")
_HOLES = "shared_part_holes"


def per_page(function, *args, **kwargs):
    """In a shared part being rendered, a hole that each page fills with
    `function(*args, **kwargs)`; elsewhere, that value at once."""
    holes = g.get(_HOLES)
    if holes is None:
        return function(*args, **kwargs)
    holes.append(partial(function, *args, **kwargs))
    return Markup(f"\x00{_TOKEN}:{len(holes) - 1}\x00")


def pieces(template):
    """`template` rendered, as a tuple of its text and its holes in order."""
    outer = g.pop(_HOLES, None)
    holes = []
    setattr(g, _HOLES, holes)
    try:
        text = render_template(template)
    finally:
        g.pop(_HOLES)
        if outer is not None:
            setattr(g, _HOLES, outer)
    parts = _MARK.split(text)
    # re.split gives text, hole number, text, ..., text.
    return tuple(
        holes[int(part)] if index % 2 else part for index, part in enumerate(parts) if part
    )


def filled(kept):
    """The part of `pieces`, each hole filled for this page (or left a hole of
    the shared part being rendered, when this one is inside it)."""
    if g.get(_HOLES) is not None:
        return Markup(
            "".join(piece if piece.__class__ is str else per_page(piece) for piece in kept)
        )
    return Markup("".join(piece if piece.__class__ is str else escape(piece()) for piece in kept))


def init_app(app):
    app.jinja_env.globals["per_page"] = per_page
