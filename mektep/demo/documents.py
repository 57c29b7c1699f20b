"""Demo documents of school №35: its charter, license, accreditation certificate,
description of its programs, curriculum, calendar schedule, methodical
recommendations, the state standards it follows, its financial plan and a
governing-body regulation (multi-page PDFs in Kyrgyz and Russian, made for the
demo by `files/generate.py`), one for each document field of the schema, and
a few photos drawn here. Each goes through the same upload path and queue as a file
uploaded in the admin, so the worker of `make run` renders their thumbnails."""

import io
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw

from mektep.accounts.models import User
from mektep.demo import demo_loader
from mektep.demo.data import SCHOOLS
from mektep.extensions import db
from tenants.documents.models import Document
from tenants.documents.uploads import store_upload
from tenants.scoping import bind_school
from tenants.versioning import publish

FILES = Path(__file__).parent / "files"
SCHOOL = "school35"

# (file, kind, schema field, date, title in ky, title in ru)
DOCUMENTS = [
    ("charter.pdf", "charter", "document.ustavDocLink", date(2021, 8, 25),
     "Мектептин уставы", "Устав школы"),
    ("license.pdf", "license", "common.licenseDocLink", date(2022, 3, 14),
     "Билим берүү ишмердүүлүгүнө лицензия", "Лицензия на образовательную деятельность"),
    ("accreditation.pdf", "accreditation", "common.accreditationDocLink", date(2023, 5, 30),
     "Мамлекеттик аккредитация тууралуу күбөлүк",
     "Свидетельство о государственной аккредитации"),
    ("curriculum.pdf", "curriculum", "education.educationPlan", date(2026, 8, 28),
     "2026–2027-окуу жылынын окуу планы", "Учебный план на 2026–2027 учебный год"),
    ("calendar.pdf", "calendar_schedule", "education.educationShedule", date(2026, 8, 28),
     "2026–2027-окуу жылынын календардык окуу графиги",
     "Календарный учебный график на 2026–2027 учебный год"),
    ("programs.pdf", "program", "education.opMain", date(2026, 8, 28),
     "Билим берүү программаларынын сыпаттамасы", "Описание образовательных программ"),
    ("annotations.pdf", "program", "education.educationAnnotation", date(2026, 8, 28),
     "Окуу предметтеринин жумушчу программаларына аннотациялар",
     "Аннотации к рабочим программам учебных предметов"),
    ("methodical.pdf", "methodical", "education.methodology", date(2025, 8, 29),
     "Окуу сабаттуулугун калыптандыруу боюнча методикалык сунуштар",
     "Методические рекомендации по формированию читательской грамотности"),
    ("standards.pdf", "other", "eduStandarts.eduFedDoc", date(2026, 8, 28),
     "Мектеп иш алып барган мамлекеттик билим берүү стандарттары",
     "Государственные образовательные стандарты, по которым работает школа"),
    ("financial-plan.pdf", "financial_report", "budget.finPlanDocLink", date(2026, 1, 15),
     "2026-жылга каржы-чарбалык ишмердүүлүктүн планы",
     "План финансово-хозяйственной деятельности на 2026 год"),
    ("pedagogical-council.pdf", "regulation", "struct.divisionClauseDocLink", date(2024, 8, 30),
     "Педагогикалык кеңеш жөнүндө жобо", "Положение о педагогическом совете"),
]  # fmt: skip

# (file name, title in ky, title in ru, sky colour, wall colour)
PHOTOS = [
    ("mektep-imaraty.jpg", "Мектептин имараты", "Здание школы", (120, 170, 225), (214, 186, 150)),
    ("sport-ayanty.jpg", "Спорт аянтчасы", "Спортивная площадка", (150, 195, 235), (190, 80, 70)),
]


def draw_photo(sky, wall):
    """A 1600×1200 picture of a school building, saved as a phone would (turned by EXIF)."""
    image = Image.new("RGB", (1600, 1200), sky)
    draw = ImageDraw.Draw(image)
    for row in range(600):
        shade = tuple(min(255, channel + row // 8) for channel in sky)
        draw.line([(0, row), (1600, row)], fill=shade)
    draw.rectangle([0, 850, 1600, 1200], fill=(96, 150, 80))
    draw.rectangle([250, 380, 1350, 900], fill=wall, outline=(90, 70, 50), width=6)
    draw.polygon([(200, 390), (800, 180), (1400, 390)], fill=(150, 60, 50))
    for column in range(6):
        for floor in range(2):
            left, top = 320 + column * 170, 450 + floor * 200
            draw.rectangle(
                [left, top, left + 110, top + 130],
                fill=(210, 230, 245),
                outline=(60, 60, 60),
                width=4,
            )
    draw.rectangle([740, 720, 860, 900], fill=(110, 70, 40))
    draw.line([(1450, 900), (1450, 300)], fill=(80, 80, 80), width=10)
    draw.rectangle([1455, 300, 1600, 390], fill=(230, 30, 35))
    draw.ellipse([1505, 322, 1551, 368], fill=(255, 220, 0))
    # Stored turned on its side with EXIF orientation 8, as phones do.
    turned = image.transpose(Image.Transpose.ROTATE_270)
    exif = Image.Exif()
    exif[0x0112] = 8
    buffer = io.BytesIO()
    turned.save(buffer, "JPEG", quality=85, exif=exif)
    buffer.seek(0)
    return buffer


def _admin_of(slug):
    spec = next(spec for spec in SCHOOLS if spec["slug"] == slug)
    email = spec["accounts"]["admin"]["email"]
    return db.session.scalar(db.select(User).where(User.email == email))


def _add(school, admin, stream, filename, kind, titles, issued_on=None, field_key=None):
    stored = store_upload(stream, filename, school.id, admin)
    document = Document(
        school_id=school.id,
        file_id=stored.id,
        kind=kind,
        title_ky=titles[0],
        title_ru=titles[1],
        issued_on=issued_on,
        field_key=field_key,
    )
    db.session.add(document)
    db.session.flush()
    publish(document, admin)


@demo_loader
def load_documents(schools):
    school = schools.get(SCHOOL)
    if school is None:
        return
    if db.session.scalar(db.select(Document.id).where(Document.school_id == school.id).limit(1)):
        yield f"{SCHOOL}: documents already there"
        return
    admin = _admin_of(SCHOOL)
    bind_school(school)  # publishing records its versions for the bound school
    try:
        for filename, kind, field_key, issued_on, title_ky, title_ru in DOCUMENTS:
            with (FILES / filename).open("rb") as stream:
                titles = (title_ky, title_ru)
                _add(school, admin, stream, filename, kind, titles, issued_on, field_key)
        for filename, title_ky, title_ru, sky, wall in PHOTOS:
            _add(school, admin, draw_photo(sky, wall), filename, "photo", (title_ky, title_ru))
        db.session.commit()
    finally:
        bind_school(None)
    yield f"{SCHOOL}: {len(DOCUMENTS)} documents and {len(PHOTOS)} photos, previews queued"
