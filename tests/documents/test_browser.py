"""A school admin uploads the charter and a phone photo in a real browser and
watches both turn ready in the list, without reloading the page."""

from playwright.sync_api import expect

from tests.conftest import PASSWORD, fixture_path


def test_admin_watches_uploads_turn_ready(page, schools, run_worker):
    base = f"http://school-a.mektep.test:{page.base_port}"
    page.goto(f"{base}/login?lang=ru")
    page.get_by_label("Электронная почта").fill("admin@a.kg")
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()

    page.goto(f"{base}/admin/documents/upload?lang=ru")
    page.get_by_label("Файлы").set_input_files(
        [str(fixture_path("sample.pdf")), str(fixture_path("photo.jpg"))]
    )
    page.get_by_label("Вид документа").select_option("charter")
    page.get_by_role("button", name="Загрузить").click()
    assert "2 файла загружено" in page.locator(".flash").inner_text()
    assert page.locator("tr[data-status=pending]").count() == 2

    page.evaluate("window.sameDocument = true")
    run_worker()
    expect(page.locator("tr[data-status=ready]")).to_have_count(2, timeout=15000)
    assert page.evaluate("window.sameDocument") is True  # updated in place, not reloaded
    assert page.locator("[data-role=status]").all_inner_texts() == ["Готово", "Готово"]
    assert page.locator(".preview-cell img").count() == 2

    page.goto(f"{base}/documents?lang=ru")
    thumbnails = page.locator(".document-card img.thumb")
    assert thumbnails.count() == 2
    for thumbnail in thumbnails.all():  # the browser decoded each WebP
        thumbnail.scroll_into_view_if_needed()
        expect(thumbnail).to_have_js_property("complete", True)
        assert thumbnail.evaluate("img => img.naturalWidth") > 0
