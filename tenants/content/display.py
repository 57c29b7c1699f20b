"""The staff tables of public pages (25 teachers × 10 columns), drawn in Python:
a template macro per cell, or even a few `{{ }}` per cell, cost more than the
rest of the page. What every cell of a column shares is worked out once a
process for each language (`Column`: how its values read in the page's
language, the opening `<td>` for each language a text may come in, its empty
cell); each cell is then one read and one escape, and a row's cells are one
string. A value that needs a template (rich text, a phone, an e-mail, a
document...) stays a `MacroCell` for the value() macro of
templates/sveden/macros.html. People are staff records or plain rows with
their `data` (tenants/content/values.py: published_staff)."""

from functools import partial
from typing import NamedTuple

from flask import current_app
from flask_babel import get_locale
from markupsafe import Markup, escape

from mektep.fixed_texts import fixed_texts
from mektep.formatting import grouped_number
from mektep.i18n import fallback_order
from tenants.content.models import full_name
from tenants.content.values import first_filled, in_language

PLAIN_KINDS = frozenset({"text", "number", "choice"})


def is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


class MacroCell(NamedTuple):
    """A cell the value() macro draws, from the field and its stored value."""

    field: object
    value: object


class StaffTable(NamedTuple):
    """A staff list's table: its column labels, and its body as runs of ready
    HTML (Markup) with a MacroCell wherever the template draws a cell."""

    labels: list
    body: list


class Page:
    """What the columns of one page's table share: its language and the order of
    the others, whether it carries microdata, the staff fields a person must
    have, the marks of an empty cell (`marks[required]`), and its locale's
    texts and number format, looked up once."""

    def __init__(self, lang, microdata, required_names, marks):
        self.lang = lang
        self.order = fallback_order(lang)
        self.microdata = microdata
        self.required_names = required_names
        self.marks = marks
        self.texts = fixed_texts()
        self.number = partial(grouped_number, locale=str(get_locale()))


class Column:
    """One field's cells on a page. `cell(value)` is the HTML of the value's
    `<td>`, a MacroCell, or None when nothing is published (`empty` then)."""

    def __init__(self, field, page):
        self.field = field
        self.name = field.name
        self.lang = page.lang
        self.order = page.order
        self.required = field.name in page.required_names
        self.label = page.texts[field.label]
        self.choices = dict(field.choices)
        self.page = page
        self.empty = (
            f'<td data-label="{escape(self.label)}">{escape(page.marks[self.required])}</td>'
        )
        if field.member_type == "group":
            self.parts = [Column(sub, page) for sub in field.fields]
            self.cell = self.lines
        elif field.translated and field.kind in PLAIN_KINDS:
            self.cell = self.text
        elif field.kind == "choice" or field.kind == "number" and field.grouped:
            # A choice's label and a grouped number are formatted once however
            # many people share them (formatting costs ~10 µs).
            self.cells = {}
            self.cell = self.formatted
        elif field.kind in PLAIN_KINDS and not field.is_document:
            self.cell = self.plain
        else:
            self.cell = self.macro
        attrs = ""
        if page.microdata and (field.itemprop or field.member_type == "group"):
            attrs = f' itemprop="{escape(field.itemprop)}"'
        # The opening `<td>` of a text in each language: only another language
        # than the page's is marked.
        self.openings = {code: f'<td{attrs} lang="{code}">' for code in self.order}
        self.openings[None] = self.openings[self.lang] = f"<td{attrs}>"

    def read(self, value):
        """(text, its language) of a stored value, or None: a translated text in
        the page's language or else the other one; a choice by its label."""
        if self.field.translated:
            text, lang = in_language(self.field, value, self.lang)
            return None if text is None else (text, lang)
        if value is None or value == "":
            return None
        # A value of another shape than the field's (a list, a dict, a word for
        # a number) is shown as the text it is: never a failed page.
        if self.field.kind == "choice" and isinstance(value, str):
            label = self.choices.get(value)
            return (value if label is None else self.page.texts[label]), None
        if self.field.kind == "number" and self.field.grouped and is_number(value):
            return self.page.number(value), None
        return value, None

    def plain(self, value):
        """The cell of a one-language value (a number, a choice)."""
        shown = self.read(value)
        if shown is None:
            return None
        text, lang = shown
        return f"{self.openings[lang]}{escape(text)}</td>"

    def text(self, value):
        """The cell of a translated text: `plain` in fewer steps, for the most
        common cell of all."""
        if not isinstance(value, dict):
            return None
        text, code = first_filled(value, self.order)
        return None if text is None else f"{self.openings[code]}{escape(text)}</td>"

    def formatted(self, value):
        """`plain`, made once for each value (a choice, a grouped number)."""
        if not isinstance(value, str | int | float):
            return self.plain(value)
        cell = self.cells.get(value)
        if cell is None and value != "":
            if len(self.cells) >= MAX_KEPT_CELLS:
                self.cells.clear()
            cell = self.cells[value] = self.plain(value)
        return cell

    def lines(self, records):
        """A group's records one line each (the record's values joined by a
        dash), the first on show and the others behind a disclosure."""
        if not isinstance(records, list):
            records = [records]
        records = [record for record in records if isinstance(record, dict)]
        if not records:
            return None
        lines = [
            " — ".join(
                str(shown[0])
                for part in self.parts
                if (shown := part.read(record.get(part.name))) is not None
            )
            for record in records
        ]
        shown = escape(lines[0])
        if len(lines) > 1:
            rest = escape("; ".join(lines[1:]))
            shown = f"<details><summary>{shown};</summary>{rest}</details>"
        return f"{self.openings[None]}{shown}</td>"

    def macro(self, value):
        """A MacroCell, unless nothing is published (a document always has one)."""
        if not self.field.is_document and self.read(value) is None:
            return None
        return MacroCell(self.field, value)


