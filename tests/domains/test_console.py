"""The district console's pages of a school's addresses: adding a domain (host
names checked, unique across schools, never the apex or a school's subdomain),
the DNS check and the certificate a name needs before it becomes the address,
making it the address, removing it; every action audited, refused for anyone
but a district admin."""

import html
import re

import idna
import pytest

from mektep.audit import AuditEntry
from mektep.extensions import db
from tenants.models import Domain, School
from tests.conftest import Site, assert_redirect, nothing_changes
from tests.domains.conftest import ELSEWHERE

OWN = "gym-a.kg"


@pytest.fixture
def district(site, schools):
    apex = site()
    apex.login("district@mektep.kg")
    return apex


def domains_path(schools, slug="a"):
    return f"/district/schools/{schools[slug]}/domains"


def domains_of(app, school_id):
    with app.app_context():
        school = db.session.get(School, school_id)
        return {domain.hostname: domain.is_primary for domain in school.domains}


def audit_actions(app):
    with app.app_context():
        return [entry.action for entry in db.session.scalars(db.select(AuditEntry))]


def add(district, schools, name, slug="a", lang="en"):
    path = domains_path(schools, slug)
    return district.submit(f"{path}?lang={lang}", {"hostname": name}, form_page=path)


def test_a_domain_is_added_and_checked_then_made_the_address(app, district, schools, dns):
    response = add(district, schools, "  HTTPS://Gym-A.KG/about ")
    with app.app_context():
        domain_id = db.session.scalar(db.select(Domain.id).where(Domain.hostname == OWN))
    check_path = f"{domains_path(schools)}/{domain_id}"
    assert_redirect(response, check_path)
    assert domains_of(app, schools["a"]) == {OWN: False}
    assert "domain.add" in audit_actions(app)
    # Not yet in the DNS: the page says what to ask for, and refuses to make it the address.
    page = district.get(f"{check_path}?lang=en").get_data(as_text=True)
    assert "gym-a.kg does not lead anywhere yet" in page
    assert "192.0.2.10" in page and "CNAME record to mektep.test" in page
    assert "certbot certonly" in page and f"-d {OWN}" in page
    assert "Make gym-a.kg the address" not in page
    primary = f"{check_path}/primary"
    with nothing_changes(app):
        refused = district.submit(primary, {}, form_page=check_path)
    assert refused.status_code == 409
    # Still the school's old hosting.
    dns(OWN, ELSEWHERE)
    page = district.get(f"{check_path}?lang=en").get_data(as_text=True)
    assert f"gym-a.kg leads to {ELSEWHERE}, which is not this deployment (192.0.2.10)" in page
    dns(OWN)
    page = district.get(f"{check_path}?lang=en").get_data(as_text=True)
    assert f"leads partly here and partly to {ELSEWHERE}" in page
    with nothing_changes(app):
        assert district.submit(primary, {}, form_page=check_path).status_code == 409
    # Only here now: it passes, and becomes the address.
    hosts = app.config["DNS_HOSTS_FILE"]
    with open(hosts) as lines:
        kept = [line for line in lines if ELSEWHERE not in line]
    with open(hosts, "w") as lines:
        lines.writelines(kept)
    page = district.get(f"{check_path}?lang=ru").get_data(as_text=True)
    assert "ведёт на эту установку (192.0.2.10)" in page
    assert_redirect(district.submit(primary, {}, form_page=check_path), domains_path(schools))
    assert domains_of(app, schools["a"]) == {OWN: True}
    assert "domain.primary" in audit_actions(app)
    moved = Site(app, "school-a.mektep.test").get("/news")
    assert moved.status_code == 301 and moved.headers["Location"] == f"http://{OWN}/news"
    listing = district.get(f"{domains_path(schools)}?lang=en").get_data(as_text=True)
    assert "The address" in listing and "Make it the address again" in listing


