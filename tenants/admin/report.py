"""School admin: the site report for the head (regulation 1.8), for a month or a
term: a printable page and its PDF, with a place for the head's signature."""

from flask import abort, g, make_response, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from mektep.charts import bar_chart
from mektep.errors import render_error
from tenants.admin.access import admin_required
from tenants.admin.blueprint import bp
from tenants.admin.navigation import add_admin_entry, kind_label
from tenants.content.values import head_of_school
from tenants.stats.report import parse_period, recent_periods, site_report
from tenants.stats.report_pdf import FontsMissing, report_pdf


def chosen_period():
    """The period of `?period=` (this month without one); 404 for a code naming none."""
    code = request.args.get("period")
    if not code:
        return recent_periods()[0][0]
    period = parse_period(code)
    if period is None:
        abort(404)
    return period


def visits_chart(report):
    days = [day for day, _count in report.visits_by_day]
    return bar_chart(
        _("Visits per day"),
        _(
            "Pages of the public site viewed each day from %(start)s to %(end)s; "
            "%(n)s in all. The table below has every day's figure.",
            start=days[0].isoformat(),
            end=days[-1].isoformat(),
            n=report.visits,
        ),
        [day.strftime("%d.%m") for day in days],
        [count for _day, count in report.visits_by_day],
    )


def chosen_report():
    """(the Report of the chosen period, the head's name or "") of the bound school."""
    report = site_report(g.school, chosen_period(), g.lang, kind_label)
    head = head_of_school(g.school)
    return report, head.full_name(g.lang) if head else ""


@bp.route("/report")
@admin_required
def report_page():
    report, head = chosen_report()
    months, terms = recent_periods()
    return render_template(
        "report/page.html",
        report=report,
        months=months,
        terms=terms,
        chart=visits_chart(report),
        head=head,
        pdf_url=url_for("admin.report_pdf_download", period=report.period.code),
    )


@bp.route("/report.pdf")
@admin_required
def report_pdf_download():
    report, head = chosen_report()
    try:
        body = report_pdf(report, g.lang, head)
    except FontsMissing:
        return render_error(
            503,
            _l("The PDF cannot be made here"),
            _l(
                "The fonts it needs (DejaVu, Debian's fonts-dejavu-core) are not installed "
                "on the server. Print the report page instead, or ask the district to install them."
            ),
        )
    response = make_response(body)
    response.headers["Content-Type"] = "application/pdf"
    filename = f"report-{g.school.slug}-{report.period.code[1:]}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def init_app(app):
    add_admin_entry(app, "admin.report_page", _l("Site report"), 85, role="admin")
