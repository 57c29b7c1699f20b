"""Languages: complete catalogs, the language in the URL, links carrying it on."""

from datetime import date, datetime

import pytest
from flask_babel import format_date

from mektep.i18n import choose_language
from mektep.translations_cli import missing_translations


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_every_string_is_translated(lang):
    missing = missing_translations(lang)
    assert not missing, "\n".join(f"{where}: {msgid!r}" for msgid, where in missing.items())


def test_default_language_is_the_schools(site, schools):
    page = site("school-a").get("/").get_data(as_text=True)
    assert '<html lang="ky">' in page
    assert "Мектептин расмий сайтына кош келиңиз." in page


def test_language_comes_from_the_url_and_links_carry_it(site, schools):
    page = site("school-a").get("/?lang=ru").get_data(as_text=True)
    assert '<html lang="ru">' in page
    assert "Добро пожаловать на официальный сайт школы." in page
    assert 'href="/login?lang=ru"' in page
    assert 'hreflang="ky" href="http://school-a.mektep.test/"' in page
    assert 'hreflang="ru" href="http://school-a.mektep.test/?lang=ru"' in page


def test_unknown_language_falls_back_to_the_default(site, schools):
    page = site("school-a").get("/?lang=xx").get_data(as_text=True)
    assert '<html lang="ky">' in page


def test_public_pages_offer_only_the_official_languages(site, schools):
    page = site("school-a").get("/?lang=en").get_data(as_text=True)
    assert '<html lang="ky">' in page


def test_admin_pages_also_speak_english(admin_a):
    page = admin_a.get("/admin/?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in page and "Dashboard" in page


def test_error_pages_are_localized(site, schools):
    page = site("school-a").get("/no-such-page?lang=ru").get_data(as_text=True)
    assert "Страница не найдена" in page


def test_dates_are_formatted_for_the_locale(app):
    with app.test_request_context("/?lang=ru", headers={"Host": "mektep.test"}):
        choose_language()
        assert format_date(date(2026, 9, 1), "long").startswith("1 сентября 2026")


def test_the_date_filter_reads_a_stored_time_in_the_district_and_each_language(app):
    late_utc = datetime(2026, 8, 31, 20, 30)  # 02:30 on 1 September in Bishkek (UTC+6)
    shown = {}
    for lang in ("ru", "ky", "ru"):
        with app.test_request_context(f"/?lang={lang}", headers={"Host": "mektep.test"}):
            choose_language()
            day = app.jinja_env.filters["date"]
            shown.setdefault(lang, set()).add((day(late_utc), day(date(2026, 9, 1)), day(None)))
    assert shown["ru"] == {("1 сентября 2026\u202fг.", "1 сентября 2026\u202fг.", "")}
    (kyrgyz,) = shown["ky"]
    assert kyrgyz[0] == kyrgyz[1] and "2026" in kyrgyz[0] and kyrgyz[0] not in shown["ru"].pop()
