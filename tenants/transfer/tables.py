"""Which tables and columns travel in a school's archive, read from the models'
metadata, so that a table added later travels by itself:

- the school's own row (`school`);
- every table with a `school_id` column (that school's rows), and every table
  whose rows belong to such rows by a required foreign key (the rows of the
  parents that travel): settings, domains, content and its history, stored
  files, discussion, memberships, the audit log, and whatever a later part adds;
- accounts (`user`), only those the school's rows name and only their e-mail and
  name (`ACCOUNT_COLUMNS`): the target deployment finds them again by e-mail;
- nothing else: `LEFT_OUT` names every other table with the reason.

`problems()` lists what fits none of these (a new district-wide table, a new
account column, a reference to a table that does not travel, an id kept
without a foreign key that nothing remaps); `tests/transfer/test_tables.py`
fails on any, so nothing is left behind unnoticed.
"""

from sqlalchemy import Integer, select

from mektep.extensions import db
from tenants.transfer.references import UNKEYED_IDS

SCHOOL = "school"
ACCOUNTS = "user"
# What an archive says of an account: enough to find it again, nothing it owns.
ACCOUNT_COLUMNS = ("id", "email", "display_name")
ACCOUNT_COLUMNS_LEFT_OUT = {
    "password_hash": "credentials belong to the account's owner and never leave the deployment",
    "session_version": "belongs to the owner's sign-ins in this deployment",
    "is_district_admin": "a role in the deployment: an archive never grants it",
    "active": "the target deployment decides whether an account may sign in",
    "created_at": "the account's own history in the target deployment",
    "district_deactivated_at": "a role in the deployment: an archive never grants or ends it",
    "language": "the owner's own choice of language for e-mail, made in the target deployment",
    "last_language": "where the owner last read the console, in this deployment",
}
LEFT_OUT = {
    "search_entry": "the search index is derived from the content: rebuilt after an import",
    "stop_word": "district-wide: each deployment keeps its own list of stop words",
    "mail_message": "mail of this deployment: its set-up and reset links work only here",
    "district_period": "district-wide: each deployment's district sets its own update periods",
    "district_snapshot": "district-wide figures of this deployment's schools",
    "periodic_run": "when this deployment's workers last ran their weekly and daily tasks",
    "district_alert": "district-wide: each deployment's district posts its own alerts",
    "district_branding": "district-wide: each deployment's district sets its own colour rule",
}


def _tables():
    return {table.name: table for table in db.metadata.sorted_tables}


def _school_key(table):
    column = table.columns.get("school_id")
    if column is None:
        return None
    return column if any(fk.column.table.name == SCHOOL for fk in column.foreign_keys) else None


def _required_parent_key(table, owned):
    """The first required foreign key of `table` to a table in `owned`, or None."""
    for column in table.columns:
        if column.nullable:
            continue
        for fk in column.foreign_keys:
            if fk.column.table.name in owned and fk.column.table.name != table.name:
                return column, fk.column
    return None


def owned_tables():
    """The tables of a school's rows (the school's own table aside), in the order
    their rows can be inserted (referenced tables first)."""
    owned = set()
    tables = _tables()
    candidates = {name: t for name, t in tables.items() if name not in (SCHOOL, ACCOUNTS)}
    candidates = {name: t for name, t in candidates.items() if name not in LEFT_OUT}
    changed = True
    while changed:
        changed = False
        for name, table in candidates.items():
            if name not in owned and (
                _school_key(table) is not None or _required_parent_key(table, owned)
            ):
                owned.add(name)
                changed = True
    return [table for name, table in tables.items() if name in owned]


def selection(table, school_id):
    """A SELECT of the rows of `table` (an owned table) that belong to the school."""
    key = _school_key(table)
    if key is not None:
        return select(table).where(key == school_id)
    owned = {t.name for t in owned_tables()}
    column, parent_column = _required_parent_key(table, owned)
    parents = selection(parent_column.table, school_id).with_only_columns(parent_column)
    return select(table).where(column.in_(parents))


def foreign_target(column):
    """The table a column's foreign key points to, or None."""
    return next((fk.column.table.name for fk in column.foreign_keys), None)


def account_columns(table):
    """The foreign-key columns of `table` that name an account."""
    return [column for column in table.columns if foreign_target(column) == ACCOUNTS]


def single_integer_key(table):
    """The primary key column when it is one integer (its values are remapped), else None."""
    columns = list(table.primary_key.columns)
    if len(columns) == 1 and isinstance(columns[0].type, Integer):
        return columns[0]
    return None


def problems():
    """What the rules above do not cover, each as a sentence (empty: all is covered)."""
    tables = _tables()
    owned = {table.name for table in owned_tables()}
    travelling = owned | {SCHOOL, ACCOUNTS}
    found = [
        f"table {name} neither belongs to a school nor is in LEFT_OUT (say why it stays behind)"
        for name in tables
        if name not in travelling and name not in LEFT_OUT
    ]
    found += [
        f"LEFT_OUT names {name}, which no model has" for name in LEFT_OUT if name not in tables
    ]
    found += [
        f"account column {column.name} is neither in ACCOUNT_COLUMNS nor in "
        "ACCOUNT_COLUMNS_LEFT_OUT"
        for column in tables[ACCOUNTS].columns
        if column.name not in ACCOUNT_COLUMNS and column.name not in ACCOUNT_COLUMNS_LEFT_OUT
    ]
    for name in sorted(owned | {SCHOOL}):
        table = tables[name]
        for column in table.columns:
            target = foreign_target(column)
            if target is not None and target not in travelling:
                found.append(f"{name}.{column.name} refers to {target}, which does not travel")
            unkeyed = (
                target is None
                and not column.primary_key
                and isinstance(column.type, Integer)
                and column.name.endswith("_id")
            )
            if unkeyed and (name, column.name) not in UNKEYED_IDS:
                found.append(
                    f"{name}.{column.name} looks like an id without a foreign key: remap it "
                    "in tenants/transfer/references.py or give it a foreign key"
                )
    return found