def test_a_name_under_the_apex_is_covered_by_the_wildcard(app, district, schools, dns):
    add(district, schools, "gymnasium-a.mektep.test")
    with app.app_context():
        domain = db.session.scalar(db.select(Domain))
        path = f"{domains_path(schools)}/{domain.id}?lang=en"
    page = district.get(path).get_data(as_text=True)
    assert "wildcard certificate for *.mektep.test: nothing to do" in page
    assert "certbot" not in page
    # A new school may not take the label as its address later.
    response = district.submit(
        "/district/schools/new?lang=en",
        {
            "slug": "gymnasium-a",
            "name_ky": "Гимназия",
            "name_ru": "Гимназия",
            "admin_email": "x@y.kg",
        },
    )
    assert response.status_code == 400
    assert "as its own domain" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "name, message",
    [
        ("", "Enter a domain name"),
        ("not a domain", "is not a domain name"),
        ("gym_a.kg", "is not a domain name"),
        ("localhostkg", "is not a domain name"),
        ("192.0.2.10", "is not a domain name"),
        ("mektep.test", "the district's own address"),
        ("www.school-b.mektep.test", "the district's own address"),
        ("school-a.mektep.test", "already the school's own subdomain"),
        ("school-b.mektep.test", "another school's address"),
        ("district.mektep.test", "reserved"),
        ("gym-b.kg", "Another school already has this domain"),
        ("GYM-A2.KG", "The school already has this domain"),
    ],
)
def test_names_a_school_cannot_take_are_refused(app, district, schools, attach, name, message):
    attach("school-b", "gym-b.kg")
    attach("school-a", "gym-a2.kg")
    with nothing_changes(app):
        response = add(district, schools, name)
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    assert message in page, page[-3000:]
    typed = re.search(r'<input[^>]*name="hostname"[^>]*>', page).group(0)
    assert f'value="{name}"' in typed  # what was typed is kept


def test_the_refusal_is_in_the_page_language(district, schools):
    response = add(district, schools, "mektep.test", lang="ky")
    assert response.status_code == 400
    assert "Бул райондун өз дареги" in response.get_data(as_text=True)


def test_an_international_name_is_kept_in_its_ascii_form(app, district, schools):
    add(district, schools, "Мектеп12.кг")
    assert domains_of(app, schools["a"]) == {idna.encode("мектеп12.кг").decode(): False}
    page = district.get(f"{domains_path(schools)}?lang=en").get_data(as_text=True)
    assert "мектеп12.кг" in page


def test_removing_the_address_brings_the_subdomain_back(app, district, schools, attach):
    ids = attach("school-a", OWN, "www.gym-a.kg", primary=OWN)
    path = f"{domains_path(schools)}/{ids[OWN]}/remove"
    confirm = district.get(f"{path}?lang=en").get_data(as_text=True)
    assert "Remove gym-a.kg?" in confirm and "moves back to its subdomain" in confirm
    assert_redirect(district.submit(path, {}, form_page=path), domains_path(schools))
    assert domains_of(app, schools["a"]) == {"www.gym-a.kg": False}
    assert "domain.remove" in audit_actions(app)
    assert Site(app, "school-a.mektep.test").get("/").status_code == 200
    assert Site(app, OWN).get("/").status_code == 404
    response = Site(app, "www.gym-a.kg").get("/")
    assert response.headers["Location"] == "http://school-a.mektep.test/"


def test_the_subdomain_is_made_the_address_again(app, district, schools, attach):
    attach("school-a", OWN, primary=OWN)
    path = f"/district/schools/{schools['a']}/subdomain-primary"
    assert_redirect(
        district.submit(path, {}, form_page=domains_path(schools)), domains_path(schools)
    )
    assert domains_of(app, schools["a"]) == {OWN: False}
    assert Site(app, "school-a.mektep.test").get("/").status_code == 200


def test_a_domain_of_another_school_is_not_found_under_this_one(app, district, schools, attach):
    ids = attach("school-b", "gym-b.kg")
    with nothing_changes(app):
        path = f"{domains_path(schools, 'a')}/{ids['gym-b.kg']}"
        assert district.get(path).status_code == 404
        assert (
            district.submit(f"{path}/remove", {}, form_page=domains_path(schools)).status_code
            == 404
        )
    assert domains_of(app, schools["b"]) == {"gym-b.kg": False}


def test_only_a_district_admin_manages_domains(app, site, schools, attach):
    ids = attach("school-a", OWN)
    # A school admin's session, carried from the school's host, reaches the role check.
    school_admin = site("school-a")
    school_admin.login("admin@a.kg")
    school_admin.carry_session_to("mektep.test")
    domain = f"{domains_path(schools)}/{ids[OWN]}"
    with nothing_changes(app):
        assert school_admin.get(domains_path(schools)).status_code == 403
        assert school_admin.get(domain).status_code == 403
        for path, data in (
            (domains_path(schools), {"hostname": "gym-a3.kg"}),
            (f"{domain}/primary", {}),
            (f"{domain}/remove", {}),
            (f"/district/schools/{schools['a']}/subdomain-primary", {}),
        ):
            assert school_admin.submit(path, data).status_code == 403, path
    assert sum(action.endswith(".denied") for action in audit_actions(app)) == 6
    # Positive control: the district admin reaches the same pages.
    district = site()
    district.login("district@mektep.kg")
    assert district.get(domains_path(schools)).status_code == 200
    assert district.get(domain).status_code == 200
