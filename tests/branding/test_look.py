"""A school's look: its admin picks an accent colour (the palette's, or a hex
value refused when it reads badly) and uploads a logo through the documents'
checked upload path; the public pages link the colour's stylesheet, show the
logo in the header and as favicons (made by the logo's preview job); the
district sets a default colour and may lock it."""

import html
import io
import re

from PIL import Image

from mektep.branding.colours import PALETTE_COLOURS, PLATFORM_ACCENT
from mektep.extensions import db
from tenants.branding.look import mail_look
from tenants.branding.models import SchoolBranding
from tenants.branding.stylesheet import stylesheet_name
from tenants.domains.rules import add_domain, make_primary
from tenants.models import School
from tests.conftest import Site, assert_redirect, fixture_path, make_school, nothing_changes
from tests.discussion.conftest import visitor_post
from tests.district.test_dashboard import count_queries
from tests.mailboxes import html_part

LOOK = "/admin/look"
TEAL, NAVY = PALETTE_COLOURS["teal"], PALETTE_COLOURS["navy"]
STYLESHEET = re.compile(r'<link rel="stylesheet" href="(/brand/[^"]+\.css)">')


def save(client, lang="en", **data):
    return client.submit(
        f"{LOOK}?lang={lang}",
        {"choice": "", "custom": ""} | data,
        form_page=LOOK,
        content_type="multipart/form-data",
    )


def brand_link(client):
    found = STYLESHEET.findall(client.get("/?lang=ru").get_data(as_text=True))
    return found[0] if found else None


def own_branding(app, school_id):
    with app.app_context():
        row = db.session.scalar(
            db.select(SchoolBranding).where(SchoolBranding.school_id == school_id)
        )
        return (row.accent, row.logo_file_id) if row else None


def test_a_palette_colour_reaches_every_page_through_its_stylesheet(app, admin_a, site, schools):
    assert brand_link(site("school-a")) is None  # the platform's look adds nothing
    assert_redirect(save(admin_a, choice="teal"), LOOK)
    assert own_branding(app, schools["a"]) == (TEAL, None)
    link = brand_link(site("school-a"))
    assert link == f"/brand/{stylesheet_name(TEAL)}.css"
    for path in ("/news/?lang=ky", "/sveden/", "/nope"):
        assert link in site("school-a").get(path).get_data(as_text=True), path
    sheet = site("school-a").get(link)
    assert sheet.status_code == 200 and sheet.mimetype == "text/css"
    assert ":root{--accent:#00695c}" in sheet.get_data(as_text=True)
    assert sheet.cache_control.max_age == 365 * 24 * 3600 and sheet.cache_control.immutable
    assert brand_link(site("school-b")) is None  # the other school keeps its look


def test_a_hex_value_too_light_is_refused_with_a_shade_that_passes(app, admin_a, schools):
    with nothing_changes(app):
        response = save(admin_a, choice="custom", custom="#FFCC00")
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    assert "#ffcc00 is too light: white text on it would have a contrast of 1.5:1" in page
    shade = re.search(r"A darker shade of it that passes: (#[0-9a-f]{6})", page).group(1)
    assert re.search(r'<input[^>]*name="custom"[^>]*value="#FFCC00"', page)
    for bad in ("orange", ""):
        with nothing_changes(app):
            assert save(admin_a, choice="custom", custom=bad).status_code == 400
    assert_redirect(save(admin_a, choice="custom", custom=shade), LOOK)
    assert own_branding(app, schools["a"]) == (shade, None)


def test_the_refusal_is_in_the_page_language(admin_a):
    response = save(admin_a, lang="ru", choice="custom", custom="#ffcc00")
    assert response.status_code == 400
    assert "слишком светлый" in html.unescape(response.get_data(as_text=True))


def test_only_stylesheets_of_allowed_colours_exist(site, schools):
    school = site("school-a")
    assert school.get(f"/brand/{stylesheet_name(TEAL)}.css").status_code == 200
    for name in ("ffcc00.0123456789", "zzzzzz.0", "00695C.0", "%2e%2e"):
        assert school.get(f"/brand/{name}.css").status_code == 404, name
    # An earlier text of an allowed colour: today's text, kept briefly.
    old = school.get("/brand/00695c.0000000000.css")
    assert old.status_code == 200 and not old.cache_control.immutable


def test_the_district_default_and_its_lock(app, site, admin_a, schools):
    district = site()
    district.login("district@mektep.kg")
    assert_redirect(save(admin_a, choice="teal"), LOOK)
    # A default: schools that chose nothing show it; school A keeps its own.
    response = district.submit("/district/look", {"choice": "navy", "custom": ""})
    assert_redirect(response, "/district/look")
    assert brand_link(site("school-b")) == f"/brand/{stylesheet_name(NAVY)}.css"
    assert brand_link(site("school-a")) == f"/brand/{stylesheet_name(TEAL)}.css"
    # Locked: every school shows it, and a school's choice is kept for later.
    response = district.submit("/district/look", {"choice": "navy", "locked": "y"})
    assert_redirect(response, "/district/look")
    assert brand_link(site("school-a")) == f"/brand/{stylesheet_name(NAVY)}.css"
    page = html.unescape(admin_a.get(f"{LOOK}?lang=en").get_data(as_text=True))
    assert "only it can change the colour" in page and "<fieldset disabled" in page
    assert_redirect(save(admin_a, choice="red"), LOOK)  # the colour posted is ignored
    assert own_branding(app, schools["a"]) == (TEAL, None)
    # Unlocked again: the school's own colour comes back.
    district.submit("/district/look", {"choice": "navy"})
    assert brand_link(site("school-a")) == f"/brand/{stylesheet_name(TEAL)}.css"
    listing = district.get("/district/look?lang=en").get_data(as_text=True)
    assert TEAL in listing and NAVY in listing
    # The district's colour is checked like a school's.
    with nothing_changes(app):
        refused = district.submit("/district/look", {"choice": "custom", "custom": "#eeeeee"})
    assert refused.status_code == 400


