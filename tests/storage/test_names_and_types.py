"""What a parent sees of a file (issue 9, items 6, 7 and 9): names without
invisible formatting that reverses them, ending in the extension of what the
file really is; originals shown in the browser only when they are pictures or
checked PDFs, everything else an attachment, always `nosniff` and sandboxed;
a refused file told for what it really is, whatever its name says."""

import io
import re
from urllib.parse import unquote

import pytest
from PIL import Image

from mektep.extensions import db
from tenants.documents.models import StoredFile
from tenants.documents.sniffing import PICTURE_TYPES, Refused, sniff
from tenants.documents.uploads import clean_filename
from tests.conftest import nothing_changes
from tests.documents.conftest import file_bytes, upload
from tests.news.test_news_admin import form as news_form

PDF = file_bytes("sample.pdf")
RLO = "\u202e"


def _stored(app):
    with app.app_context():
        rows = db.session.scalars(db.select(StoredFile).order_by(StoredFile.id)).all()
        db.session.expunge_all()
        return rows


def _download_name(response):
    """The name a browser saves the file under (RFC 6266: filename* first)."""
    disposition = response.headers["Content-Disposition"]
    for part in disposition.split(";"):
        name, _eq, value = part.strip().partition("=")
        if name == "filename*":
            return unquote(value.removeprefix("UTF-8''"))
    return disposition.split("filename=", 1)[1].strip('"')


@pytest.mark.parametrize(
    ("content", "name", "stored_name"),
    [
        # The name: shown as "Буйрук_exe.pdf" by the override, really "….exe".
        (PDF, f"Буйрук_{RLO}fdp.exe", "Буйрук_fdp_exe.pdf"),
        (PDF, f"Приказ{RLO}fdp.scr.pdf", "Приказfdp_scr.pdf"),
        (PDF, "invoice.pdf.exe", "invoice.pdf_exe.pdf"),
        (PDF, "Устав\u2066\u200b\u00ad школы\u2069.PDF", "Устав школы.PDF"),
        (PDF, "letter\u2024exe", "letter_exe.pdf"),
        (PDF, "Устав", "Устав.pdf"),
        (PDF, f"{RLO}\u200b", "document.pdf"),
        (file_bytes("photo.jpg"), "сурот.png", "сурот.jpg"),
        (file_bytes("picture.png"), "plan.docx", "plan.png"),
        (file_bytes("sample.docx"), "План.doc", "План.docx"),
    ],
)
def test_names_lose_format_characters_and_end_in_the_real_type(
    app, site, admin_a, content, name, stored_name
):
    upload(admin_a, [(content, name)], expect=302)
    (stored,) = _stored(app)
    assert stored.original_name == stored_name
    response = admin_a.get(f"/admin/files/{stored.id}")
    assert _download_name(response) == stored_name
    # Old clients' plain name: ASCII, ending in the same extension.
    plain = re.search(r'filename="?([^";]+)', response.headers["Content-Disposition"]).group(1)
    assert plain.isascii() and not plain.startswith((" ", "."))
    assert plain.lower().endswith("." + stored_name.rpartition(".")[2].lower())
    page = admin_a.get("/admin/documents").get_data(as_text=True)
    assert RLO not in page and "\u2066" not in page and stored_name in page


def _polyglot():
    """A PDF whose first bytes are also a web page with a script."""
    html = b"<html><body><script>alert(document.domain)</script></body></html>\n"
    return PDF[:9] + b"%" + html + PDF[9:]


def _headers_of(response):
    return (
        response.headers["Content-Disposition"].split(";")[0],
        response.headers["X-Content-Type-Options"],
        response.headers["Content-Security-Policy"],
    )


def test_a_pdf_html_polyglot_is_only_ever_downloaded_in_a_sandbox(app, site, admin_a, run_worker):
    polyglot = _polyglot()
    assert polyglot.startswith(b"%PDF") and b"<script>" in polyglot[:200]
    upload(admin_a, [(polyglot, "Расписание.pdf"), (PDF, "Устав.pdf")], expect=302)
    run_worker()
    hostile, genuine = _stored(app)
    assert hostile.file_type == "pdf" and hostile.inline is False
    public = site("school-a")

    response = public.get(f"/files/{hostile.id}")
    assert response.status_code == 200 and response.data == polyglot
    assert response.mimetype == "application/pdf"
    disposition, nosniff, policy = _headers_of(response)
    assert (disposition, nosniff) == ("attachment", "nosniff")
    assert policy.startswith("sandbox;") and "default-src 'none'" in policy
    # The staff's copy too.
    assert _headers_of(admin_a.get(f"/admin/files/{hostile.id}"))[0] == "attachment"

    # The positive control: a genuine, checked PDF opens in the browser's viewer,
    # still without scripts or anything loaded from elsewhere.
    disposition, nosniff, policy = _headers_of(public.get(f"/files/{genuine.id}"))
    assert (disposition, nosniff) == ("inline", "nosniff")
    assert "default-src 'none'" in policy and "script-src" not in policy


