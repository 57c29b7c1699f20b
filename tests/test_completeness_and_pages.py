"""A school's completeness figure and its /sveden/ pages cannot disagree: a page
that marks something missing belongs to a section with a gap in the checklist, a
gap shows on the page (as missing, or as the other language's text), and a school
at 100 % has no page that reads «not yet published», «not provided yet» or
«nothing published»; an optional section a school does not use is in no menu.
Checked on the demo district, whose school №35 is complete."""

from flask_babel import force_locale
from flask_babel import gettext as _

from mektep.demo import load
from mektep.extensions import db
from mektep.schema import SECTIONS
from tenants.content.completeness import MISSING, checklist, summary
from tenants.models import School
from tests.conftest import Site

OTHER = {"ky": "ru", "ru": "ky"}


def empty_words(app, lang):
    with app.test_request_context(), force_locale(lang):
        return [_("Not yet published."), _("Not provided yet"), _("Nothing published.")]


def values_part(page):
    """The section's values on its page, without the menus, header and footer."""
    return page.split('<div class="sveden-values" itemscope>', 1)[1].split("</main>", 1)[0]


def test_completeness_and_the_pages_agree(app):
    with app.app_context():
        for _line in load():
            pass
        schools = db.session.scalars(db.select(School)).all()
        # Each school's address: gymnasium №12 is on its own domain in the demo.
        hosts = {school.slug: school.host(app.config["BASE_DOMAIN"]) for school in schools}
        states = {}
        for school in schools:
            entries = checklist(school)
            gaps = {
                lang: {entry.section.slug for entry in entries if entry.status[lang] == MISSING}
                for lang in ("ky", "ru")
            }
            states[school.slug] = (summary(entries), gaps)
    assert states["school35"][0]["ky"]["percent"] == states["school35"][0]["ru"]["percent"] == 100
    assert states["school5"][1]["ru"], "the demo keeps a school with gaps"
    for slug, (figures, gaps) in states.items():
        client = Site(app, hosts[slug])
        for lang in ("ky", "ru"):
            words = empty_words(app, lang)
            for section in SECTIONS:
                page = client.get(f"/sveden/{section.slug}/?lang={lang}").get_data(as_text=True)
                marked = 'class="missing"' in page or words[0] in page
                if figures[lang]["percent"] == 100:
                    assert not any(word in page for word in words), (slug, section.slug, lang)
                if marked:
                    assert section.slug in gaps[lang], (slug, section.slug, lang)
                if section.slug in gaps[lang]:
                    shown_otherwise = f'lang="{OTHER[lang]}"' in values_part(page)
                    assert marked or shown_otherwise, (slug, section.slug, lang)


def test_an_optional_section_a_school_does_not_use_is_in_no_menu(app, site):
    with app.app_context():
        for _line in load():
            pass
    for slug, listed in (("school35", True), ("school5", False)):
        index = site(slug).get("/sveden/?lang=ru").get_data(as_text=True)
        sitemap = site(slug).get("/sitemap.xml").get_data(as_text=True)
        assert ("/sveden/grants/" in index) is listed and ("/sveden/grants/" in sitemap) is listed
        page = site(slug).get("/sveden/grants/?lang=ru").get_data(as_text=True)
        assert ("Школа не ведёт этот необязательный раздел." in page) is not listed