def test_a_logo_shows_in_the_header_and_becomes_the_favicons(app, admin_a, site, run_worker):
    platform_icon = site("school-b").get("/favicon.ico").get_data()
    with fixture_path("picture.png").open("rb") as picture:
        response = save(admin_a, choice="maroon", logo=(io.BytesIO(picture.read()), "emblem.png"))
    assert_redirect(response, LOOK)
    run_worker()
    page = site("school-a").get("/?lang=ru").get_data(as_text=True)
    logo = re.search(r'<img class="logo" src="(/files/\d+/thumbnail-small\.webp)" alt=""', page)
    assert logo, page[:3000]
    assert site("school-a").get(logo.group(1)).status_code == 200
    icon = site("school-a").get("/favicon.ico")
    assert icon.status_code == 200 and icon.mimetype == "image/vnd.microsoft.icon"
    assert icon.get_data() != platform_icon
    assert Image.open(io.BytesIO(icon.get_data())).info["sizes"] == {(16, 16), (32, 32), (48, 48)}
    touch = site("school-a").get("/apple-touch-icon.png")
    assert touch.status_code == 200 and Image.open(io.BytesIO(touch.get_data())).size == (180, 180)
    # The picture of a shared link is the logo; the other school keeps the platform's.
    assert re.search(
        r'og:image" content="http://school-a\.mektep\.test/files/\d+/thumbnail-large\.jpg"', page
    )
    assert site("school-b").get("/favicon.ico").get_data() == platform_icon
    assert "logo" not in site("school-b").get("/").get_data(as_text=True).split("</header>")[0]


def test_a_logo_must_be_a_picture(app, admin_a):
    with nothing_changes(app), fixture_path("sample.pdf").open("rb") as document:
        response = save(admin_a, choice="teal", logo=(io.BytesIO(document.read()), "logo.pdf"))
    assert response.status_code == 400
    assert "JPEG, PNG or WebP" in html.unescape(response.get_data(as_text=True))


def test_only_the_school_admin_changes_the_look(app, editor_a, admin_b_on_a, admin_a, schools):
    for client in (editor_a, admin_b_on_a):
        with nothing_changes(app):
            assert client.get(LOOK).status_code == 403
            token = client.carried_token or client.csrf_token("/admin/")
            response = client.post(LOOK, data={"csrf_token": token, "choice": "teal"})
            assert response.status_code == 403
    assert own_branding(app, schools["a"]) is None
    assert admin_a.get(LOOK).status_code == 200  # positive control


def test_e_mails_get_the_look_with_the_logo_on_the_primary_host(app, schools, run_worker, outbox):
    with app.app_context():
        school = db.session.get(School, schools["a"])
        make_primary(school, add_domain(school, "gym-a.kg"))
        db.session.commit()
        assert mail_look(school) == {
            "accent": PLATFORM_ACCENT,
            "text_on_accent": "#ffffff",
            "logo_url": None,
        }
    admin = Site(app, "gym-a.kg")
    admin.login("admin@a.kg")
    with fixture_path("picture.png").open("rb") as picture:
        response = save(admin, choice="teal", logo=(io.BytesIO(picture.read()), "a.png"))
    assert_redirect(response, LOOK)
    run_worker()
    with app.app_context():
        look = mail_look(db.session.get(School, schools["a"]))
    assert look["accent"] == TEAL
    assert re.fullmatch(r"http://gym-a\.kg/files/\d+/thumbnail-large\.jpg", look["logo_url"])
    # A message of the school (its admins hear of a visitor's question) wears it.
    outbox.delivered()
    assert visitor_post(Site(app, "gym-a.kg")).status_code == 302
    (message,) = outbox.delivered()
    body = html_part(message)
    logo = look["logo_url"]
    assert f"background:{TEAL}" in body and f'<img src="{logo}"' in body


def test_the_district_reads_every_schools_look_in_the_same_queries(app, site, schools):
    district = site()
    district.login("district@mektep.kg")

    def add_branded_schools(start, n):
        with app.app_context():
            for i in range(start, start + n):
                school = make_school(f"look-{i}")
                db.session.flush()
                db.session.add(SchoolBranding(school_id=school.id, accent=TEAL))
            db.session.commit()

    add_branded_schools(0, 2)
    few = count_queries(app, district, "/district/look")
    add_branded_schools(2, 20)
    assert count_queries(app, district, "/district/look") == few
    assert district.get("/district/look").get_data(as_text=True).count(TEAL) >= 22