def test_only_checked_pictures_and_pdfs_are_shown_inline(app, site, admin_a, run_worker):
    corrupt_pdf = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\nstartxref\n0\n%%EOF\n"
    upload(
        admin_a,
        [
            (file_bytes("photo.jpg"), "photo.jpg"),
            (file_bytes("sample.xlsx"), "table.xlsx"),
            (corrupt_pdf, "broken.pdf"),
            (PDF, "later.pdf"),
        ],
        expect=302,
    )
    _photo, _table, _broken, later = _stored(app)
    # Not yet checked by its preview: a download for now.
    assert _headers_of(site("school-a").get(f"/files/{later.id}"))[0] == "attachment"
    run_worker(timeout=240)
    photo, table, broken, later = _stored(app)
    assert broken.status == "failed"
    expected = {
        photo.id: "inline",
        table.id: "attachment",
        broken.id: "attachment",
        later.id: "inline",
    }
    public = site("school-a")
    for file_id, disposition in expected.items():
        response = public.get(f"/files/{file_id}")
        assert response.status_code == 200
        assert _headers_of(response)[:2] == (disposition, "nosniff")
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    thumbnail = public.get(f"/files/{photo.id}/thumbnail-small.webp")
    assert thumbnail.headers["Content-Security-Policy"].startswith("sandbox;")
    assert thumbnail.headers["X-Content-Type-Options"] == "nosniff"


def test_an_html_file_with_a_pdf_inside_is_refused_as_a_web_page(app, admin_a):
    page = b"<!DOCTYPE html><html><body><script>alert(1)</script>\n" + PDF + b"</body></html>"
    with nothing_changes(app):
        response = upload(admin_a, [(page, "report.pdf")], expect=400)
    assert "is a web page" in response.get_data(as_text=True)


def _picture(fmt):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, fmt)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (
            _picture("GIF"),
            "фото.jpg",
            "фото.jpg: The file is a GIF picture, whatever its name says.",
        ),
        (
            _picture("BMP"),
            "scan.pdf",
            "scan.pdf: The file is a BMP picture, whatever its name says.",
        ),
        (_picture("TIFF"), "scan.png", "The file is a TIFF picture, whatever its name says."),
        (b"name;class\nAida;5\n" * 40, "list.xlsx", "The file is a plain text file, whatever"),
        (_picture("GIF"), "animation.gif", "The file is a GIF picture. This kind of file is not"),
    ],
)
def test_a_refused_file_is_told_for_what_it_really_is(app, admin_a, content, name, message):
    with nothing_changes(app):
        response = upload(admin_a, [(content, name)], expect=400, title_ky="Сакталсын")
    page = response.get_data(as_text=True)
    assert message in page
    assert 'value="Сакталсын"' in page


def test_a_news_cover_that_is_a_gif_says_so(app, admin_a):
    data = news_form(cover=(io.BytesIO(_picture("GIF")), "cover.jpg"))
    with nothing_changes(app):
        response = admin_a.submit(
            "/admin/news/new?lang=en", data, "/admin/news/new", content_type="multipart/form-data"
        )
    assert response.status_code == 400
    assert "The file is a GIF picture. Only a photo is accepted here" in response.get_data(
        as_text=True
    )


def test_the_refusal_speaks_the_admins_language(tmp_path, app):
    gif = tmp_path / "photo.jpg"
    gif.write_bytes(_picture("GIF"))
    with app.test_request_context("/?lang=ru"):
        app.preprocess_request()
        with pytest.raises(Refused) as refusal:
            sniff(gif, gif.stat().st_size, PICTURE_TYPES, name="photo.jpg")
        assert str(refusal.value.message) == (
            "Это картинка GIF. Здесь принимается только фотография: JPEG, PNG или WebP."
        )


def test_every_extension_of_an_accepted_type_counts_as_one():
    """`.jfif` is a JPEG's extension: a PNG named so is named wrong (the
    extension replaced, not kept in the name), as with `.jpg`."""
    assert clean_filename("сурот.jfif", "png") == "сурот.png"
    assert clean_filename("сурот.jpg", "png") == "сурот.png"
    assert clean_filename("сурот.jfif", "jpeg") == "сурот.jfif"
