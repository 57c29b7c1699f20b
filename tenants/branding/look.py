"""What a school looks like: the accent colour it shows (its own, or the
district's when the district locks it or the school chose none) and its logo.

`current_look()` is the bound school's, read once per request; the public and
admin layouts show it through `brand_stylesheet_url()` and `school_logo()`, the
favicon and the preview picture of shared links through `current_look()`, and
e-mails through `mail_look(school)`.
"""

from dataclasses import dataclass

from flask import current_app, g, url_for

from mektep.branding.colours import PLATFORM_ACCENT, TEXT_ON_ACCENT
from mektep.branding.models import district_branding
from mektep.extensions import db
from mektep.hosts import site_url
from mektep.pagecache import per_school
from tenants.branding.models import SchoolBranding


@dataclass(frozen=True)
class Look:
    accent: str  # "#rrggbb"
    logo: object  # the logo's StoredFile once its thumbnails are ready, else None
    own_accent: str | None  # what the school chose (None: the district's)
    district_accent: str | None  # the district's default (None: the platform's)
    locked: bool  # the district decides the colour

    @property
    def is_plain(self):
        """The platform's look: nothing to add to the pages."""
        return self.accent == PLATFORM_ACCENT and self.logo is None


def branding_of(school):
    """The school's branding row, or None."""
    return db.session.scalar(db.select(SchoolBranding).where(SchoolBranding.school_id == school.id))


def look_of(school):
    return _look(district_branding(), branding_of(school))


def looks_of(schools):
    """[(school, its look)] of `schools`, in two queries however many they are."""
    district = district_branding()
    ids = [school.id for school in schools]
    query = db.select(SchoolBranding).where(SchoolBranding.school_id.in_(ids))
    own = {row.school_id: row for row in db.session.scalars(query)}
    return [(school, _look(district, own.get(school.id))) for school in schools]


def _look(district, own):
    """The look of a school whose branding row is `own` (or None) under `district`'s rule."""
    own_accent = own.accent if own is not None else None
    district_accent = district.accent or None
    accent = district_accent if district.locked else own_accent or district_accent
    logo = own.logo if own is not None else None
    return Look(
        accent=accent or PLATFORM_ACCENT,
        logo=logo if logo is not None and logo.has_thumbnail("small") else None,
        own_accent=own_accent,
        district_accent=district_accent,
        locked=district.locked,
    )


def current_look():
    """The bound school's look, read once per request (None on the apex)."""
    if g.get("school") is None:
        return None
    if "school_look" not in g:
        g.school_look = look_of(g.school)
    return g.school_look


@per_school
def school_logo():
    """The bound school's logo for the header: (address, width, height) of its
    small thumbnail, or None."""
    look = current_look()
    if look is None or look.logo is None:
        return None
    logo = look.logo
    width, height = logo.thumbnail_box("small") or (None, None)
    address = url_for("public.file_thumbnail", file_id=logo.id, size="small", fmt="webp", lang=None)
    return address, width, height


def mail_look(school):
    """The school's look for its e-mails (the mail layout's hook; also outside a
    request): its accent colour, the text colour that reads on it, and its logo's
    absolute address on the school's primary host (None without a logo)."""
    look = look_of(school)
    logo = None
    # A JPEG: mail programs that read no WebP are many.
    if look.logo is not None and look.logo.has_thumbnail("large", "jpg"):
        path = current_app.url_map.bind("").build(
            "public.file_thumbnail", {"file_id": look.logo.id, "size": "large", "fmt": "jpg"}
        )
        logo = site_url(school, path)
    return {"accent": look.accent, "text_on_accent": TEXT_ON_ACCENT, "logo_url": logo}
