"""The head's site report as a PDF (fpdf2), in the page's language, set in
DejaVu Sans (Debian's fonts-dejavu-core, which has every Kyrgyz letter), with
the visits per day drawn as bars and a place for the head's signature."""

from pathlib import Path

from flask import current_app
from flask_babel import format_date, format_datetime
from flask_babel import gettext as _
from fpdf import FPDF

FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
MARGIN = 15


class FontsMissing(Exception):
    """The DejaVu fonts are not installed where REPORT_FONT_DIR says."""


def font_dir():
    return Path(current_app.config["REPORT_FONT_DIR"])


def fonts_available():
    return all((font_dir() / name).is_file() for name in FONT_FILES.values())


class ReportPDF(FPDF):
    def __init__(self, footer_text):
        super().__init__(format="A4")
        self.footer_text = footer_text
        if not fonts_available():
            raise FontsMissing(str(font_dir()))
        for style, name in FONT_FILES.items():
            self.add_font("DejaVu", style, str(font_dir() / name))
        self.set_margins(MARGIN, MARGIN)
        self.set_auto_page_break(True, MARGIN + 5)

    def footer(self):
        self.set_y(-MARGIN)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 5, f"{self.footer_text} · {self.page_no()}", align="C")

    def heading(self, text, size=13):
        self.ln(3)
        self.set_font("DejaVu", "B", size)
        self.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        self.set_font("DejaVu", "", 10)

    def line_text(self, text):
        self.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")

    def table(self, headings, rows, widths):
        self.set_fill_color(235)
        self.set_font("DejaVu", "B", 9)
        with super().table(col_widths=widths, text_align="LEFT", line_height=5) as table:
            heading_row = table.row()
            for heading in headings:
                heading_row.cell(str(heading))
            self.set_font("DejaVu", "", 9)
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(str(value))
        self.set_font("DejaVu", "", 10)

    def bars(self, days, counts, height=40):
        """The visits per day as bars, with the busiest day's count on the scale."""
        top = max(counts, default=0) or 1
        width = self.epw / max(1, len(counts))
        if self.get_y() + height + 16 > self.h - MARGIN - 5:
            self.add_page()
        x0 = self.l_margin
        self.set_font("DejaVu", "", 7)
        self.cell(0, 4, _("Busiest day: %(n)s visits", n=top), new_x="LMARGIN", new_y="NEXT")
        y0 = self.get_y() + height
        self.set_draw_color(0)
        self.line(x0, y0, x0 + self.epw, y0)
        self.set_fill_color(40, 90, 160)
        for n, count in enumerate(counts):
            bar = height * count / top
            if bar:
                self.rect(x0 + n * width + width * 0.15, y0 - bar, width * 0.7, bar, style="F")
        for n in {0, len(days) - 1}:
            self.set_xy(x0 + n * width - (10 if n else 0), y0 + 1)
            self.cell(20, 4, format_date(days[n], "d MMM"))
        self.set_y(y0 + 7)
        self.set_font("DejaVu", "", 10)


def report_pdf(report, lang, head_name):
    """The PDF bytes of `report` (tenants.stats.report.Report)."""
    school_name = report.school.name(lang)
    pdf = ReportPDF(f"{school_name} · {report.period.label}")
    pdf.add_page()
    pdf.set_title(_("Site report: %(period)s", period=report.period.label))
    pdf.heading(school_name, 15)
    pdf.heading(
        _("Report on the work of the school's website: %(period)s", period=report.period.label)
    )
    pdf.line_text(
        _(
            "From %(start)s to %(end)s. Made on %(today)s.",
            start=format_date(report.period.start, "long"),
            end=format_date(report.period.end, "long"),
            today=format_date(None, "long"),
        )
    )
    pdf.heading(_("Visits"))
    pdf.line_text(_("Pages viewed: %(n)s (no cookies, no addresses kept).", n=report.visits))
    pdf.bars([day for day, _count in report.visits_by_day], [c for _day, c in report.visits_by_day])
    if report.top_pages:
        pdf.table([_("Page"), _("Visits")], report.top_pages, (150, 30))
    pdf.heading(_("Published for the first time"))
    _items(pdf, report.first_publications)
    pdf.heading(_("Updated"))
    _items(pdf, report.updates)
    pdf.heading(_("Overdue for an update at the end of the period"))
    if report.overdue:
        pdf.table(
            [_("Part of the site"), _("Review was due"), _("Days overdue")],
            [
                (str(item.subject.label), format_date(item.review_by, "medium"), item.overdue_days)
                for item in report.overdue
            ],
            (100, 45, 35),
        )
    else:
        pdf.line_text(_("Nothing was overdue."))
    pdf.heading(_("Documents added"))
    if report.documents:
        pdf.table(
            [_("Document"), _("Added"), _("Note")],
            [
                (
                    doc.display_title(lang),
                    format_date(doc.created_at, "medium"),
                    _("scan without text") if doc.file.needs_ocr else "",
                )
                for doc in report.documents
            ],
            (110, 35, 35),
        )
    else:
        pdf.line_text(_("None."))
    pdf.heading(_("Questions and feedback"))
    questions = report.questions
    pdf.line_text(
        _(
            "Received: %(received)s. Answered: %(answered)s. Approved: %(approved)s. "
            "Rejected: %(rejected)s.",
            **questions,
        )
    )
    pdf.ln(12)
    pdf.set_font("DejaVu", "", 10)
    pdf.line_text(_("Approved by the head of the school:"))
    pdf.ln(10)
    signature = f"__________________  /{head_name or '____________________'}/"
    pdf.line_text(f"{signature}      {_('Date')}: ______________")
    return bytes(pdf.output())


def _items(pdf, items):
    if not items:
        pdf.line_text(_("Nothing."))
        return
    pdf.table(
        [_("What"), _("Title"), _("When"), _("By")],
        [(item.kind, item.title, format_datetime(item.when, "short"), item.who) for item in items],
        (35, 85, 30, 30),
    )
