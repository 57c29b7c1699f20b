"""A newcomer's path through the foundation, in a real browser."""

import re

from tests.conftest import PASSWORD


def url(page, host, path="/"):
    return f"http://{host}:{page.base_port}{path}"


def test_visitor_switches_language_and_admin_signs_in(page, schools, tmp_path):
    page.goto(url(page, "mektep.test"))
    page.get_by_role("link", name=re.compile("school-a мектеби")).click()
    assert page.locator("html").get_attribute("lang") == "ky", page.url
    page.get_by_role("link", name="Русский").click()
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").inner_text() == "Школа school-a"

    page.get_by_role("link", name="Вход для сотрудников").click()
    page.get_by_label("Электронная почта").fill("admin@a.kg")
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    assert page.locator("h1").inner_text() == "Панель управления"

    page.get_by_text("Меню", exact=True).click()  # the admin's menu folds on a phone
    page.get_by_role("link", name="Настройки").click()
    page.get_by_label("Полное название на русском").fill("Школа-гимназия №1")
    page.get_by_role("button", name="Сохранить настройки").click()
    assert "Настройки сохранены." in page.locator(".flash").inner_text()
    page.screenshot(path=str(tmp_path / "settings.png"), full_page=True)

    page.goto(url(page, "school-a.mektep.test", "/admin/?lang=ru"))
    assert page.locator("h1").inner_text() == "Панель управления"
    page.goto(url(page, "school-b.mektep.test", "/admin/"))
    assert page.url == url(page, "school-b.mektep.test", "/login?next=%2Fadmin%2F")


def test_public_page_needs_no_javascript(browser, live_server, schools):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"http://school-a.mektep.test:{live_server}/?lang=ru")
    assert page.locator("h1").inner_text() == "Школа school-a"
    context.close()


def test_phone_menu_folds_under_a_button_without_javascript(browser, live_server, schools):
    url = f"http://school-a.mektep.test:{live_server}/?lang=ru"
    phone = browser.new_context(viewport={"width": 390, "height": 800}, java_script_enabled=False)
    page = phone.new_page()
    page.goto(url)
    home_link = page.locator(".main-menu ul a").first
    assert not home_link.is_visible()
    page.get_by_text("Меню").click()
    assert home_link.is_visible()
    phone.close()
    desktop = browser.new_context(viewport={"width": 1280, "height": 800})
    page = desktop.new_page()
    page.goto(url)
    assert page.locator(".main-menu ul a").first.is_visible()
    assert not page.get_by_text("Меню").is_visible()
    desktop.close()
