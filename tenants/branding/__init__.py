"""A school's own look within the district's rules: an accent colour and a
logo, chosen on the admin's branding page (tenants/admin/branding.py), within
the district's default and lock (mektep/branding, the district console).

The look reaches the pages through a stylesheet of its own (`stylesheet`),
the header's logo and the favicons (`favicons`, made by the logo's preview
job), and the picture of shared links.
"""

from sqlalchemy import true

from tenants.documents.models import add_preview_step
from tenants.documents.owners import add_file_owner


def init_app(app):
    from mektep.mail import add_mail_look
    from tenants.branding import favicons, look, stylesheet
    from tenants.branding.models import SchoolBranding

    # A logo is public from the moment an admin saves it.
    add_file_owner(app, SchoolBranding, SchoolBranding.logo_file_id, true)
    add_preview_step(app, favicons.make_favicons, favicons.favicon_keys)
    add_mail_look(app, look.mail_look)
    app.add_url_rule("/brand/<name>.css", "brand_stylesheet", stylesheet.brand_stylesheet)
    app.jinja_env.globals.update(
        brand_stylesheet_url=stylesheet.brand_stylesheet_url, school_logo=look.school_logo
    )
