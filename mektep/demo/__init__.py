"""`flask demo load`: a demonstration district a newcomer can click through.

Each part of the product adds a module to this package with a loader
`loader(schools_by_slug)`, a generator of progress lines, and names it in
`loaders()`; loaders run in that order, once the schools and accounts exist.
"""

from mektep.accounts.models import Membership
from mektep.demo.accounts import demo_user
from mektep.demo.data import ACCOUNTS, SCHOOLS
from mektep.extensions import db
from tenants.models import School


def loaders():
    """Each part's demo content, in the order it is loaded."""
    from mektep.demo import (
        alerts,
        discussion,
        district,
        documents,
        looks,
        mail,
        news,
        schema,
        translations,
    )

    return (
        alerts.load_alerts,
        discussion.load_discussion,
        documents.load_documents,
        news.news_events_pages,
        schema.load_mandated_content,
        district.load_district_figures,
        mail.load_mail,
        translations.load_stale_translation,
        looks.load_looks,
    )


def load():
    """Create the demo schools and accounts that are missing; yield what was done."""
    district = ACCOUNTS["district"]
    demo_user(district["email"], district["name"], district["password"], district=True)
    for spec in SCHOOLS:
        if db.session.scalar(db.select(School).where(School.slug == spec["slug"])):
            yield f"{spec['slug']}: already there"
            continue
        school = School(
            **{
                k: spec[k]
                for k in ("slug", "name_ky", "name_ru", "default_language", "contact_email")
            }
        )
        db.session.add(school)
        for role, account in spec["accounts"].items():
            user = demo_user(account["email"], account["name"], account["password"])
            db.session.add(Membership(user=user, school=school, role=role))
        yield f"{spec['slug']}: created"
    db.session.commit()
    schools = {school.slug: school for school in db.session.scalars(db.select(School))}
    for loader in loaders():
        yield from loader(schools)
        db.session.commit()


def credentials():
    """(role, e-mail, password, where) of every demo account, for `make run` to print."""
    district = ACCOUNTS["district"]
    yield "district admin", district["email"], district["password"], ""
    for spec in SCHOOLS:
        for role, account in spec["accounts"].items():
            yield f"{role}", account["email"], account["password"], spec["slug"]
