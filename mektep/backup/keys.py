"""Which stored files exist: each part that keeps files in storage says which
keys its rows use (`add_key_source(app, source)` from its `init_app`), so the
school archive and the deployment backup copy every one of them.

A source is `source(session, school_id=None)`, yielding `(key, required)` for
one school's rows (or every school's) as that session sees the database: the
backup asks it inside the database snapshot it copies, so the files match that
snapshot. A key that is not `required` may name a file that was never made (a
thumbnail of a failed preview): it is copied if it exists. A required one (an
upload's original) missing from storage is reported.
"""

import re

from mektep.registries import registry


def add_key_source(app, source):
    registry("stored_key_sources", app).append(source)


def stored_keys(session, school_id=None):
    """{key: required} of every key the rows seen by `session` use, sorted by key."""
    keys = {}
    for source in registry("stored_key_sources"):
        for key, required in source(session, school_id):
            keys[key] = keys.get(key, False) or required
    return dict(sorted(keys.items()))


# A key as backups and archives accept it: a few plain segments of letters,
# digits, dots, dashes and underscores, none starting with a dot (so never
# `..`), never absolute: it can name a file inside a folder and nothing else.
KEY_PATTERN = r"(?:[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}/){0,7}[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}"
SAFE_KEY = re.compile(KEY_PATTERN)


def is_safe_key(key):
    return isinstance(key, str) and SAFE_KEY.fullmatch(key) is not None
