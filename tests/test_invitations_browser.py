"""Two schools' admins invite the same new address, in a real browser (in
Russian: a school's sign-in speaks only its official languages): the first
school's set-up link keeps working, the second school waits for the owner,
who accepts after signing in on its site."""

import re

from tests.conftest import PASSWORD

NEWCOMER = "aibek@mail.kg"


def test_two_schools_invite_the_same_address(browser, live_server, schools, tmp_path):
    def person(email=None, host=None):
        context = browser.new_context(viewport={"width": 1100, "height": 800})
        page = context.new_page()
        if email:
            page.goto(f"http://{host}:{live_server}/login?lang=ru")
            page.get_by_label("Электронная почта").fill(email)
            page.get_by_label("Пароль").fill(PASSWORD)
            page.get_by_role("button", name="Войти").click()
        return page

    def shot(page, name):
        page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)

    def invite(page, role):
        page.get_by_role("link", name="Учётные записи").click()
        page.get_by_label("Электронная почта").fill(NEWCOMER)
        page.get_by_role("group", name="Роль", exact=True).get_by_label(role).check()
        page.get_by_role("button", name="Пригласить").click()

    admin_a = person("admin@a.kg", "school-a.mektep.test")
    invite(admin_a, "редактор")
    link = admin_a.get_by_label("Ссылка для настройки").input_value()
    assert link.startswith(f"http://school-a.mektep.test:{live_server}/account/setup/")
    shot(admin_a, "1-school-a-invites")

    admin_b = person("admin@b.kg", "school-b.mektep.test")
    invite(admin_b, "администратор")
    assert admin_b.get_by_role("heading", name="Ожидает принятия").is_visible()
    assert admin_b.get_by_label("Ссылка для настройки").count() == 0
    shot(admin_b, "2-school-b-invites")
    admin_b.get_by_role("link", name="Назад к учётным записям").click()
    row = admin_b.get_by_role("row", name=re.compile(NEWCOMER))
    assert "ожидает принятия" in row.inner_text()
    shot(admin_b, "3-school-b-accounts")

    admin_a.get_by_role("link", name="Назад к учётным записям").click()
    row = admin_a.get_by_role("row", name=re.compile(NEWCOMER))
    assert "приглашён, ещё не настроил вход" in row.inner_text()
    shot(admin_a, "4-school-a-accounts")

    newcomer = person()
    # The new account's first messages are in the language of the inviting page.
    assert link.endswith("?lang=ru")
    newcomer.goto(link)
    newcomer.get_by_label("Ваше имя").fill("Aibek")
    newcomer.get_by_label("Новый пароль").fill(PASSWORD)
    newcomer.get_by_label("Повторите пароль").fill(PASSWORD)
    newcomer.get_by_role("button", name="Сохранить и войти").click()
    assert newcomer.get_by_role("heading", name="Панель управления").is_visible()
    panel = newcomer.locator("section.panel", has_text="Приглашения, ожидающие вашего ответа")
    assert "Школа school-b" in panel.inner_text()
    shot(newcomer, "5-newcomer-on-school-a")

    panel.get_by_role("link").click()
    newcomer.get_by_label("Электронная почта").fill(NEWCOMER)
    newcomer.get_by_label("Пароль").fill(PASSWORD)
    newcomer.get_by_role("button", name="Войти").click()
    assert newcomer.url.startswith(f"http://school-b.mektep.test:{live_server}/account/invitations")
    shot(newcomer, "6-newcomer-invited-by-school-b")
    newcomer.get_by_role("button", name="Принять").click()
    assert newcomer.get_by_role("heading", name="Панель управления").is_visible()
    shot(newcomer, "7-newcomer-accepted")

    admin_b.reload()
    row = admin_b.get_by_role("row", name=re.compile(NEWCOMER))
    assert "работает" in row.inner_text() and "ожидает" not in row.inner_text()
    shot(admin_b, "8-school-b-accounts-after")


def test_the_district_helps_a_first_admin_without_seeing_their_credentials(
    browser, live_server, schools, tmp_path
):
    page = browser.new_context(viewport={"width": 1100, "height": 800}).new_page()
    page.goto(f"http://mektep.test:{live_server}/login?lang=ru")
    page.get_by_label("Электронная почта").fill("district@mektep.kg")
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    row = page.get_by_role("row", name=re.compile("school-a.mektep.test"))
    row.get_by_role("button", name="Новая ссылка для настройки").click()
    assert page.get_by_role(
        "heading", name="Ссылка для сброса пароля отправлена владельцу"
    ).is_visible()
    assert "/account/" not in page.locator("main").inner_text()
    page.screenshot(path=str(tmp_path / "9-district-reset-sent.png"), full_page=True)
