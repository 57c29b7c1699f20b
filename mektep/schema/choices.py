"""Closed lists of values used by several fields of the schema."""

from flask_babel import lazy_gettext as _l

EDUCATION_LEVELS = (
    ("preschool", _l("Preschool education")),
    ("primary", _l("Primary general education (grades 1–4)")),
    ("basic", _l("Basic general education (grades 5–9)")),
    ("secondary", _l("Secondary general education (grades 10–11)")),
)

STUDY_FORMS = (
    ("full_time", _l("Full-time")),
    ("part_time", _l("Part-time")),
    ("evening", _l("Evening")),
    ("family", _l("Family education")),
    ("self_study", _l("Self-study with examinations")),
)

STAFF_EDUCATION = (
    ("higher", _l("Higher education")),
    ("higher_incomplete", _l("Incomplete higher education")),
    ("vocational_secondary", _l("Secondary vocational education")),
    ("general_secondary", _l("General secondary education")),
)

QUALIFICATION_CATEGORIES = (
    ("none", _l("No category")),
    ("second", _l("Second category")),
    ("first", _l("First category")),
    ("highest", _l("Highest category")),
    ("excellent", _l("Excellent worker of education")),
)
