"""`demo load` gives school №35 its documents and photos, processed by a real worker."""

from mektep.demo.documents import DOCUMENTS, PHOTOS, load_documents
from mektep.extensions import db
from mektep.schema import SECTIONS
from tenants.documents.models import Document
from tests.conftest import make_school


def test_demo_documents_turn_ready_and_show_on_the_site(app, site, run_worker):
    with app.app_context():
        school = make_school("school35", admin_email="admin35@mektep.kg")
        db.session.commit()
        lines = list(load_documents({"school35": school}))
        db.session.commit()
        assert lines == ["school35: 11 documents and 2 photos, previews queued"]
        assert list(load_documents({"school35": school})) == ["school35: documents already there"]
    run_worker()
    with app.app_context():
        documents = db.session.scalars(db.select(Document)).all()
        assert len(documents) == len(DOCUMENTS) + len(PHOTOS)
        assert {d.file.status for d in documents} == {"ready"}
        assert all(d.is_published for d in documents)
        document_fields = {f.key for s in SECTIONS for f in s.fields if f.is_document}
        assert {d.field_key for d in documents if d.field_key} == document_fields
        plan = next(d for d in documents if d.field_key == "budget.finPlanDocLink")
        assert plan.file.page_count == 2 and "55 400 000" in plan.file.text
        assert "Чыгашалар" in plan.file.text and "Расходы" in plan.file.text
        charter = next(d for d in documents if d.kind == "charter")
        assert charter.file.page_count >= 2 and "УСТАВ" in charter.file.text
        assert "Общие положения" in charter.file.text and "Жалпы жоболор" in charter.file.text
        photo = next(d for d in documents if d.kind == "photo")
        assert (photo.file.width, photo.file.height) == (1600, 1200)  # turned upright
    public = site("school35")
    page = public.get("/sveden/document/").get_data(as_text=True)
    assert 'itemprop="ustavDocLink"' in page and "thumbnail-small.webp" in page
    centre = public.get("/documents").get_data(as_text=True)
    assert "Мектептин уставы" in centre and "Спорт аянтчасы" in centre
