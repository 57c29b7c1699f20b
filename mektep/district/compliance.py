"""The district's view of each school's mandated content: a compliance column
(per-language share of required items filled or marked not applicable) and a
drill-down to one school's gaps, computed by the school checklist's own code."""

from flask import render_template

from mektep.district import bp
from mektep.extensions import db
from tenants.content.completeness import by_item, checklist, summary
from tenants.models import School


@bp.context_processor
def compliance_helpers():
    return {"compliance_of": lambda school: summary(checklist(school))}


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
