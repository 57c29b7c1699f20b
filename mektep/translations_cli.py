"""`flask i18n ...`: keep the ky, ru and en catalogs complete and compiled.

Catalogs live in `translations/<area>/<lang>/LC_MESSAGES/messages.po`, one area
per part of the product, and Flask-Babel merges them. Strings are found in the
Python code and the templates by Babel's extractors.
"""

from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from flask.cli import AppGroup

from config import BASE_DIR, LANGUAGES, UI_LANGUAGES, Config

i18n_cli = AppGroup("i18n", help="Translation catalogs.")

TRANSLATIONS_DIR = BASE_DIR / "translations"
SOURCE_DIRS = ("mektep", "tenants", "templates")
# The official languages must be complete; English msgids are English already.
REQUIRED_LANGUAGES = LANGUAGES
ALL_LANGUAGES = UI_LANGUAGES
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "_l": None,
    "lazy_gettext": None,
    "lazy_ngettext": (1, 2),
}
# Templates: pages (.html) and the plain-text parts of e-mails (.txt).
METHOD_MAP = [("**.py", "python"), ("**.html", "jinja2"), ("**.txt", "jinja2")]
OPTIONS = {pattern: {"extensions": "jinja2.ext.i18n"} for pattern in ("**.html", "**.txt")}


def extracted_messages():
    """{msgid: first location} of every translatable string in the source."""
    found = {}
    for folder in SOURCE_DIRS:
        for filename, lineno, message, _comments, _context in extract_from_dir(
            BASE_DIR / folder, METHOD_MAP, OPTIONS, KEYWORDS
        ):
            msgid = message if isinstance(message, str) else tuple(message)
            found.setdefault(msgid, f"{folder}/{filename}:{lineno}")
    return found


def catalog_path(area, lang):
    return TRANSLATIONS_DIR / area / lang / "LC_MESSAGES" / "messages.po"


def read_catalog(path, lang):
    if not path.exists():
        return Catalog(locale=lang)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def catalogued_ids(lang, translated=True):
    """msgids listed in some catalog of `lang` (with a translation, if `translated`)."""
    done = set()
    for area_dir in Config.BABEL_TRANSLATION_DIRECTORIES.split(";"):
        catalog = read_catalog(catalog_path(Path(area_dir).name, lang), lang)
        for message in catalog:
            strings = message.string if isinstance(message.string, tuple) else [message.string]
            if message.id and (all(strings) or not translated):
                done.add(message.id)
    return done


def missing_translations(lang, translated=True):
    """{msgid: location} of strings no catalog of `lang` has (translated, if `translated`)."""
    done = catalogued_ids(lang, translated)
    return {m: where for m, where in extracted_messages().items() if m not in done}


@i18n_cli.command("missing")
def missing_command():
    """List strings that lack a ky or ru translation; exit 1 if any do."""
    total = 0
    for lang in REQUIRED_LANGUAGES:
        for msgid, where in sorted(missing_translations(lang).items(), key=lambda i: i[1]):
            click.echo(f"{lang}\t{where}\t{msgid!r}")
            total += 1
    if total:
        raise click.ClickException(f"{total} translations missing.")
    click.echo("Every string is translated into ky and ru.")


@i18n_cli.command("add-missing")
@click.argument("area")
@click.option(
    "--source",
    "sources",
    multiple=True,
    help="Only strings found under this path (e.g. tenants/documents); repeatable.",
)
def add_missing_command(area, sources):
    """Append untranslated strings, with empty translations, to AREA's catalogs."""
    for lang in ALL_LANGUAGES:
        path = catalog_path(area, lang)
        catalog = read_catalog(path, lang)
        known = {message.id for message in catalog}
        added = 0
        # English msgids are English already: an en catalog only has to list them.
        missing = missing_translations(lang, translated=lang in REQUIRED_LANGUAGES)
        for msgid, where in missing.items():
            if msgid in known or (sources and not where.startswith(sources)):
                continue
            file, _, line = where.rpartition(":")
            string = ("", "") if isinstance(msgid, tuple) else ""
            catalog.add(msgid, string, locations=[(file, int(line))])
            added += 1
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False)
        click.echo(f"{path.relative_to(BASE_DIR)}: {added} added")


@i18n_cli.command("compile")
def compile_command():
    """Compile every catalog to the .mo files Flask-Babel reads."""
    for po_path in TRANSLATIONS_DIR.glob("*/*/LC_MESSAGES/messages.po"):
        lang = po_path.parent.parent.name
        catalog = read_catalog(po_path, lang)
        with po_path.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
    click.echo("Catalogs compiled.")
