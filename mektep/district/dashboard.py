"""The district's dashboard: every active school's figures (compliance per
language, overdue sections and the longest overdue, last publication, previews
failing, scans without text, questions waiting), sorted and filtered by each,
downloaded as CSV or XLSX; the district's charts over 12 months; and one
school's drill-down with its own trend."""

from flask import g, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from config import LANGUAGES
from mektep.district.blueprint import bp
from mektep.district.trends import district_charts, school_charts
from mektep.exports import download
from mektep.extensions import db
from mektep.hosts import site_url
from mektep.request_input import int_argument
from tenants.documents.models import Document, StoredFile
from tenants.models import School
from tenants.stats.figures import SCAN_WITHOUT_TEXT, school_figures

# Sort key → (column heading, value of a SchoolFigures); compliance per language follows.
COLUMNS = {
    "name": (_l("School"), lambda f: f.school.name(g.lang).casefold()),
    **{
        f"compliance_{lang}": (
            _l("Published, %% (%(language)s)", language=lang.upper()),
            lambda f, lang=lang: f.compliance[lang],
        )
        for lang in LANGUAGES
    },
    "overdue": (_l("Sections overdue"), lambda f: f.overdue_sections),
    "overdue_days": (_l("Longest overdue, days"), lambda f: f.overdue_days),
    "published": (_l("Last publication"), lambda f: f.last_published_at),
    "failing": (_l("Previews failing"), lambda f: f.failed_previews),
    "scans": (_l("Scans without text"), lambda f: f.scanned_documents),
    "questions": (_l("Questions waiting"), lambda f: f.pending_questions),
}
# Filters: ?problem=<name> keeps the schools where it applies.
PROBLEMS = {
    "overdue": (_l("with overdue sections"), lambda f: f.overdue_sections > 0),
    "failing": (_l("with previews failing"), lambda f: f.failed_previews > 0),
    "scans": (_l("with scans without text"), lambda f: f.scanned_documents > 0),
    "questions": (_l("with questions waiting"), lambda f: f.pending_questions > 0),
}


def _sort_key(name):
    value = COLUMNS[name][1]
    # Schools never published sort as the oldest.
    return lambda figures: (value(figures) is not None, value(figures) or 0)


def chosen():
    """The list's filters and order from the query (unknown values: the defaults)."""
    sort = request.args.get("sort")
    sort = sort if sort in COLUMNS else "overdue"
    order = request.args.get("order")
    order = order if order in ("asc", "desc") else ("asc" if sort == "name" else "desc")
    problem = request.args.get("problem")
    return {
        "q": (request.args.get("q") or "").strip()[:100],
        "below": int_argument("below"),
        "problem": problem if problem in PROBLEMS else "",
        "sort": sort,
        "order": order,
    }


def listed_figures(choice):
    """The SchoolFigures of the active schools the filters keep, in the chosen order."""
    schools = db.session.scalars(db.select(School).where(School.status == "active")).all()
    figures = list(school_figures(schools).values())
    if choice["q"]:
        words = choice["q"].casefold()
        figures = [
            f
            for f in figures
            if words in f.school.slug
            or any(words in f.school.name(lang).casefold() for lang in LANGUAGES)
        ]
    if choice["below"] is not None:
        figures = [f for f in figures if min(f.compliance.values()) < choice["below"]]
    if choice["problem"]:
        figures = [f for f in figures if PROBLEMS[choice["problem"]][1](f)]
    key = COLUMNS["name"][1] if choice["sort"] == "name" else _sort_key(choice["sort"])
    figures.sort(key=key, reverse=choice["order"] == "desc")
    return figures


@bp.route("/dashboard")
def dashboard():
    choice = chosen()
    return render_template(
        "district/dashboard.html",
        figures=listed_figures(choice),
        choice=choice,
        filters={name: value for name, value in choice.items() if value not in ("", None)},
        columns=COLUMNS,
        problems=PROBLEMS,
        charts=district_charts(),
    )


@bp.route("/dashboard.<any(csv, xlsx):fmt>")
def dashboard_download(fmt):
    choice = chosen()
    # The figures' columns as the page has them (the name, sortable, comes first).
    figures = [column for name, column in COLUMNS.items() if name != "name"]
    headings = [
        _("School address"),
        _("School"),
        _("Site"),
        *(heading for heading, _value in figures),
    ]
    rows = [
        [
            f.school.slug,
            f.school.name(g.lang),
            site_url(f.school),
            *(value(f) for _heading, value in figures),
        ]
        for f in listed_figures(choice)
    ]
    return download(fmt, "schools", _("Schools"), headings, rows)


def _documents(school, condition):
    return db.session.scalars(
        db.select(Document)
        .join(StoredFile, Document.file_id == StoredFile.id)
        .where(Document.school_id == school.id, condition)
        .order_by(Document.created_at.desc())
    ).all()


@bp.route("/schools/<int:school_id>")
def school_detail(school_id):
    school = db.get_or_404(School, school_id)
    figures = school_figures([school])[school.id]
    return render_template(
        "district/school.html",
        school=school,
        figures=figures,
        failing=_documents(school, StoredFile.status == "failed"),
        scans=_documents(school, SCAN_WITHOUT_TEXT),
        charts=school_charts(school),
    )
