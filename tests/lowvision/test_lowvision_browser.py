"""The low-vision version in a real browser with JavaScript off: switched on from a
page, kept while following links and searching, its settings changed one by one
(the browser shows each), and switched back; in Kyrgyz and Russian."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser import require_chromium


def mode_of(page):
    return parse_qs(urlsplit(page.url).query).get("lv", [None])[0]


def style(page, selector, prop):
    return page.locator(selector).first.evaluate(
        "(element, prop) => getComputedStyle(element)[prop]", prop
    )


@pytest.fixture
def phone(browser, live_server, schools):
    """A phone-sized browser without JavaScript, on school A's host."""
    require_chromium()
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.site = f"http://school-a.mektep.test:{live_server}"
    yield page
    context.close()


def test_switch_follow_change_and_switch_back_in_russian(phone):
    page = phone
    page.goto(f"{page.site}/?lang=ru")
    assert style(page, "html", "fontSize") == "16px"
    page.get_by_role("link", name="Версия для слабовидящих").click()
    assert mode_of(page) == "150"
    assert style(page, "html", "fontSize") == "24px"
    assert style(page, "body", "backgroundColor") == "rgb(255, 255, 255)"
    assert style(page, "body", "color") == "rgb(0, 0, 0)"

    page.get_by_text("Меню", exact=True).click()
    page.get_by_role("link", name="Новости").click()
    assert urlsplit(page.url).path == "/news/" and mode_of(page) == "150"
    assert page.locator("html").get_attribute("lang") == "ru"

    settings = page.get_by_role("region", name="Настройки версии для слабовидящих")
    settings.get_by_role("link", name="200 %").click()
    assert mode_of(page) == "200"
    assert style(page, "html", "fontSize") == "32px"
    settings.get_by_role("link", name="белым по чёрному").click()
    assert mode_of(page) == "200-wb"
    assert style(page, "body", "backgroundColor") == "rgb(0, 0, 0)"
    assert style(page, "main h1", "color") == "rgb(255, 255, 255)"
    settings.get_by_role("link", name="скрыты").click()
    assert mode_of(page) == "200-wb-noimg"
    settings.get_by_role("link", name="очень широкие").click()
    assert mode_of(page) == "200-wb-noimg-wider"
    assert float(style(page, "body", "letterSpacing").removesuffix("px")) >= 0.12 * 32 - 0.01
    assert style(page, "body", "lineHeight") == "64px"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # A search (a form) stays in the mode; so does its result's page.
    page.get_by_text("Меню", exact=True).click()
    page.get_by_role("link", name="Поиск").click()
    page.get_by_label("Что найти").fill("школа")
    page.locator(".search-form").get_by_role("button", name="Поиск").click()
    assert urlsplit(page.url).path == "/search" and mode_of(page) == "200-wb-noimg-wider"
    assert style(page, "html", "fontSize") == "32px"

    page.get_by_role("link", name="Обычная версия сайта").click()
    assert mode_of(page) is None and urlsplit(page.url).path == "/search"
    assert style(page, "html", "fontSize") == "16px"
    assert page.get_by_role("link", name="Версия для слабовидящих").is_visible()


def test_switch_and_back_in_kyrgyz(phone):
    page = phone
    page.goto(f"{page.site}/sveden/")
    page.get_by_role("link", name="Көрүүсү начар адамдар үчүн версия").click()
    assert mode_of(page) == "150" and urlsplit(page.url).path == "/sveden/"
    settings = page.get_by_role("region", name="Көрүүсү начар адамдар үчүн версиянын жөндөөлөрү")
    settings.get_by_role("link", name="250 %").click()
    settings.get_by_role("link", name="көгүлтүр фондо кочкул көк").click()
    assert mode_of(page) == "250-blue"
    assert style(page, "html", "fontSize") == "40px"
    assert style(page, "body", "backgroundColor") == "rgb(157, 209, 255)"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("link", name="Русский").click()
    assert mode_of(page) == "250-blue" and page.locator("html").get_attribute("lang") == "ru"
    page.get_by_role("link", name="Обычная версия сайта").click()
    assert mode_of(page) is None
    assert style(page, "html", "fontSize") == "16px"
