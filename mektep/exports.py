"""Tables as downloads: CSV (UTF-8 with a byte-order mark, so that spreadsheet
programs read Cyrillic right) and XLSX (openpyxl, write-only: memory stays flat
with thousands of rows). A table is a list of headings and rows of plain
values (text, numbers, dates, booleans, None).

Texts come from the schools (a school's admin writes its name): one that starts
like a formula stays text (OWASP's CSV injection), with an apostrophe before it
in CSV, as a cell of type text in XLSX (openpyxl would make it a formula)."""

import csv
import io
from datetime import date, datetime

from flask import Response
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_TITLE_MAX = 31
# What a spreadsheet program reads as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _looks_like_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_START)


def _plain(value):
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if _looks_like_formula(value):
        return "'" + value
    return "" if value is None else value


def _cell(sheet, value):
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if _looks_like_formula(value):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def csv_bytes(headings, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(heading) for heading in headings])
    for row in rows:
        writer.writerow([_plain(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(title, headings, rows):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(title)[:SHEET_TITLE_MAX])
    sheet.append([str(heading) for heading in headings])
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(fmt, filename, title, headings, rows):
    """A response downloading the table as `filename`.`fmt` (csv or xlsx)."""
    if fmt == "csv":
        body, mimetype = csv_bytes(headings, rows), "text/csv; charset=utf-8"
    else:
        body, mimetype = xlsx_bytes(title, headings, rows), XLSX_TYPE
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{filename}.{fmt}"'},
    )
