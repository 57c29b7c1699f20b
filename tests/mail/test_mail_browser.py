"""In a real browser, as a newcomer would: a district administrator invites a
colleague and finds it in the filtered audit log; a school's editor who forgot
their password asks for a link from the sign-in page and chooses the language
of their e-mail."""

from tests.conftest import PASSWORD


def test_the_district_invites_an_administrator_and_reads_the_log(
    browser, live_server, schools, outbox, tmp_path
):
    page = browser.new_context(viewport={"width": 1100, "height": 800}).new_page()
    page.goto(f"http://mektep.test:{live_server}/login?lang=en")
    page.get_by_label("E-mail").fill("district@mektep.kg")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("link", name="Administrators").click()
    page.get_by_label("E-mail").fill("deputy@mektep.kg")
    page.get_by_role("button", name="Invite").click()
    assert page.get_by_role("heading", name="deputy@mektep.kg is invited").is_visible()
    page.screenshot(path=str(tmp_path / "1-invited.png"), full_page=True)
    page.get_by_role("link", name="Back to the administrators").click()
    row = page.get_by_role("row", name="deputy@mektep.kg")
    assert "invited, not set up yet" in row.inner_text()
    page.screenshot(path=str(tmp_path / "2-administrators.png"), full_page=True)

    page.get_by_role("link", name="Audit log").click()
    page.get_by_label("Action", exact=True).select_option("district.admin_invite")
    page.get_by_role("button", name="Show").click()
    assert page.get_by_role("status").inner_text() == "1 entry matches."
    assert "deputy@mektep.kg (new account)" in page.get_by_role("table").inner_text()
    page.screenshot(path=str(tmp_path / "3-audit.png"), full_page=True)
    (message,) = outbox.delivered()
    assert message["To"] == "deputy@mektep.kg"


def test_a_forgotten_password_and_the_language_of_e_mail(
    browser, live_server, schools, outbox, tmp_path
):
    page = browser.new_context(viewport={"width": 400, "height": 800}).new_page()
    page.goto(f"http://school-a.mektep.test:{live_server}/login?lang=ru")
    page.get_by_role("link", name="Забыли пароль?").click()
    page.get_by_label("Электронная почта").fill("editor@a.kg")
    page.get_by_role("button", name="Прислать ссылку").click()
    assert page.get_by_role("heading", name="Проверьте почту").is_visible()
    page.screenshot(path=str(tmp_path / "4-forgot-sent.png"), full_page=True)
    (message,) = outbox.delivered()
    assert message["To"] == "editor@a.kg"

    page.get_by_role("link", name="Назад ко входу").click()
    page.get_by_label("Электронная почта").fill("editor@a.kg")
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    page.goto(f"http://school-a.mektep.test:{live_server}/account/settings?lang=ru")
    page.get_by_label("Кыргызча").check()
    page.get_by_role("button", name="Сохранить").click()
    assert page.get_by_text("Ваши настройки сохранены.").is_visible()
    page.screenshot(path=str(tmp_path / "5-settings.png"), full_page=True)
