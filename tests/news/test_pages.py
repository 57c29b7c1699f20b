"""Free pages: an admin adds them to the main menu; `/p/` lists them all."""

from tenants.pages.models import Page
from tests.conftest import nothing_changes

from .conftest import page_fields


def page_form(**values):
    data = {"title_ky": "Мектептин тарыхы", "title_ru": "История школы", "slug": "history"}
    data |= {"body_ky": "Мектеп 1957-жылы ачылган.", "body_ru": "Школа открыта в 1957 году."}
    return data | {"menu_order": "10", "in_menu": "y"} | values


def test_admin_adds_a_page_to_the_main_menu(admin_a, site):
    assert admin_a.submit("/admin/pages/new", page_form(publish="1")).status_code == 302
    visitor = site("school-a")
    home = visitor.get("/?lang=ru").get_data(as_text=True)
    menu = home.split('class="folding main-menu"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/p/history?lang=ru">История школы</a>' in menu
    assert "История школы" not in site("school-b").get("/?lang=ru").get_data(as_text=True)
    index = visitor.get("/p/?lang=ru").get_data(as_text=True)
    assert "История школы" in index
    page = visitor.get("/p/history?lang=ru").get_data(as_text=True)
    assert "Школа открыта в 1957 году." in page


def test_unpublished_and_other_schools_pages_are_not_shown(make, site):
    make(Page, published=False, **page_fields("clubs", "Ийримдер"))
    make(Page, "school-b", **page_fields("history", "Башка мектептин тарыхы"))
    visitor = site("school-a")
    assert visitor.get("/p/clubs").status_code == 404
    assert visitor.get("/p/history").status_code == 404
    assert "Ийримдер" not in visitor.get("/p/").get_data(as_text=True)
    assert "Ийримдер" not in visitor.get("/").get_data(as_text=True)
    assert "Башка мектептин тарыхы" in site("school-b").get("/p/history").get_data(as_text=True)


def test_address_must_be_unique_and_well_formed(admin_a, make, app):
    make(Page, published=False, **page_fields("history"))
    with nothing_changes(app):
        response = admin_a.submit("/admin/pages/new", page_form())
        assert response.status_code == 400
        assert "Мектептин тарыхы" in response.get_data(as_text=True)
        for slug in ("Тарых", "a b", "-x", "x" * 61, ""):
            assert admin_a.submit("/admin/pages/new", page_form(slug=slug)).status_code == 400
    assert admin_a.submit("/admin/pages/new", page_form(slug="history-2")).status_code == 302


def test_position_must_be_a_number_in_range(admin_a, app):
    with nothing_changes(app):
        for order in ("-1", "1000", "бир"):
            response = admin_a.submit("/admin/pages/new", page_form(menu_order=order, slug="x"))
            assert response.status_code == 400
