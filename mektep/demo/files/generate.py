"""Make the demo PDFs of school №35 (run once; the PDFs are committed beside this file).

    .venv/bin/pip install fpdf2==2.8.9   # a dev dependency, pinned in constraints.txt
    .venv/bin/python mektep/demo/files/generate.py

Each document has its Kyrgyz text first, then its Russian text, each on pages
of its own, set in DejaVu Sans (Debian's fonts-dejavu-core), which has every
Kyrgyz letter.
"""

from pathlib import Path

from fpdf import FPDF
from texts import (
    ACCREDITATION,
    CALENDAR_NOTES,
    CHARTER,
    COUNCIL,
    DEMO_NOTE,
    GRADES,
    LICENSE,
    QUARTERS,
    SCHOOL,
    SUBJECTS,
)
from texts_programs import (
    ANNOTATIONS,
    FINANCE_LABELS,
    FINANCE_NOTES,
    FINANCE_TABLES,
    FINANCE_TITLES,
    METHODICAL,
    PROGRAMS,
    STANDARDS,
)

HERE = Path(__file__).parent
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


class DemoPDF(FPDF):
    def __init__(self, lang_note):
        super().__init__(format="A4")
        self.lang_note = lang_note
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(True, margin=20)
        self.set_margins(22, 20, 22)

    def footer(self):
        self.set_y(-14)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 5, f"{self.lang_note}   · {self.page_no()}", align="C")

    def heading(self, lang, title):
        self.add_page()  # closes the previous page, whose footer is in its own language
        self.lang_note = DEMO_NOTE[lang]
        self.set_font("DejaVu", "", 10)
        self.multi_cell(0, 5, SCHOOL[lang], align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(6)
        self.set_font("DejaVu", "B", 15)
        self.multi_cell(0, 8, title, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def sections(self, sections):
        for heading, paragraphs in sections:
            self.set_font("DejaVu", "B", 11.5)
            self.multi_cell(0, 6, heading, new_x="LMARGIN", new_y="NEXT")
            self.ln(1)
            self.set_font("DejaVu", "", 11)
            for paragraph in paragraphs:
                self.multi_cell(0, 6, paragraph, align="J", new_x="LMARGIN", new_y="NEXT")
                self.ln(1.5)
            self.ln(3)

    def signature(self, lang):
        self.ln(8)
        self.set_font("DejaVu", "", 11)
        text = (
            "Мектептин директору ____________ Г. И. Мамбетова"
            if lang == "ky"
            else ("Директор школы ____________ Г. И. Мамбетова")
        )
        self.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")


def text_document(texts, name):
    pdf = DemoPDF(DEMO_NOTE["ky"])
    pdf.set_title(texts["ru"][0].capitalize())
    for lang in ("ky", "ru"):
        title, sections = texts[lang]
        pdf.heading(lang, title)
        pdf.sections(sections)
        pdf.signature(lang)
    pdf.output(str(HERE / name))


def curriculum(name):
    pdf = DemoPDF(DEMO_NOTE["ky"])
    pdf.set_title("Учебный план на 2026–2027 учебный год")
    labels = {
        "ky": ("2026–2027-ОКУУ ЖЫЛЫНЫН ОКУУ ПЛАНЫ", "Окуу предмети", "класс", "Жумалык сааттар"),
        "ru": (
            "УЧЕБНЫЙ ПЛАН НА 2026–2027 УЧЕБНЫЙ ГОД",
            "Учебный предмет",
            "класс",
            "Часов в неделю",
        ),
    }
    for lang in ("ky", "ru"):
        title, subject, grade, hours = labels[lang]
        pdf.heading(lang, title)
        pdf.set_font("DejaVu", "", 11)
        pdf.multi_cell(0, 6, hours, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        with pdf.table(
            col_widths=(60, 16, 16, 16, 16, 16), text_align=("LEFT",) + ("CENTER",) * 5
        ) as table:
            table.row([subject] + [f"{g} {grade}" for g in GRADES])
            for name_ky, name_ru, per_grade in SUBJECTS:
                table.row(
                    [name_ky if lang == "ky" else name_ru] + [str(h or "—") for h in per_grade]
                )
            totals = [str(sum(row[2][i] for row in SUBJECTS)) for i in range(len(GRADES))]
            table.row(["Бардыгы" if lang == "ky" else "Итого"] + totals)
        pdf.signature(lang)
    pdf.output(str(HERE / name))


def calendar(name):
    pdf = DemoPDF(DEMO_NOTE["ky"])
    pdf.set_title("Календарный учебный график на 2026–2027 учебный год")
    titles = {
        "ky": "2026–2027-ОКУУ ЖЫЛЫНЫН КАЛЕНДАРДЫК ОКУУ ГРАФИГИ",
        "ru": "КАЛЕНДАРНЫЙ УЧЕБНЫЙ ГРАФИК НА 2026–2027 УЧЕБНЫЙ ГОД",
    }
    for lang in ("ky", "ru"):
        pdf.heading(lang, titles[lang])
        pdf.set_font("DejaVu", "", 11)
        with pdf.table(col_widths=(30, 60, 80)) as table:
            for quarter in QUARTERS[lang]:
                table.row(list(quarter))
        pdf.ln(6)
        for paragraph in CALENDAR_NOTES[lang]:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        pdf.signature(lang)
    pdf.output(str(HERE / name))


def som(amount):
    return f"{amount:,}".replace(",", " ")


def financial_plan(name):
    pdf = DemoPDF(DEMO_NOTE["ky"])
    pdf.set_title(FINANCE_TITLES["ru"].capitalize())
    for lang in ("ky", "ru"):
        item, amount, total = FINANCE_LABELS[lang]
        in_lang = 0 if lang == "ky" else 1
        pdf.heading(lang, FINANCE_TITLES[lang])
        for *headings, rows in FINANCE_TABLES:
            pdf.set_font("DejaVu", "B", 11.5)
            pdf.multi_cell(0, 6, headings[in_lang], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
            pdf.set_font("DejaVu", "", 11)
            with pdf.table(col_widths=(120, 46), text_align=("LEFT", "RIGHT")) as table:
                table.row([item, amount])
                for *labels, som_amount in rows:
                    table.row([labels[in_lang], som(som_amount)])
                table.row([total, som(sum(row[-1] for row in rows))])
            pdf.ln(5)
        for paragraph in FINANCE_NOTES[lang]:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        pdf.signature(lang)
    pdf.output(str(HERE / name))


def main():
    text_document(CHARTER, "charter.pdf")
    text_document(LICENSE, "license.pdf")
    text_document(ACCREDITATION, "accreditation.pdf")
    text_document(COUNCIL, "pedagogical-council.pdf")
    curriculum("curriculum.pdf")
    calendar("calendar.pdf")
    text_document(PROGRAMS, "programs.pdf")
    text_document(METHODICAL, "methodical.pdf")
    text_document(ANNOTATIONS, "annotations.pdf")
    text_document(STANDARDS, "standards.pdf")
    financial_plan("financial-plan.pdf")


if __name__ == "__main__":
    main()
