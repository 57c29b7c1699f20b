"""The district's public directory of its active schools, served at `/` on the apex
(see `create_app`)."""

import re

from flask import current_app, g, render_template

from mektep.extensions import db
from tenants.models import School


def directory():
    schools = db.session.scalars(db.select(School).where(School.status == "active")).all()
    schools.sort(key=lambda school: natural_key(school.name(g.lang)))
    return render_template(
        "home/directory.html", schools=schools, base_domain=current_app.config["BASE_DOMAIN"]
    )


def natural_key(name):
    """Sort key that puts №5 before №12: digit runs compare as numbers."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in re.split(r"(\d+)", name)
        if part
    ]
