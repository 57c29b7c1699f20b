"""The low-vision version of a school's site (G5): larger text (150, 200 or 250 %),
high contrast (black on white, white on black, dark blue on light blue), images
on or off, and wide or wider spacing, in one column that never scrolls sideways.

The choice is a query argument, `?lv=200-wb-noimg`, never a cookie: pages stay
cacheable (a variant of the page cache, like the language) and need no
JavaScript. A `url_defaults` hook carries it on to every link of a mode's page
(forms add it as a hidden input), so the visitor stays in the mode until they
follow the link back to the usual version. Its value is canonical, so each
choice has one address: the size first, then only what differs from the
defaults, in a fixed order (`150`, `200-wb`, `150-noimg-wider`).

Templates get `g.lowvision` (a `Mode`, or None on the usual version), which
`base.html` turns into classes of `<html>` and the mode's stylesheet
(`lowvision.css`, loaded last, only in the mode), and `images_shown()`.
"""

from dataclasses import dataclass, replace

from flask import g, request

from mektep.pagecache import add_variant

ARGUMENT = "lv"
SIZES = (150, 200, 250)
CONTRASTS = ("bw", "wb", "blue")
SPACINGS = ("wide", "wider")
# Addresses that send no page (files, feeds, machine-readable lists, a school's
# colour stylesheet) do not carry the mode.
NOT_PAGES = frozenset(
    {
        "static",
        "brand_stylesheet",
        "public.file_download",
        "public.file_thumbnail",
        "public.news_feed",
        "public.events_feed",
        "public.sitemap_xml",
        "public.staff_labels",
    }
)


@dataclass(frozen=True)
class Mode:
    size: int = SIZES[0]
    contrast: str = CONTRASTS[0]
    images: bool = True
    spacing: str = SPACINGS[0]

    @property
    def value(self):
        """The canonical query value: the size, then what differs from the defaults."""
        tokens = [str(self.size)]
        if self.contrast != CONTRASTS[0]:
            tokens.append(self.contrast)
        if not self.images:
            tokens.append("noimg")
        if self.spacing != SPACINGS[0]:
            tokens.append(self.spacing)
        return "-".join(tokens)

    @property
    def classes(self):
        """The classes of `<html>` that lowvision.css styles."""
        names = ["lv", f"lv-{self.size}", f"lv-{self.contrast}", f"lv-{self.spacing}"]
        return " ".join(names + ([] if self.images else ["lv-noimg"]))

    def changed(self, **changes):
        """The query value of this mode with `changes` (size=200, images=False...)."""
        return replace(self, **changes).value


def parse(value):
    """The `Mode` a query value names, or None unless it is a canonical value."""
    if not value:
        return None
    size, *rest = value.split("-")
    if size not in {str(n) for n in SIZES}:
        return None
    settings = {"size": int(size)}
    for token in rest:
        if token in CONTRASTS:
            settings["contrast"] = token
        elif token == "noimg":
            settings["images"] = False
        elif token in SPACINGS:
            settings["spacing"] = token
        else:
            return None
    mode = Mode(**settings)
    return mode if mode.value == value else None


def is_valid(value):
    return parse(value) is not None


def read_mode():
    """before_request: the mode of a school's page (never of its admin)."""
    on_site = g.get("school") is not None and request.blueprint != "admin"
    g.lowvision = parse(request.args.get(ARGUMENT)) if on_site else None


def add_mode_to_links(endpoint, values):
    """url_defaults hook: a mode's page links to pages in the same mode, unless told
    otherwise (`lv=None`: the usual version)."""
    mode = g.get("lowvision")
    if mode is not None and ARGUMENT not in values and endpoint not in NOT_PAGES:
        values[ARGUMENT] = mode.value


def images_shown():
    mode = g.get("lowvision")
    return mode is None or mode.images


def init_app(app):
    app.before_request(read_mode)
    app.url_defaults(add_mode_to_links)
    # The page cache's contract: `lv` is a variant of every public page, each
    # valid value a page of its own.
    add_variant(app, ARGUMENT, is_valid)
    app.jinja_env.globals.update(images_shown=images_shown, LOWVISION=Mode(), LOWVISION_SIZES=SIZES)
