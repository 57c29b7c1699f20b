"""A school on its own domain: pages answer on the primary host with 200, every
other host of the school answers 301 to the same path and query there, every
absolute link a page, feed, sitemap or API answer carries names the primary
host, and signing in works there with a host-only cookie."""

import re
from urllib.parse import urlsplit

import pytest

from mektep.extensions import db
from tenants.events.models import Event
from tenants.models import School
from tenants.news.models import NewsPost
from tests.conftest import Site
from tests.mailboxes import text_part
from tests.news.conftest import event_fields, post_fields

OWN = "gym-a.kg"
SECOND = "www.gym-a.kg"
SUBDOMAIN = "school-a.mektep.test"
# Hosts that documents name and that are not ours: name spaces, vocabularies,
# and the feed library's home page (its <generator>).
VOCABULARIES = {
    "schema.org",
    "www.w3.org",
    "www.sitemaps.org",
    "purl.org",
    "ogp.me",
    "lkiesow.github.io",
}
ABSOLUTE = re.compile(r"https?://([A-Za-z0-9.\-]+(?::\d+)?)([^\s\"'<>]*)")


@pytest.fixture
def on_own_domain(attach):
    return attach("school-a", OWN, SECOND, primary=OWN)


def test_the_primary_host_answers_and_every_other_host_leads_there(app, on_own_domain):
    own = Site(app, OWN)
    assert own.get("/").status_code == 200
    assert own.get("/sveden/?lang=ru").status_code == 200
    for host in (SUBDOMAIN, SECOND, "SCHOOL-A.mektep.test", f"{SECOND}."):
        for path in ("/", "/news?page=2&lang=ru", "/search?q=%D0%BC%D0%B0&lang=ky", "/admin/"):
            response = Site(app, host).get(path)
            assert response.status_code == 301, (host, path)
            assert response.headers["Location"] == f"http://{OWN}{path}", (host, path)
    # Another school is untouched, and a name nobody has is no school's.
    assert Site(app, "school-b.mektep.test").get("/").status_code == 200
    assert Site(app, "gym-b.kg").get("/").status_code == 404


def test_a_school_without_a_primary_domain_answers_on_its_subdomain(app, attach):
    attach("school-a", OWN)
    assert Site(app, SUBDOMAIN).get("/").status_code == 200
    response = Site(app, OWN).get("/news?lang=ru")
    assert response.status_code == 301
    assert response.headers["Location"] == f"http://{SUBDOMAIN}/news?lang=ru"


def absolute_links(text):
    return [(host.lower(), path) for host, path in ABSOLUTE.findall(text)]


def test_every_absolute_link_names_the_primary_host(app, make, on_own_domain):
    post = make(NewsPost, **post_fields(title_ru="Новость"))
    event = make(Event, **event_fields(title_ru="Событие"))
    own = Site(app, OWN)
    answers = {}
    for path in (
        "/",
        "/?lang=ru",
        f"/news/{post}?lang=ru",
        f"/events/{event}",
        "/sveden/",
        "/sitemap",
        "/sitemap.xml",
        "/robots.txt",
        "/news/feed.atom",
        "/events/calendar.ics",
        "/api/v1/info",
    ):
        response = own.get(path)
        assert response.status_code == 200, path
        answers[path] = response.get_data(as_text=True)
    found = {path: absolute_links(text) for path, text in answers.items()}
    for path, links in found.items():
        ours = [(host, link) for host, link in links if host not in VOCABULARIES]
        assert ours, path  # each answer carries absolute links to check
        assert {host for host, _link in ours} == {OWN}, (path, ours)
    # The links a search engine or a shared link follows, by name.
    home = answers["/?lang=ru"]
    assert f'<link rel="canonical" href="http://{OWN}/?lang=ru">' in home
    assert f'<meta property="og:image" content="http://{OWN}/static/img/share.png?v=' in home
    assert f'hreflang="ky" href="http://{OWN}/' in home
    assert re.search(rf'"url": ?"http://{re.escape(OWN)}/', answers["/sveden/"])  # JSON-LD
    assert f"<loc>http://{OWN}/sveden/</loc>" in answers["/sitemap.xml"]
    assert f"Sitemap: http://{OWN}/sitemap.xml" in answers["/robots.txt"]
    assert f"http://{OWN}/news/{post}" in answers["/news/feed.atom"]
    assert f"http://{OWN}/events/{event}" in answers["/events/calendar.ics"]
    # The district's directory and robots.txt name the school by its address too.
    apex = Site(app, "mektep.test")
    assert f"Sitemap: http://{OWN}/sitemap.xml" in apex.get("/robots.txt").get_data(as_text=True)
    assert f"http://{OWN}/" in apex.get("/").get_data(as_text=True)


def test_signing_in_works_on_the_own_domain_with_a_host_only_cookie(app, on_own_domain):
    own = Site(app, OWN)
    response = own.login("admin@a.kg")
    assert urlsplit(response.headers["Location"]).netloc in ("", OWN)
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("session=") and "domain=" not in cookie.lower()
    assert own.get("/admin/").status_code == 200
    # The session lives on the address alone: the subdomain only leads there.
    stranger = Site(app, SUBDOMAIN)
    stranger.client.set_cookie("session", own.client.get_cookie("session", domain=OWN).value)
    assert stranger.get("/admin/").headers["Location"] == f"http://{OWN}/admin/"


def test_set_up_and_reset_links_name_the_primary_host(app, site, on_own_domain, schools, outbox):
    admin = Site(app, OWN)
    admin.login("admin@a.kg")
    invited = admin.submit(
        "/admin/accounts/invite", {"email": "new@a.kg", "role": "editor"}, "/admin/accounts"
    ).get_data(as_text=True)
    assert f"http://{OWN}/account/setup/" in invited
    assert SUBDOMAIN not in invited
    # The district's help for an admin who has a password: a reset link by e-mail.
    outbox.delivered()  # the invitation's message, sent by a worker
    district = site()
    district.login("district@mektep.kg")
    response = district.submit(
        f"/district/schools/{schools['a']}/setup-link", {}, form_page="/district/"
    )
    assert response.status_code == 200
    (message,) = outbox.delivered()
    text = text_part(message)
    assert f"http://{OWN}/" in text and SUBDOMAIN not in text


def test_the_subdomain_is_the_address_again_once_the_domain_goes(app, on_own_domain):
    from tenants.domains.rules import remove_domain

    with app.app_context():
        school = db.session.scalar(db.select(School).where(School.slug == "school-a"))
        remove_domain(next(d for d in school.domains if d.hostname == OWN))
        db.session.commit()
    assert Site(app, SUBDOMAIN).get("/").status_code == 200
    assert Site(app, OWN).get("/").status_code == 404
    response = Site(app, SECOND).get("/about?lang=ru")
    assert response.headers["Location"] == f"http://{SUBDOMAIN}/about?lang=ru"
