from tests.test_page_weight import page_weight
from tests.schema.test_schema_weight import staff_pages  # noqa

def test_probe(app, staff_pages):
    for lang, r in staff_pages.items():
        print("WEIGHT", lang, page_weight(app, r), len(r.get_data()))
        open(f"/tmp/staff_{lang}.html","wb").write(r.get_data())
