"""The low-vision version (G5), as the server sends it: the switch on every public
page in both languages, the mode carried by every link and form of its pages
(never by a cookie), its settings, images off, and what stays outside it (files,
feeds, the admin, the canonical address)."""

import re
from itertools import product
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from mektep.extensions import db
from mektep.registries import registry
from tenants.documents.jobs import render_stored_file
from tenants.news.models import NewsPost
from tenants.public.lowvision import CONTRASTS, SIZES, SPACINGS, Mode, is_valid, parse
from tests.branding.test_look import STYLESHEET as BRAND
from tests.branding.test_look import save as save_look
from tests.conftest import assert_redirect
from tests.documents.conftest import file_bytes, only_document, upload
from tests.news.conftest import make, post_fields  # noqa: F401  (fixture)
from tests.test_page_weight import page_weight, public_pages

SWITCH = {"ky": "Көрүүсү начар адамдар үчүн версия", "ru": "Версия для слабовидящих"}
HREF = re.compile(r'<a [^>]*href="([^"]+)"')
ACTION = re.compile(r'<form [^>]*action="([^"]+)"')


def links(html):
    return [href.replace("&amp;", "&") for href in HREF.findall(html)]


def query(url):
    return parse_qs(urlsplit(url).query)


def test_every_mode_has_one_canonical_address():
    modes = [
        Mode(size, contrast, images, spacing)
        for size, contrast, images, spacing in product(SIZES, CONTRASTS, (True, False), SPACINGS)
    ]
    values = {mode.value for mode in modes}
    assert len(values) == len(modes) == 36
    assert all(parse(mode.value) == mode for mode in modes)
    assert Mode().value == "150" and Mode(200, "wb", False, "wider").value == "200-wb-noimg-wider"
    for written in ("", "100", "150-bw", "150-wide", "150-noimg-wb", "150-wb-wb", "150-", "x"):
        assert parse(written) is None, written
        assert not is_valid(written)


def test_the_mode_is_a_variant_of_the_page_cache(app):
    with app.app_context():
        variants = dict(registry("page_cache_variants"))
    assert variants["lv"]("200-wb") and not variants["lv"]("200-bw")


def test_every_public_page_links_to_the_low_vision_version(app, site, schools):
    client = site("school-a")
    for path in [*public_pages(app), "/login"]:
        for lang in ("ky", "ru"):
            response = client.get(f"{path}?lang={lang}")
            if response.mimetype != "text/html":
                continue
            html = response.get_data(as_text=True)
            switch = re.search(rf'<a href="([^"]+)">{SWITCH[lang]}</a>', html)
            assert switch, (path, lang)
            target = switch.group(1).replace("&amp;", "&")
            assert urlsplit(target).path == path
            assert query(target)["lv"] == ["150"]
            assert 'class="lv' not in html and "lowvision.css" not in html


def test_a_modes_links_and_forms_stay_in_the_mode(site, schools):
    client = site("school-a")
    html = client.get("/search?q=мектеп&lang=ru&lv=200-wb").get_data(as_text=True)
    assert '<html lang="ru" class="lv lv-200 lv-wb lv-wide">' in html
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert urlsplit(sheets[-1]).path == "/static/css/lowvision.css"
    assert SWITCH["ru"] not in html
    usual = []
    for href in links(html):
        if href.startswith(("/static/", "#", "mailto:", "tel:")):
            continue
        lv = query(href).get("lv")
        if lv is None:
            usual.append(href)
        else:
            assert lv != [], href
    # Only the way back to the usual version leaves the mode.
    assert usual == ["/search?q=%D0%BC%D0%B5%D0%BA%D1%82%D0%B5%D0%BF&lang=ru"]
    assert 'aria-current="true">Обычная версия сайта' not in html
    assert '<input type="hidden" name="lv" value="200-wb">' in html
    assert 'href="http://school-a.mektep.test/search?q=%D0%BC%D0%B5%D0%BA%D1%82%D0%B5%D0%BF' in html
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert "lv=" not in canonical
    discussion = client.get("/discussion/ask?lang=ru&lv=200-wb").get_data(as_text=True)
    assert query(ACTION.search(discussion).group(1).replace("&amp;", "&"))["lv"] == ["200-wb"]


def test_the_settings_change_one_thing_each(site, schools):
    html = site("school-a").get("/news/?lang=ky&lv=200-wb").get_data(as_text=True)
    panel = html[html.index('class="lv-panel"') : html.index('class="wrap header-row"')]
    assert 'aria-label="Көрүүсү начар адамдар үчүн версиянын жөндөөлөрү"' in panel
    choices = {
        label: href for href, label in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', panel)
    }
    expected = {
        "150 %": "150-wb",
        "250 %": "250-wb",
        "ак фондо кара": "200",
        "көгүлтүр фондо кочкул көк": "200-blue",
        "жашырылган": "200-wb-noimg",
        "абдан кенен": "200-wb-wider",
    }
    for label, value in expected.items():
        assert query(choices[label].replace("&amp;", "&"))["lv"] == [value], label
    assert choices["Сайттын кадимки версиясы"] == "/news/?lang=ky"
    current = re.findall(r'<strong aria-current="true"[^>]*>([^<]+)</strong>', panel)
    assert current == ["200 %", "кара фондо ак", "көрсөтүлөт", "кенен"]


