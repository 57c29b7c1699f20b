"""The fields of a staff record (I14 the head and deputies, I15 teaching staff),
and the staff lists that sections show with some of them."""

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from flask_babel import lazy_gettext as _l

from mektep.schema.choices import QUALIFICATION_CATEGORIES, STAFF_EDUCATION
from mektep.schema.fields import Field, Group, Member

ROLES = (
    ("head", _l("Head of the school")),
    ("deputy", _l("Deputy head")),
    ("teacher", _l("Teacher")),
)

_FIELDS = [
    Field(
        name="surname",
        kind="text",
        label=_l("Surname"),
        help=_l("As in the passport."),
        item="I15",
        required=True,
        itemprop="",
        max_length=100,
    ),
    Field(
        name="first_name",
        kind="text",
        label=_l("First name"),
        help=_l("As in the passport."),
        item="I15",
        required=True,
        itemprop="",
        max_length=100,
    ),
    Field(
        name="patronymic",
        kind="text",
        label=_l("Patronymic"),
        help=_l("Leave empty if the person has none."),
        item="I15",
        itemprop="",
        max_length=100,
    ),
    Field(
        name="post",
        kind="text",
        label=_l("Position"),
        help=_l("The position as in the staff list, e.g. «teacher of mathematics»."),
        item="I15",
        required=True,
        max_length=200,
    ),
    Field(
        name="telephone",
        kind="phone",
        label=_l("Phone"),
        help=_l("A Kyrgyz number in any usual writing, e.g. 0312 54 12 34 or +996 555 12 34 56."),
        item="I14",
    ),
    Field(
        name="email",
        kind="email",
        label=_l("E-mail"),
        help=_l("A work address the public may write to."),
        item="I14",
    ),
    Field(
        name="teachingDiscipline",
        kind="text",
        label=_l("Subjects taught"),
        help=_l("Separate subjects with commas."),
        item="I15",
        required=True,
        max_length=500,
    ),
    Field(
        name="teachingLevel",
        kind="choice",
        label=_l("Level of education"),
        help=_l("The highest level of education completed."),
        item="I15",
        required=True,
        choices=STAFF_EDUCATION,
    ),
    Field(
        name="qualification",
        kind="choice",
        label=_l("Qualification category"),
        help=_l("The category given at the last attestation."),
        item="I15",
        required=True,
        choices=QUALIFICATION_CATEGORIES,
    ),
    Field(
        name="employeeQualification",
        kind="text",
        label=_l("Field of training and specialty"),
        help=_l("As written in the diploma, e.g. «Mathematics, teacher of mathematics»."),
        item="I15",
        required=True,
        # The current edition calls the diploma's qualification `teachingQual` and
        # uses `employeeQualification` for professional development (below).
        itemprop="teachingQual",
        max_length=300,
    ),
    Group(
        name="profDevelopment",
        label=_l("Professional development and retraining"),
        help=_l("One row per course or retraining: the year it ended and what it was."),
        fields=[
            Field(
                name="year",
                kind="number",
                label=_l("Year"),
                help=_l("The year the course ended, e.g. 2024."),
                item="I15",
                required=True,
                min_value=1950,
                max_value=2100,
                grouped=False,
            ),
            Field(
                name="course",
                kind="text",
                label=_l("Course or retraining"),
                help=_l("The course, its hours and the institution."),
                item="I15",
                required=True,
                max_length=300,
            ),
        ],
        item="I15",
        required=True,
        itemprop="employeeQualification profDevelopment",
    ),
    Field(
        name="genExperience",
        kind="number",
        label=_l("Total work experience, years"),
        help=_l("Whole years of work in any field."),
        item="I15",
        required=True,
        max_value=70,
    ),
    Field(
        name="specExperience",
        kind="number",
        label=_l("Experience in the specialty, years"),
        help=_l("Whole years of work in the specialty; not more than the total experience."),
        item="I15",
        required=True,
        max_value=70,
    ),
    Field(
        name="publications",
        kind="richtext",
        label=_l("Publications"),
        help=_l("Articles, books and teaching materials, one per line. Leave empty if none."),
        item="I15",
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


@dataclass(kw_only=True)
class StaffList(Member):
    """The school's staff records of some roles, shown with some of the staff fields."""

    member_type: ClassVar[str] = "staff"

    roles: tuple
    field_names: tuple
    required: bool = True
    must_have: tuple = ()

    @cached_property
    def required_names(self):
        """Staff fields each listed person must have for the item to count as filled."""
        shown = [name for name in NAME_FIELDS + self.field_names if STAFF_FIELDS[name].required]
        return tuple(dict.fromkeys(shown + list(self.must_have)))

    @cached_property
    def fields(self):
        return [STAFF_FIELDS[name] for name in self.field_names]
