"""The header is rendered once per school, generation and variant and shared by
every page (a shared part); what is the page's own (its links in the other
language and to its low-vision version, the menu's mark of the current page)
is a hole each page fills (mektep/pagecache/holes.py). The page cache keeps no
pages here (`pages_off`), so each page is rendered with the shared header."""

import re

from mektep.pagecache import holes

from .conftest import text


def header(page):
    return page[page.index('<header class="site-header">') : page.index("</header>")]


def current_entries(page):
    return re.findall(r'<li><a href="([^"]*)" aria-current="page">', header(page))


def test_each_page_has_its_own_links_in_the_shared_header(app, site, schools, pages_off):
    school_a, school_b = site("school-a"), site("school-b")
    news = text(school_a.get("/news/?lang=ru"))
    events = text(school_a.get("/events/?lang=ru"))
    assert header(news) != header(events)
    assert current_entries(news) == ["/news/?lang=ru"]
    assert current_entries(events) == ["/events/?lang=ru"]
    assert 'href="/events/" hreflang="ky"' in header(events)
    assert re.search(r'href="/events/\?lang=ru&amp;lv=[^"]+">', header(events))
    assert "/news/" not in header(events).replace('href="/news/?lang=ru">', "")
    # The home page marks its own entry; another school's header is its own.
    assert current_entries(text(school_a.get("/?lang=ru"))) == ["/?lang=ru"]
    home_b = header(text(school_b.get("/?lang=ru")))
    assert "school-b" in home_b and "school-a" not in home_b


def test_text_that_looks_like_a_hole_stays_text(app):
    # A mark with another token than this process's: what a school could type
    # at best (requests and PostgreSQL refuse the NUL bytes anyway).
    fake = "\x00" + "0123456789abcdef" + ":0\x00"
    template = app.jinja_env.from_string(
        "before" + fake + "after{{ per_page(LANGUAGE_NAMES.get, 'ru') }}"
    )
    with app.test_request_context("/"):
        kept = holes.pieces(template)
        assert kept[0] == "before" + fake + "after" and len(kept) == 2
        assert holes.filled(kept) == "before" + fake + "afterРусский"


def sveden_menu(page):
    menu = page[page.index('<nav class="folding sveden-nav"') :]
    return menu[: menu.index("</nav>")]


def test_each_page_of_sveden_marks_itself_in_the_shared_side_menu(app, site, schools, pages_off):
    school_a = site("school-a")
    marks = {}
    for path in ("/sveden/", "/sveden/common/", "/sveden/employees/", "/sveden/"):
        menu = sveden_menu(text(school_a.get(path + "?lang=ru")))
        marks[path] = re.findall(r'<a href="([^"?]*)[^"]*" aria-current="page">', menu)
    assert marks == {path: [path] for path in marks}
