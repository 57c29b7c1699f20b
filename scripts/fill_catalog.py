"""Fill a catalog area's ky and ru translations from a Python file holding
`T = {msgid: (ky, ru)}`: `python scripts/fill_catalog.py AREA FILE`.
Only empty translations are filled; the rest is left as it is."""

import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

area, source = sys.argv[1], sys.argv[2]
table = runpy.run_path(source)["T"]
root = Path(__file__).resolve().parent.parent / "translations" / area
for index, lang in enumerate(("ky", "ru")):
    path = root / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    filled = 0
    for message in catalog:
        if message.id and not message.string and message.id in table:
            message.string = table[message.id][index]
            filled += 1
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100)
    print(f"{path}: {filled} filled")
