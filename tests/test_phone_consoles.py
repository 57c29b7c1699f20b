"""The school admin and the district console on a 390 px phone, without
JavaScript: their menus fold under a «Menu» button like the public site's, and
their lists and forms fit the screen (no sideways scrolling); on a wide screen the
menu shows and the button does not."""

from tests.conftest import PASSWORD

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
CONSOLES = [
    (
        "school-a.mektep.test",
        "admin@a.kg",
        ["/admin/", "/admin/documents", "/admin/staff/", "/admin/content/vacant", "/admin/news"],
    ),
    (
        "mektep.test",
        "district@mektep.kg",
        ["/district/", "/district/schools/new", "/district/audit"],
    ),
]


def sign_in(page, base, email):
    page.goto(f"{base}/login?lang=ru")
    page.get_by_label("Электронная почта").fill(email)
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()


def test_consoles_fold_their_menus_and_fit_a_phone(browser, live_server, schools):
    for host, email, paths in CONSOLES:
        base = f"http://{host}:{live_server}"
        phone = browser.new_context(
            viewport={"width": 390, "height": 844}, java_script_enabled=False
        )
        page = phone.new_page()
        sign_in(page, base, email)
        for path in paths:
            page.goto(f"{base}{path}?lang=ru")
            assert page.locator("h1").count() == 1, path
            assert not page.locator(".main-menu ul a").first.is_visible(), path
            assert page.evaluate(OVERFLOW) == 0, path
        page.get_by_text("Меню", exact=True).click()
        assert page.locator(".main-menu ul a").first.is_visible()
        phone.close()
        desktop = browser.new_context(viewport={"width": 1280, "height": 800})
        page = desktop.new_page()
        sign_in(page, base, email)
        page.goto(f"{base}{paths[0]}?lang=ru")
        assert page.locator(".main-menu ul a").first.is_visible()
        assert not page.get_by_text("Меню", exact=True).is_visible()
        desktop.close()
