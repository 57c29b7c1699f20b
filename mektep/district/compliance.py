"""The district's view of each school's mandated content: a compliance column
(per-language share of required items filled or marked not applicable) and a
drill-down to one school's gaps, computed by the school checklist's own code."""

from flask import g, render_template

from mektep.district.blueprint import bp
from mektep.extensions import db
from tenants.content.completeness import by_item, checklist, checklists, summary
from tenants.models import School


@bp.context_processor
def compliance_helpers():
    return {"compliance_of": compliance_of}


def compliance_of(school):
    """The summary of `school`'s checklist. The schools page asks for every
    school, so the first call computes them all at once (a constant number of
    queries instead of several per school)."""
    if "compliance" not in g:
        schools = db.session.scalars(db.select(School)).all()
        g.compliance = {
            school_id: summary(entries) for school_id, entries in checklists(schools).items()
        }
    return g.compliance[school.id]


@bp.route("/schools/<int:school_id>/compliance")
def school_compliance(school_id):
    school = db.get_or_404(School, school_id)
    entries = checklist(school)
    return render_template(
        "content/district_compliance.html",
        school=school,
        summary=summary(entries),
        items=by_item(entries),
    )
