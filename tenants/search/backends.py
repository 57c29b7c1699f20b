"""Full-text matching behind one interface: FTS5 on SQLite, tsvector on PostgreSQL.

Both match the case-folded `terms` of the index, every word of the query as a
prefix (so «мектеп» finds «мектептин»), and both take the words of the query
through parameters only: nothing a visitor types becomes query syntax.
"""

import re

from sqlalchemy import text

from mektep.extensions import db

MAX_WORDS = 8
_WORD = re.compile(r"\w+")

SQLITE_QUERY = text(
    "SELECT e.id, e.kind, e.item_id, e.ref, e.title, e.body FROM search_fts "
    "JOIN search_entry e ON e.id = search_fts.rowid "
    "WHERE search_fts MATCH :match AND e.school_id = :school_id AND e.lang = :lang "
    "ORDER BY bm25(search_fts), e.id DESC LIMIT :limit OFFSET :offset"
)
# The expression must stay the one of the GIN index `ix_search_entry_tsv`.
POSTGRESQL_QUERY = text(
    "SELECT id, kind, item_id, ref, title, body FROM search_entry "
    "WHERE school_id = :school_id AND lang = :lang "
    "AND to_tsvector('simple', terms) @@ to_tsquery('simple', :match) "
    "ORDER BY ts_rank(to_tsvector('simple', terms), to_tsquery('simple', :match)) DESC, id DESC "
    "LIMIT :limit OFFSET :offset"
)


def query_words(query):
    """The words of a visitor's query, case-folded, at most MAX_WORDS."""
    return _WORD.findall((query or "").casefold())[:MAX_WORDS]


def _sqlite_match(words):
    return " ".join(f'"{word}"*' for word in words)


def _postgresql_match(words):
    return " & ".join(f"{word}:*" for word in words)


BACKENDS = {
    "sqlite": (SQLITE_QUERY, _sqlite_match),
    "postgresql": (POSTGRESQL_QUERY, _postgresql_match),
}


def match(school_id, lang, words, limit, offset=0):
    """Rows (id, kind, item_id, ref, title, body) of `school_id` in `lang` matching every word."""
    if not words:
        return []
    statement, make_match = BACKENDS[db.engine.dialect.name]
    params = {
        "match": make_match(words),
        "school_id": school_id,
        "lang": lang,
        "limit": limit,
        "offset": offset,
    }
    return db.session.execute(statement, params).all()
