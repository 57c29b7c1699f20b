"""The stylesheet of a school's look: its accent colour as the `--accent` custom
property of site.css, and the logo's place in the header.

The Content-Security-Policy allows no inline style, so the look is a file of
its own. Its address names the colour and a digest of its text
(`/brand/8b1e3f.1a2b3c4d5e.css`): the same for every school of that colour, and
immutable, so browsers and proxies keep it for a year. The layouts link it
right after site.css, only for a school whose look is not the platform's
(`brand_stylesheet_url`), so a plain school's pages weigh nothing more, and a
stylesheet linked after it (the low-vision mode's) overrides the accent.
"""

import hashlib

from flask import Response, abort, url_for

from mektep.branding.colours import measure, parse
from mektep.pagecache import per_school
from tenants.branding.look import current_look

MAX_AGE = 365 * 24 * 3600
# The logo sits on a white plate left of the name, as tall as two lines of it.
LOGO_RULES = (
    ".school-name{display:flex;align-items:center;gap:.6rem}"
    ".logo{height:3rem;width:auto;background:#fff;border-radius:4px;padding:2px}"
)


def stylesheet_text(accent):
    return f":root{{--accent:{accent}}}{LOGO_RULES}"


def stylesheet_name(accent):
    """The file name (without .css) of the stylesheet of `accent`."""
    digest = hashlib.sha256(stylesheet_text(accent).encode()).hexdigest()[:10]
    return f"{accent[1:]}.{digest}"


@per_school
def brand_stylesheet_url():
    """The bound school's stylesheet, or None when it looks like the platform."""
    look = current_look()
    if look is None or look.is_plain:
        return None
    return url_for("brand_stylesheet", name=stylesheet_name(look.accent), lang=None)


def brand_stylesheet(name):
    """Any host serves any allowed colour's stylesheet: it holds nothing of a
    school but the colour its address names. An address of an earlier text of
    the same colour (a page saved long ago) gets today's text, not for keeps."""
    colour, _dot, digest = name.partition(".")
    accent = parse(colour)
    if accent is None or accent[1:] != colour or not measure(accent).passes:
        abort(404)
    response = Response(stylesheet_text(accent), mimetype="text/css")
    current = stylesheet_name(accent) == name
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE if current else 300
    response.cache_control.immutable = current
    return response