# A column keeps at most this many formatted values (choices, grouped numbers).
MAX_KEPT_CELLS = 512


def columns_of(staff_list, lang, microdata, marks):
    """The Columns of `staff_list` on a page in `lang`, made once an app for
    each staff list, language and marks: they hold only what the schema and the
    language give (the app's texts, as `fixed_texts`), never a school's data."""
    made = current_app.extensions.setdefault("tenants.content.columns", {})
    key = (staff_list.key, lang, str(get_locale()), microdata, marks[True], marks[False])
    columns = made.get(key)
    if columns is None:
        page = Page(lang, microdata, staff_list.required_names, marks)
        columns = made[key] = tuple(Column(field, page) for field in staff_list.fields)
    return columns


def staff_cells(columns, people, lang):
    """The rows of `people`: each a person's name and one cell of each column
    (Column.cell)."""
    rows = []
    for person in people:
        data = person.data or {}
        rows.append(
            (full_name(data, lang), [column.cell(data.get(column.name)) for column in columns])
        )
    return rows


def staff_table(staff_list, people, lang, marks, microdata=True):
    """The StaffTable of a staff list: the columns of `staff_cells`, less an
    optional one that nobody in the list has filled in (a column of dashes); a
    column the list requires (`required_names`) always shows. `marks[required]`
    is what an empty cell shows."""
    columns = columns_of(staff_list, lang, microdata, marks)
    rows = staff_cells(columns, people, lang)
    keep = [
        index
        for index, column in enumerate(columns)
        if column.required or any(cells[index] is not None for _name, cells in rows)
    ]
    row_attrs = f' itemprop="{escape(staff_list.itemprop)}" itemscope' if microdata else ""
    name_attrs = ' itemprop="fio"' if microdata else ""
    body, run = [], []
    for name, cells in rows:
        run.append(f'<tr{row_attrs}><th scope="row"{name_attrs}>{escape(name)}</th>')
        for index in keep:
            cell = cells[index]
            if isinstance(cell, MacroCell):
                body += [Markup("".join(run)), cell]
                run = []
            else:
                run.append(columns[index].empty if cell is None else cell)
        run.append("</tr>")
    body.append(Markup("".join(run)))
    return StaffTable([columns[index].label for index in keep], body)
