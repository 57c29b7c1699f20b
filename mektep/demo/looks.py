"""The demo's own domains and looks: gymnasium №12 lives on its own domain
(`gym12.localhost`, which browsers resolve to this machine, so
`http://gymnasium12.localhost:5000/` leads to `http://gym12.localhost:5000/`),
with a second domain whose DNS check fails (`gymnasium12.test`, a name that
never resolves), a logo and a maroon accent; school №5 has a teal accent;
school №35 keeps its subdomain and the platform's look. The logo goes through
the same upload path and preview job (which makes its favicons) as an upload."""

import io

from PIL import Image, ImageDraw

from mektep.branding.colours import PALETTE_COLOURS
from mektep.demo.accounts import admin_of
from mektep.extensions import db
from tenants.branding.models import SchoolBranding
from tenants.documents.uploads import store_upload
from tenants.domains.rules import add_domain, make_primary

OWN_DOMAIN = "gym12.localhost"
UNRESOLVED_DOMAIN = "gymnasium12.test"
LOOKS = {"gymnasium12": "maroon", "school5": "teal"}
LOGO_OF = "gymnasium12"


def draw_logo():
    """A 512-pixel emblem on a transparent background: a maroon shield with a
    gold rim, an open book and a star."""
    image = Image.new("RGBA", (512, 512), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    shield = [(56, 40), (456, 40), (456, 260), (256, 480), (56, 260)]
    draw.polygon(shield, fill=(139, 30, 63), outline=(230, 180, 40), width=18)
    draw.polygon([(120, 250), (250, 215), (250, 380), (120, 410)], fill=(255, 255, 255))
    draw.polygon([(392, 250), (262, 215), (262, 380), (392, 410)], fill=(255, 255, 255))
    star = [(256, 80), (280, 148), (352, 150), (295, 192), (316, 262)]
    star += [(256, 222), (196, 262), (217, 192), (160, 150), (232, 148)]
    draw.polygon(star, fill=(230, 180, 40))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def load_looks(schools):
    gymnasium = schools.get(LOGO_OF)
    if gymnasium is not None and not gymnasium.domains:
        own = add_domain(gymnasium, OWN_DOMAIN)
        add_domain(gymnasium, UNRESOLVED_DOMAIN)
        make_primary(gymnasium, own)
        yield f"{LOGO_OF}: on its own domain {OWN_DOMAIN}"
    for slug, colour in LOOKS.items():
        school = schools.get(slug)
        if school is None or db.session.scalar(
            db.select(SchoolBranding.id).where(SchoolBranding.school_id == school.id)
        ):
            continue
        branding = SchoolBranding(school_id=school.id, accent=PALETTE_COLOURS[colour])
        if slug == LOGO_OF:
            logo = store_upload(draw_logo(), "emblem.png", school.id, admin_of(slug))
            branding.logo_file_id = logo.id
        db.session.add(branding)
        yield f"{slug}: {colour} accent" + (", a logo (favicons queued)" if slug == LOGO_OF else "")
