"""Demo translation staleness (issue 11.7): at school №35 the admin added a sentence
to the Russian text of the page "School history" and not to the Kyrgyz one, so the
page's Kyrgyz text is marked "needs translation update" in the admin's list of
pages until someone updates or confirms it."""

from mektep.demo.accounts import admin_of
from mektep.demo.news import SCHOOL
from mektep.extensions import db
from tenants.pages.models import Page
from tenants.scoping import bind_school
from tenants.translations import StaleTranslation
from tenants.versioning import publish

ADDED_RU = (
    "<p>В 2024 году школа получила новый спортивный зал, построенный на средства "
    "района и выпускников.</p>"
)


def load_stale_translation(schools):
    school = schools.get(SCHOOL)
    if school is None:
        return
    bind_school(school)
    try:
        page = db.session.scalar(db.select(Page).where(Page.slug == "history"))
        if page is None or db.session.scalar(db.select(StaleTranslation.id).limit(1)):
            yield f"{SCHOOL}: translation marks already there"
            return
        publish(page, admin_of(SCHOOL), data={"body_ru": page.body_ru + ADDED_RU})
        yield f"{SCHOOL}: the page «История школы» waits for its Kyrgyz translation"
    finally:
        bind_school(None)
