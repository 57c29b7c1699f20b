"""`demo load` fills school №35 completely and leaves school №5 with gaps, as
both its admin dashboard and the district's compliance column show."""

import re

from mektep.demo import load
from mektep.demo.data import ACCOUNTS, SCHOOLS
from mektep.extensions import db
from tenants.models import School

DASHBOARD = r'class="percent" lang="(?:ky|ru)">[^:]+: <strong>(\d+)%'
CONSOLE = r'class="percent" lang="(?:ky|ru)">(?:KY|RU) (\d+)%'


def login(client, slug):
    spec = next(spec for spec in SCHOOLS if spec["slug"] == slug)
    account = spec["accounts"]["admin"]
    client.login(account["email"], account["password"])
    return client


def test_demo_school35_is_complete_in_both_languages_and_school5_is_not(app, site):
    with app.app_context():
        list(load())
        ids = {school.slug: school.id for school in db.session.scalars(db.select(School))}
    district = site()
    district.login(ACCOUNTS["district"]["email"], ACCOUNTS["district"]["password"])
    console = district.get("/district/").get_data(as_text=True)
    column = {
        slug: re.findall(CONSOLE, console.split(f"/district/schools/{ids[slug]}/compliance")[1])[:2]
        for slug in ("school35", "school5")
    }
    dashboard = {
        slug: re.findall(DASHBOARD, login(site(slug), slug).get("/admin/").get_data(as_text=True))
        for slug in ("school35", "school5")
    }
    assert column["school35"] == dashboard["school35"] == ["100", "100"]
    assert column["school5"] == dashboard["school5"]
    assert all(int(percent) < 50 for percent in column["school5"])
    gaps = district.get(f"/district/schools/{ids['school35']}/compliance?lang=ru")
    assert gaps.status_code == 200 and "badge-bad" not in gaps.get_data(as_text=True)
