"""The machine-readable names of the regulation's table (docs/regulation/
requirements.md, a copy of shared/regulation/requirements.md kept in the
repository so that CI, which has only the repository, reads it too): for the
items whose names the current edition changed, every name it lists, and every
older name it keeps beside one, is an itemprop of the shared schema in the
subsections the table names, and shows on demo school №35's pages there."""

import re
from pathlib import Path

import pytest

from mektep.demo import load
from mektep.schema import SECTIONS_BY_SLUG

REQUIREMENTS = Path(__file__).resolve().parent.parent / "docs" / "regulation" / "requirements.md"
ITEMS = ("I7", "I11", "I12", "I15", "I16", "I17", "I18")
NAME = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")
ITEMPROP = re.compile(r'itemprop="([^"]+)"')


def mapping_rows():
    """[(item, subsection slugs, current names, older names)] of the table's rows
    for ITEMS. A names cell lists names separated by `,` `;` `>` `/`, with notes
    in parentheses; a name in backquotes is an older one."""
    rows = []
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("I"):
            continue
        item = cells[0].split()[0].rstrip(",")
        if item not in ITEMS:
            continue
        slugs = [slug for slug in re.split(r"[;,]|\band\b", cells[1]) if slug.strip()]
        older = re.findall(r"`([A-Za-z0-9]+)`", cells[2])
        bare = re.sub(r"\([^)]*\)|`[^`]*`", "", cells[2])
        current = [
            part.strip()
            for part in re.split(r"[,;>/]", bare)
            if NAME.match(part.strip()) and part.strip() not in older
        ]
        rows.append((item, [slug.strip() for slug in slugs], current, older))
    return rows


def declared_itemprops(section):
    """Every itemprop name a section's page can carry."""
    names = set()
    for member in section.members:
        for prop in (member.itemprop, getattr(member, "list_itemprop", None)):
            names.update((prop or "").split())
        if member.member_type == "staff":
            names.add("fio")
        for field in getattr(member, "fields", []):
            names.update((field.itemprop or "").split())
    return names


def test_the_table_is_read():
    rows = mapping_rows()
    assert {row[0] for row in rows} == set(ITEMS)
    names = {name for row in rows for name in row[2] + row[3]}
    assert {"teachingQual", "employeeQualification", "eduLang", "eduChislen", "eduPred"} <= names
    assert {"vacantBudget", "finBFVolume", "meals", "health", "purposeEios"} <= names
    assert {"languageEl", "eduChislenEl", "numberBFVacant"} <= names


@pytest.mark.parametrize("row", mapping_rows(), ids=lambda row: row[0])
def test_the_schema_carries_every_name_of_the_table(row):
    item, slugs, current, older = row
    declared = set().union(*(declared_itemprops(SECTIONS_BY_SLUG[slug]) for slug in slugs))
    assert set(current + older) - declared == set(), (item, slugs)


def test_the_demo_pages_show_every_name_of_the_table(app, site, run_worker):
    with app.app_context():
        for _line in load():
            pass
    run_worker()
    school = site("school35")
    for item, slugs, current, older in mapping_rows():
        shown = set()
        for slug in slugs:
            page = school.get(f"/sveden/{slug}/?lang=ru").get_data(as_text=True)
            shown.update(name for names in ITEMPROP.findall(page) for name in names.split())
        assert set(current + older) - shown == set(), (item, slugs)
    objects = school.get("/sveden/objects/?lang=ru").get_data(as_text=True)
    assert 'itemprop="meals" itemscope' in objects and 'itemprop="health"' in objects
