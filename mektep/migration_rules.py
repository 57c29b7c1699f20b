"""What Alembic's autogenerate compares: everything in the models, except the
full-text search objects that only migrations make (SQLite's FTS5 tables and
PostgreSQL's tsvector index), which no model declares."""


def include_object(object, name, type_, reflected, compare_to):
    if type_ == "table" and name.startswith("search_fts"):
        return False
    return not (type_ == "index" and name == "ix_search_entry_tsv")
