"""The district's and a school's figures over the past 12 months, from the
daily snapshots (tenants.stats.snapshots): a point per week (the Mondays, and
the latest day), as charts (mektep.charts) with their tables."""

from datetime import timedelta

from flask import g
from flask_babel import format_date
from flask_babel import gettext as _

from config import LANGUAGES
from mektep.charts import line_chart
from mektep.extensions import db
from mektep.i18n import LANGUAGE_NAMES
from tenants.schedule.freshness import district_today
from tenants.stats.models import DistrictSnapshot, SchoolSnapshot

WEEKS = 52


def _weekly(snapshots):
    """The snapshots of Mondays, and the latest one, oldest first."""
    snapshots = sorted(snapshots, key=lambda snapshot: snapshot.day)
    return [s for n, s in enumerate(snapshots) if s.day.weekday() == 0 or n == len(snapshots) - 1]


def _since():
    return district_today() - timedelta(weeks=WEEKS)


def _charts(snapshots, who):
    labels = [format_date(snapshot.day, "d MMM yy") for snapshot in snapshots]
    compliance = line_chart(
        _("Mandated information published, %%, %(who)s", who=who),
        _(
            "Share of the required items published, per language, each week of the past "
            "12 months; the table below has every figure."
        ),
        labels,
        [
            (
                LANGUAGE_NAMES[lang],
                [snapshot.compliance.get(lang) for snapshot in snapshots],
            )
            for lang in LANGUAGES
        ],
        maximum=100,
        unit="%",
    )
    overdue = line_chart(
        _("Sections overdue for an update, %(who)s", who=who),
        _("Number of sections overdue for an update each week of the past 12 months."),
        labels,
        [(_("Sections overdue"), [snapshot.overdue_sections for snapshot in snapshots])],
    )
    return compliance, overdue


def district_charts():
    """(compliance chart, overdue chart) of the district, or None without snapshots."""
    snapshots = _weekly(
        db.session.scalars(db.select(DistrictSnapshot).where(DistrictSnapshot.day >= _since()))
    )
    return _charts(snapshots, _("all schools")) if snapshots else None


def school_charts(school):
    """(compliance chart, overdue chart) of one school, or None without snapshots."""
    snapshots = _weekly(
        db.session.scalars(
            db.select(SchoolSnapshot).where(
                SchoolSnapshot.school_id == school.id, SchoolSnapshot.day >= _since()
            )
        )
    )
    return _charts(snapshots, school.name(g.lang)) if snapshots else None
