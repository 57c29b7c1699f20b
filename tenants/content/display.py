"""A published value as the public reads it in one language, worked out in Python
once per value so that long tables (25 teachers × 10 columns) render with a
plain loop instead of a template macro per cell: each cell comes with the
attributes of its `<td>` ready, made once per column and page (a column's label
is translated once, not once a row). People are staff records or plain rows
with their `data` (tenants/content/values.py: published_staff)."""

from typing import NamedTuple

from flask_babel import format_decimal
from markupsafe import Markup

from mektep.fixed_texts import fixed_texts
from tenants.content.models import full_name
from tenants.content.values import in_language

PLAIN_KINDS = frozenset({"text", "number", "choice"})


class Cell(NamedTuple):
    """One value of a table row. `text` is None when nothing is published, a
    group's records one line each, or the text of a plain value; `lang` is the
    text's language when it is not the page's. `style` says how it is drawn:
    "empty", "lines", "plain", or "macro" (by the value() macro, from `value`).
    `attrs` are the attributes of its `<td>` (microdata, language, the label of
    an empty one); `required` says an empty one is missing, not «—»."""

    field: object
    value: object
    text: object
    lang: str | None
    style: str
    attrs: Markup = Markup()
    required: bool = False


class StaffRow(NamedTuple):
    name: str
    cells: list


class PageTexts:
    """Display texts of one page's values in `lang`; each choice label and
    grouped number is formatted once however many rows repeat it, and what a
    column's cells share (how they are drawn, their attributes, the label) is
    worked out once a page."""

    def __init__(self, lang, microdata=True, required_names=()):
        self.lang = lang
        self.microdata = microdata
        self.required_names = required_names
        self._formatted = {}
        self._attrs = {}
        self._styles = {}
        self._fixed = None

    def shown(self, field, value):
        """(text, language of the text when it is not the page's) of `value`."""
        text, text_lang = in_language(field, value, self.lang)
        if text is None:
            return None, None
        if field.kind == "choice" or (field.kind == "number" and field.grouped):
            key = (field.key, text)
            if key not in self._formatted:
                self._formatted[key] = (
                    str(field.choice_label(text))
                    if field.kind == "choice"
                    else format_decimal(text)
                )
            text = self._formatted[key]
        return text, (text_lang if text_lang != self.lang else None)

    def lines(self, group, records):
        """A group's records, one line each: the record's filled values joined by
        a dash; None if there are none."""
        if not records:
            return None
        return [
            " — ".join(
                str(text)
                for sub in group.fields
                if (text := self.shown(sub, record.get(sub.name))[0]) is not None
            )
            for record in records
        ]

    def label(self, field):
        """The field's label in the current locale (mektep/fixed_texts.py)."""
        if self._fixed is None:
            self._fixed = fixed_texts()
        return self._fixed[field.label]

    def attrs(self, field, style, text_lang=None):
        """The attributes of a `<td>` of `field` drawn in `style`, made once a page."""
        key = (field.key, style, text_lang)
        if key not in self._attrs:
            self._attrs[key] = self._make_attrs(field, style, text_lang)
        return self._attrs[key]

    def _make_attrs(self, field, style, text_lang):
        if style == "empty":
            return Markup(' data-label="%s"') % self.label(field)
        attrs = Markup()
        if self.microdata and (field.itemprop or style == "lines"):
            attrs += Markup(' itemprop="%s"') % field.itemprop
        if text_lang:
            attrs += Markup(' lang="%s"') % text_lang
        return attrs

    def style(self, field):
        """How a filled cell of `field` is drawn: "lines", "plain" or "macro"."""
        if field.key not in self._styles:
            if field.member_type == "group":
                style = "lines"
            else:
                plain = field.kind in PLAIN_KINDS and not field.is_document
                style = "plain" if plain else "macro"
            self._styles[field.key] = style
        return self._styles[field.key]

    def cell(self, field, value):
        style = self.style(field)
        if field.is_document:
            return Cell(field, value, None, None, style)
        if style == "lines":
            text, text_lang = self.lines(field, value), None
        else:
            text, text_lang = self.shown(field, value)
        if text is None:
            required = field.name in self.required_names
            return Cell(field, value, None, None, "empty", self.attrs(field, "empty"), required)
        attrs = Markup() if style == "macro" else self.attrs(field, style, text_lang)
        return Cell(field, value, text, text_lang, style, attrs)


def staff_rows(staff_list, people, lang, texts=None):
    """Each person of `staff_list` as a StaffRow: the full name, and a Cell for
    each of the list's columns, in `lang`. `people` are staff records or rows
    with their `data`."""
    texts = texts or PageTexts(lang, required_names=staff_list.required_names)
    fields = [(field, field.name) for field in staff_list.fields]
    rows = []
    for person in people:
        data = person.data or {}
        cells = [texts.cell(field, data.get(name)) for field, name in fields]
        rows.append(StaffRow(full_name(data, lang), cells))
    return rows


def staff_table(staff_list, people, lang, microdata=True):
    """(labels, rows) of a staff list's table: the columns of `staff_rows`, less
    an optional one that nobody in the list has filled in (a column of dashes).
    A column the list requires (`required_names`) always shows."""
    texts = PageTexts(lang, microdata, staff_list.required_names)
    rows = staff_rows(staff_list, people, lang, texts)
    keep = [
        index
        for index, field in enumerate(staff_list.fields)
        if field.name in staff_list.required_names
        or any(row.cells[index].style != "empty" for row in rows)
    ]
    if len(keep) < len(staff_list.fields):
        rows = [StaffRow(row.name, [row.cells[index] for index in keep]) for row in rows]
    labels = [texts.label(staff_list.fields[index]) for index in keep]
    return labels, rows
