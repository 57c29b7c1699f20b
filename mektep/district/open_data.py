"""The district's open data on the apex (regulation, section 4: school sites
feed the Ministry's site): `/api/v1/schools`, every active school with the
same published data as its own `/api/v1/info`, a page at a time in a stable
order (by when the school was created); and, in the console, the same
figures per school and section as CSV or XLSX."""

from flask import Blueprint, abort, g, jsonify, url_for
from flask_babel import gettext as _

from config import LANGUAGES
from mektep.district.blueprint import bp as console
from mektep.exports import download
from mektep.extensions import db
from mektep.hosts import site_url
from mektep.request_input import int_argument, page_argument
from tenants.api.blueprint import language_argument
from tenants.api.serialize import SchoolData
from tenants.content.completeness import checklists, summary
from tenants.models import School
from tenants.schedule.freshness import freshness
from tenants.schedule.subjects import SUBJECTS

bp = Blueprint("open_data", __name__, url_prefix="/api/v1")
PER_PAGE, MAX_PER_PAGE = 20, 100


@bp.before_request
def apex_only():
    if g.school is not None:
        abort(404)


def active_schools():
    return db.select(School).where(School.status == "active").order_by(School.id)


@bp.route("/schools")
def schools():
    page = page_argument()
    per_page = int_argument("per_page", PER_PAGE, minimum=1)
    if per_page > MAX_PER_PAGE:
        abort(400)
    lang = language_argument()
    total = db.session.scalar(db.select(db.func.count()).select_from(active_schools().subquery()))
    listed = db.session.scalars(
        active_schools().limit(per_page).offset((page - 1) * per_page)
    ).all()
    data = SchoolData(listed, lang)
    pages = max(1, -(-total // per_page))

    def link(number):
        if not 1 <= number <= pages:
            return None
        return url_for(".schools", page=number, per_page=per_page, lang=lang, _external=True)

    response = jsonify(
        {
            "schools": [data.school_json(school) for school in listed],
            "page": page,
            "per_page": per_page,
            "total": total,
            "pages": pages,
            "next": link(page + 1),
            "previous": link(page - 1),
        }
    )
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def open_data_table():
    """(headings, rows): per active school and subject, its published figures."""
    listed = db.session.scalars(active_schools()).all()
    states = freshness([school.id for school in listed])
    compliance = {sid: summary(entries) for sid, entries in checklists(listed).items()}
    headings = [
        _("School address"),
        *(_("Name (%(language)s)", language=lang) for lang in LANGUAGES),
        _("Site"),
        *(_("Compliance, %% (%(language)s)", language=lang) for lang in LANGUAGES),
        _("Section"),
        _("Section title"),
        _("Last updated (UTC)"),
        _("Review by"),
        _("Overdue"),
    ]
    rows = []
    for school in listed:
        for subject in SUBJECTS:
            item = states[school.id][subject.key]
            rows.append(
                [
                    school.slug,
                    *(getattr(school, f"name_{lang}") for lang in LANGUAGES),
                    site_url(school),
                    *(compliance[school.id][lang]["percent"] for lang in LANGUAGES),
                    subject.key,
                    str(subject.label),
                    item.updated,
                    item.review_by,
                    item.overdue,
                ]
            )
    return headings, rows


@console.route("/open-data.<any(csv, xlsx):fmt>")
def open_data_download(fmt):
    headings, rows = open_data_table()
    return download(fmt, "open-data", _("Open data"), headings, rows)


def init_app(app):
    app.register_blueprint(bp)