def test_posting_a_question_in_the_mode_comes_back_to_the_mode(site, schools):
    client = site("school-a")
    form = "/discussion/ask?lang=ru&lv=250-blue"
    response = client.submit(
        form,
        {
            "kind": "question",
            "author_name": "Айгуль",
            "author_email": "",
            "website": "",
            "body": "Когда начнутся каникулы?",
        },
    )
    assert_redirect(response, "/discussion", lang="ru", lv="250-blue")
    rejected = client.submit(
        form, {"kind": "question", "author_name": "", "body": "", "website": ""}
    )
    assert rejected.status_code == 400
    assert 'class="lv lv-250 lv-blue lv-wide"' in rejected.get_data(as_text=True)


@pytest.mark.parametrize("written", ["999", "150-bw", "150-noimg-wb", "<script>"])
def test_a_mode_that_does_not_exist_shows_the_usual_page(site, schools, written):
    response = site("school-a").get("/news/", query_string={"lv": written})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'class="lv' not in html and "<script>" not in html
    assert SWITCH["ky"] in html


def test_hiding_images_leaves_their_place_to_text(app, site, admin_a, make):  # noqa: F811
    upload(admin_a, [(file_bytes("photo.jpg"), "спорт.jpg")], expect=302, title_ky="Спорт зал")
    with app.app_context():
        document = only_document()
        file_id = document.file_id
        render_stored_file(file_id)
        db.session.remove()
    post_id = make(NewsPost, cover_file_id=file_id, **post_fields("Спорт аянтчасы"))
    client = site("school-a")
    for path in ("/documents", "/news/", f"/news/{post_id}"):
        shown = client.get(f"{path}?lv=150").get_data(as_text=True)
        assert f"/files/{file_id}/thumb" in shown or "<img" in shown, path
        hidden = client.get(f"{path}?lv=150-noimg").get_data(as_text=True)
        assert "<img" not in hidden, path
    centre = client.get("/documents?lv=150-noimg").get_data(as_text=True)
    assert "file-icon-jpeg" in centre and "Спорт зал" in centre
    assert "<img" in client.get("/documents").get_data(as_text=True)


def test_files_feeds_and_the_admin_stay_outside_the_mode(app, site, admin_a):
    html = site("school-a").get("/sveden/employees/?lv=150").get_data(as_text=True)
    labels = re.search(r'href="(/sveden/labels\.css[^"]*)"', html).group(1)
    assert "lv=" not in labels
    news = site("school-a").get("/news/?lv=150").get_data(as_text=True)
    feed = re.search(r'href="([^"]*feed\.atom[^"]*)"', news).group(1)
    assert "lv=" not in feed
    admin = admin_a.get("/admin/?lv=200-wb").get_data(as_text=True)
    assert 'class="lv' not in admin and "lowvision.css" not in admin
    # (The language links keep the address as it was typed, whatever it holds.)
    menu = [href for href in links(admin) if "lang=" not in href]
    assert "/admin/content/" in menu and not [href for href in menu if "lv=" in href]


def test_a_schools_colour_stylesheet_has_one_address_in_every_mode(app, admin_a, site):
    """The colour's stylesheet is immutable and shared by every page: a mode does
    not make it another address (36 modes, 36 downloads of the same file)."""
    assert_redirect(save_look(admin_a, choice="teal"), "/admin/look")
    client = site("school-a")
    usual = BRAND.findall(client.get("/").get_data(as_text=True))
    assert usual and usual[0].startswith("/brand/")
    for lv in ("150", "250-wb-noimg-wider"):
        assert BRAND.findall(client.get(f"/?lv={lv}").get_data(as_text=True)) == usual, lv


def test_no_cookie_carries_the_mode(site, schools):
    client = site("school-a")
    response = client.get("/?lv=200")
    assert "Set-Cookie" not in response.headers
    assert 'class="lv' not in client.get("/").get_data(as_text=True)


def test_the_apex_has_no_low_vision_version(site, schools):
    html = site().get("/?lv=200").get_data(as_text=True)
    assert 'class="lv' not in html and SWITCH["ky"] not in html


def test_a_mode_page_costs_its_stylesheet_settings_and_argument_on_links(app, site, schools):
    """What the mode adds to a page's weight: its own stylesheet, its settings
    (at most 1.5 KB) and the argument on every link (`&amp;lv=` and the value)."""
    stylesheet = (Path(app.static_folder) / "css" / "lowvision.css").stat().st_size
    client = site("school-a")
    for path in [*public_pages(app), "/login"]:
        usual = client.get(f"{path}?lang=ru")
        if usual.mimetype != "text/html":
            continue
        for lv in ("150", "250-wb-noimg-wider"):
            mode = client.get(f"{path}?lang=ru&lv={lv}")
            carried = mode.get_data(as_text=True).count(f"lv={lv}") * len(f"&amp;lv={lv}")
            allowance = stylesheet + 1536 + carried
            assert page_weight(app, mode) - page_weight(app, usual) < allowance, (path, lv)
