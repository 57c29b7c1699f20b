"""What has an update period: every /sveden/ section, and the news and the
events as a whole; the periods one may choose, and the district's defaults."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from mektep.schema import SECTIONS

# Days: the periods offered, shortest first.
PERIODS = {
    7: _l("every week"),
    30: _l("every month"),
    91: _l("every term (3 months)"),
    182: _l("every half-year"),
    365: _l("every year"),
}
# The district's defaults until it sets its own: contacts and founding
# documents yearly, staff each term, vacant places monthly, finances yearly.
DEFAULT_DAYS = {
    "common": 365,
    "struct": 365,
    "document": 365,
    "education": 365,
    "eduStandarts": 365,
    "managers": 91,
    "employees": 91,
    "objects": 365,
    "vacant": 30,
    "budget": 365,
    "catering": 182,
    "grants": 365,
    "paid_edu": 365,
    "inter": 365,
    "news": 30,
    "events": 91,
}
# Reviews due within this many days are listed on the dashboard.
DUE_SOON_DAYS = 14


@dataclass(frozen=True)
class Subject:
    """A section of /sveden/ (`section` its schema), or the news or the events."""

    key: str
    label: object
    section: object = None

    @property
    def optional(self):
        return self.section is not None and self.section.optional


SUBJECTS = [Subject(section.slug, section.title, section) for section in SECTIONS] + [
    Subject("news", _l("News")),
    Subject("events", _l("Events")),
]
SUBJECTS_BY_KEY = {subject.key: subject for subject in SUBJECTS}


def period_label(days):
    return PERIODS.get(days) or _l("every %(n)s days", n=days)
