"""A published value as the public reads it in one language, worked out in Python
once per value so that long tables (25 teachers × 10 columns) render with a
plain loop instead of a template macro per cell."""

from typing import NamedTuple

from flask_babel import format_decimal

from tenants.content.values import in_language

PLAIN_KINDS = frozenset({"text", "number", "choice"})


class Cell(NamedTuple):
    """One value of a table row. `text` is None when nothing is published, a
    group's records one line each, or the text of a plain value; `lang` is the
    text's language when it is not the page's. `style` says how it is drawn:
    "empty", "lines", "plain", or "macro" (by the value() macro, from `value`)."""

    field: object
    value: object
    text: object
    lang: str | None
    style: str


class StaffRow(NamedTuple):
    name: str
    cells: list


class PageTexts:
    """Display texts of one page's values in `lang`; each choice label and
    grouped number is formatted once however many rows repeat it."""

    def __init__(self, lang):
        self.lang = lang
        self._formatted = {}

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

    def cell(self, field, value):
        if field.is_document:
            return Cell(field, value, None, None, "macro")
        if field.member_type == "group":
            text, text_lang = self.lines(field, value), None
        else:
            text, text_lang = self.shown(field, value)
        if text is None:
            style = "empty"
        elif field.member_type == "group":
            style = "lines"
        else:
            style = "plain" if field.kind in PLAIN_KINDS else "macro"
        return Cell(field, value, text, text_lang, style)


def staff_rows(staff_list, people, lang):
    """Each person of `staff_list` as a StaffRow: the full name, and a Cell for
    each of the list's columns, in `lang`."""
    texts = PageTexts(lang)
    fields = staff_list.fields
    return [
        StaffRow(person.full_name(lang), [texts.cell(f, person.value(f.name)) for f in fields])
        for person in people
    ]


def staff_table(staff_list, people, lang):
    """(fields, rows) of a staff list's table: the columns of `staff_rows`, less
    an optional one that nobody in the list has filled in (a column of dashes).
    A column the list requires (`required_names`) always shows."""
    rows = staff_rows(staff_list, people, lang)
    keep = [
        index
        for index, field in enumerate(staff_list.fields)
        if field.name in staff_list.required_names
        or any(row.cells[index].style != "empty" for row in rows)
    ]
    fields = [staff_list.fields[index] for index in keep]
    return fields, [StaffRow(row.name, [row.cells[index] for index in keep]) for row in rows]
