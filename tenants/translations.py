"""Translations that may be out of date (issue 11.7): when one language of a text
changes and the other does not, the other is marked "needs translation update"
until someone updates it or confirms that it is still right.

Versioning calls `mark_changes(item, before, after)` whenever an item's content
is saved (a draft or a publication), for every versioned kind alike, with the
content as versions store it. A text is found there by its shape, named as the
form's input of it without the language:

- a column `<name>_<lang>` (`tenants.bilingual`, the School's names): `title`;
- in a JSON column (a section's values, a staff record's data), a value
  {"ky": ..., "ru": ...}: its key (`address`), and in a group's records
  `<group>-<row>-<field>` (`programs-0-name`), as the section forms name them.

Only a change of a text that was there makes the other language stale; adding a
missing translation, or changing one that was marked (the update), does not, and
clears its own mark.
"""

from config import LANGUAGES
from mektep import audit
from mektep.clock import utcnow
from mektep.extensions import db
from tenants.scoping import TenantOwned


class StaleTranslation(TenantOwned, db.Model):
    """One text of one item whose `lang` may no longer say what the other says."""

    page_cache_scope = "none"  # a mark for the admin; no public page shows it

    __table_args__ = (db.UniqueConstraint("school_id", "kind", "item_id", "name", "lang"),)

    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(40), nullable=False)
    item_id = db.Column(db.Integer, nullable=False)
    name = db.Column(db.String(200), nullable=False)
    lang = db.Column(db.String(2), nullable=False)
    marked_at = db.Column(db.DateTime, nullable=False, default=utcnow)


def _in_json(value, name):
    if isinstance(value, dict) and value and set(value) <= set(LANGUAGES):
        yield name, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _in_json(inner, key)
    elif isinstance(value, list):
        for row, record in enumerate(value):
            if isinstance(record, dict):
                for key, inner in record.items():
                    yield from _in_json(inner, f"{name}-{row}-{key}")


def texts(data):
    """{name: {lang: text}} of every bilingual text in versioned content `data`."""
    found = {}
    for key, value in (data or {}).items():
        base, _, lang = key.rpartition("_")
        if lang in LANGUAGES and base and (value is None or isinstance(value, str)):
            found.setdefault(base, {})[lang] = value
        elif isinstance(value, dict | list):
            found.update(_in_json(value, key))
    return found


def _of(item):
    return db.select(StaleTranslation).where(
        StaleTranslation.kind == item.version_kind, StaleTranslation.item_id == item.id
    )


def mark_changes(item, before, after):
    """Mark and clear `item`'s stale translations for a save from `before` to `after`
    (the fields saved: those left out keep their value)."""
    marks = {(mark.name, mark.lang): mark for mark in db.session.scalars(_of(item))}
    old = texts(before)
    for name, new in texts({**before, **after}).items():
        was = old.get(name, {})
        changed = {lang for lang in LANGUAGES if (new.get(lang) or "") != (was.get(lang) or "")}
        updates = {lang for lang in changed if (name, lang) in marks}
        for lang in updates:
            db.session.delete(marks.pop((name, lang)))
        if not any(was.get(lang) for lang in changed - updates):
            continue  # translations updated or added, not a text changed
        for lang in set(LANGUAGES) - changed:
            if new.get(lang) and (name, lang) not in marks:
                marks[name, lang] = StaleTranslation(
                    school_id=item.school_id,
                    kind=item.version_kind,
                    item_id=item.id,
                    name=name,
                    lang=lang,
                )
                db.session.add(marks[name, lang])


def stale(item):
    """[(input name, language)] of `item`'s texts needing a translation update."""
    if item is None or item.id is None:
        return []
    return [
        (f"{mark.name}_{mark.lang}", mark.lang)
        for mark in db.session.scalars(_of(item).order_by(StaleTranslation.id))
    ]


def stale_of(kind):
    """{item id: set of languages needing an update} of every item of `kind` (bound school)."""
    query = db.select(StaleTranslation.item_id, StaleTranslation.lang).where(
        StaleTranslation.kind == kind
    )
    found = {}
    for item_id, lang in db.session.execute(query):
        found.setdefault(item_id, set()).add(lang)
    return found


def stale_names(kind):
    """{(item id, text name)} of every item of `kind` (bound school) with a text to update."""
    query = db.select(StaleTranslation.item_id, StaleTranslation.name).where(
        StaleTranslation.kind == kind
    )
    return {(item_id, name) for item_id, name in db.session.execute(query)}


def confirm(item, user):
    """Someone read the other language: it is still right (clears every mark of `item`)."""
    marks = db.session.scalars(_of(item)).all()
    for mark in marks:
        db.session.delete(mark)
    audit.record(
        f"{item.version_kind}.translation_confirmed",
        f"#{item.id}: {', '.join(sorted({f'{m.name}_{m.lang}' for m in marks}))}",
        user=user,
        school_id=item.school_id,
    )
    return len(marks)
