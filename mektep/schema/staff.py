"""The fields of a staff record (I14 the head and deputies, I15 teaching staff)."""

from flask_babel import lazy_gettext as _l

from mektep.schema.choices import QUALIFICATION_CATEGORIES, STAFF_EDUCATION
from mektep.schema.fields import Field, Group

ROLES = (
    ("head", _l("Head of the school")),
    ("deputy", _l("Deputy head")),
    ("teacher", _l("Teacher")),
)

_FIELDS = [
    Field(
        "surname",
        "text",
        _l("Surname"),
        _l("As in the passport."),
        "I15",
        True,
        itemprop="",
        max_length=100,
    ),
    Field(
        "first_name",
        "text",
        _l("First name"),
        _l("As in the passport."),
        "I15",
        True,
        itemprop="",
        max_length=100,
    ),
    Field(
        "patronymic",
        "text",
        _l("Patronymic"),
        _l("Leave empty if the person has none."),
        "I15",
        itemprop="",
        max_length=100,
    ),
    Field(
        "post",
        "text",
        _l("Position"),
        _l("The position as in the staff list, e.g. «teacher of mathematics»."),
        "I15",
        True,
        max_length=200,
    ),
    Field(
        "telephone",
        "phone",
        _l("Phone"),
        _l("A Kyrgyz number in any usual writing, e.g. 0312 54 12 34 or +996 555 12 34 56."),
        "I14",
    ),
    Field("email", "email", _l("E-mail"), _l("A work address the public may write to."), "I14"),
    Field(
        "teachingDiscipline",
        "text",
        _l("Subjects taught"),
        _l("Separate subjects with commas."),
        "I15",
        True,
        max_length=500,
    ),
    Field(
        "teachingLevel",
        "choice",
        _l("Level of education"),
        _l("The highest level of education completed."),
        "I15",
        True,
        choices=STAFF_EDUCATION,
    ),
    Field(
        "qualification",
        "choice",
        _l("Qualification category"),
        _l("The category given at the last attestation."),
        "I15",
        True,
        choices=QUALIFICATION_CATEGORIES,
    ),
    Field(
        "employeeQualification",
        "text",
        _l("Field of training and specialty"),
        _l("As written in the diploma, e.g. «Mathematics, teacher of mathematics»."),
        "I15",
        True,
        # The current edition calls the diploma's qualification `teachingQual` and
        # uses `employeeQualification` for professional development (below).
        itemprop="teachingQual",
        max_length=300,
    ),
    Group(
        "profDevelopment",
        _l("Professional development and retraining"),
        _l("One row per course or retraining: the year it ended and what it was."),
        [
            Field(
                "year",
                "number",
                _l("Year"),
                _l("The year the course ended, e.g. 2024."),
                "I15",
                True,
                min_value=1950,
                max_value=2100,
                grouped=False,
            ),
            Field(
                "course",
                "text",
                _l("Course or retraining"),
                _l("The course, its hours and the institution."),
                "I15",
                True,
                max_length=300,
            ),
        ],
        "I15",
        True,
        itemprop="employeeQualification profDevelopment",
    ),
    Field(
        "genExperience",
        "number",
        _l("Total work experience, years"),
        _l("Whole years of work in any field."),
        "I15",
        True,
        max_value=70,
    ),
    Field(
        "specExperience",
        "number",
        _l("Experience in the specialty, years"),
        _l("Whole years of work in the specialty; not more than the total experience."),
        "I15",
        True,
        max_value=70,
    ),
    Field(
        "publications",
        "richtext",
        _l("Publications"),
        _l("Articles, books and teaching materials, one per line. Leave empty if none."),
        "I15",
        max_length=5000,
    ),
]

STAFF_FIELDS = {f.name: f for f in _FIELDS}
for _member in _FIELDS:
    _member.bind("staff")

NAME_FIELDS = ("surname", "first_name", "patronymic")
CONTACT_FIELDS = ("post", "telephone", "email")
TEACHING_FIELDS = tuple(
    name for name in STAFF_FIELDS if name not in NAME_FIELDS + ("telephone", "email")
)
