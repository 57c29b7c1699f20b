"""Sources of search entries, and the events that keep the index current.

A `Source` says, for one `TenantOwned` model, what an item reads like in a language (or
None when the public may not see it there) and where a result links; each area
adds its sources with `add_source(app, source)` from its `init_app`. Any flush
that adds, changes or deletes a row of a source's model rewrites that row's
entries in the same transaction, so the index never shows what the public
cannot see.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from flask import has_app_context, url_for
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from config import LANGUAGES
from mektep.registries import registry
from mektep.richtext import plain_text
from tenants.search.models import SearchEntry

TITLE_MAX = 500
BODY_MAX = 100_000


@dataclass(frozen=True)
class Source:
    kind: str
    model: type
    label: object  # a lazy string, shown beside each result
    # texts(item, lang) -> (title, plain body) the public sees in `lang`, or None.
    texts: Callable
    # link(ref) -> the URL of a result (called during a request).
    link: Callable
    ref: Callable = field(default=lambda item: str(item.id))


def add_source(app, source):
    registry("search_sources", app).append(source)


def sources():
    """{kind: Source} of the current app."""
    return {source.kind: source for source in registry("search_sources")}


def add_dependency(app, model, find, columns):
    """Changes to `columns` of a `model` row change the entries of the items
    `find(session, row)` returns (e.g. a stored file's extracted text belongs to the
    documents showing it). Other changes (a thumbnail's status, say) leave the
    index alone."""
    registry("search_dependencies", app).append((model, find, columns))


def published_source(kind, model, label, endpoint, by="id"):
    """The source of a bilingual, versioned, trashable kind (`tenants.bilingual`):
    each published item's title and its other texts, linking to `endpoint` with
    the item's id (as `item_id`) or its column `by` (e.g. a page's slug)."""
    argument, convert = ("item_id", int) if by == "id" else (by, str)
    return Source(
        kind=kind,
        model=model,
        label=label,
        texts=published_texts(*(name for name in model.texts if name != "title")),
        link=lambda ref: url_for(endpoint, **{argument: convert(ref)}),
        ref=lambda item: str(getattr(item, by)),
    )


def published_texts(*body_fields):
    """texts(item, lang) for a bilingual, versioned, trashable model: its title and
    the plain text of `body_fields` in `lang`, once published and out of the trash."""

    def texts(item, lang):
        if not item.is_published or item.in_trash:
            return None
        body = " ".join(plain_text(getattr(item, f"{name}_{lang}")) for name in body_fields)
        return getattr(item, f"title_{lang}"), body.strip()

    return texts


def _changed(obj, columns):
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in columns)


def source_for(obj):
    for source in registry("search_sources"):
        if isinstance(obj, source.model):
            return source
    return None


def entries_for(source, item):
    """The index rows (as dicts) of `item`: one per language it is public in."""
    rows = []
    for lang in LANGUAGES:
        texts = source.texts(item, lang)
        if not texts or not texts[0]:
            continue
        title, body = texts[0][:TITLE_MAX], (texts[1] or "")[:BODY_MAX]
        rows.append(
            {
                "school_id": item.school_id,
                "kind": source.kind,
                "item_id": item.id,
                "lang": lang,
                "ref": source.ref(item),
                "title": title,
                "body": body,
                "terms": f"{title} {body}".casefold(),
            }
        )
    return rows


def write_entries(connection, source, item, deleted=False):
    table = SearchEntry.__table__
    connection.execute(
        table.delete().where(table.c.kind == source.kind, table.c.item_id == item.id)
    )
    rows = [] if deleted else entries_for(source, item)
    if rows:
        connection.execute(table.insert(), rows)


def _affected(session, obj, deleted):
    """(source, item, deleted) of every indexed item a flushed row changes."""
    source = source_for(obj)
    if source is not None:
        yield source, obj, deleted
    for model, find, columns in registry("search_dependencies"):
        if isinstance(obj, model) and _changed(obj, columns):
            for item in find(session, obj):
                yield source_for(item), item, False


@event.listens_for(Session, "after_flush")
def _reindex_flushed(session, flush_context):
    if not has_app_context() or not registry("search_sources"):
        return
    changed = [(obj, False) for obj in list(session.new) + list(session.dirty)]
    changed += [(obj, True) for obj in session.deleted]
    for obj, deleted in changed:
        for source, item, item_deleted in _affected(session, obj, deleted):
            if item.id is not None:
                write_entries(session.connection(), source, item, item_deleted)
