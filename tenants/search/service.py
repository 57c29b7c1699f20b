"""What the search page and the CLI ask of search: results, snippets, reindexing."""

from dataclasses import dataclass

from mektep.extensions import db
from tenants.search.backends import match, query_words
from tenants.search.models import SearchEntry
from tenants.search.registry import entries_for, sources

SNIPPET_LENGTH = 240


@dataclass
class Result:
    kind: str
    label: str
    title: str
    snippet: str
    url: str


def snippet(body, words, length=SNIPPET_LENGTH):
    """A piece of `body` around the first word found, cut at word boundaries."""
    folded = body.casefold()
    found = [folded.find(word) for word in words if word in folded]
    start = max(0, min(found) - length // 3) if found else 0
    piece = body[start : start + length]
    if start > 0:
        piece = "…" + piece.split(" ", 1)[-1]
    if start + length < len(body):
        piece = piece.rsplit(" ", 1)[0] + "…"
    return piece


def search(school, lang, query, page=1, per_page=20):
    """(results, has_more) for `query` among `school`'s public items in `lang`."""
    words = query_words(query)
    rows = match(school.id, lang, words, per_page + 1, (page - 1) * per_page)
    by_kind = sources()
    results = [
        Result(
            kind=row.kind,
            label=str(by_kind[row.kind].label),
            title=row.title,
            snippet=snippet(row.body, words),
            url=by_kind[row.kind].link(row.ref),
        )
        for row in rows[:per_page]
        if row.kind in by_kind
    ]
    return results, len(rows) > per_page


def rebuild_index(school_id=None):
    """Write the index (of one school, or of all) afresh in the current
    transaction; returns the number of entries."""
    table = SearchEntry.__table__
    delete = table.delete()
    if school_id is not None:
        delete = delete.where(table.c.school_id == school_id)
    db.session.execute(delete)
    count = 0
    for source in sources().values():
        query = db.select(source.model).execution_options(include_trashed=True)
        if school_id is not None:
            query = query.where(source.model.school_id == school_id)
        for item in db.session.scalars(query):
            rows = entries_for(source, item)
            if rows:
                db.session.execute(table.insert(), rows)
            count += len(rows)
    return count


def reindex(school_id=None):
    """Rebuild the index (of one school, or of all) and commit; returns the number of entries."""
    count = rebuild_index(school_id)
    db.session.commit()
    return count
