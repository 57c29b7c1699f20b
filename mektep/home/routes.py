"""The district's public directory (served at `/` on the apex, see `create_app`)."""

from flask import current_app, g, render_template

from mektep.extensions import db
from tenants.models import School


def directory():
    schools = db.session.scalars(db.select(School).where(School.status == "active")).all()
    schools.sort(key=lambda school: school.name(g.lang).casefold())
    return render_template(
        "home/directory.html", schools=schools, base_domain=current_app.config["BASE_DOMAIN"]
    )
