"""Hashing and checking passwords with the configured method.

A check always spends one hashing of the configured method, even for an
address without an account or an account without a password yet: otherwise
the time a refusal takes tells whether an account exists.
"""

import secrets

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash


def hash_password(password):
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def _stand_in_hash():
    """A hash in the configured method that no password matches: checking a
    password against it costs exactly what checking a real one does."""
    return f"{current_app.config['PASSWORD_HASH_METHOD']}${secrets.token_hex(8)}$"


def verify(stored_hash, password):
    """Whether `password` matches `stored_hash` (None or empty: never)."""
    matches = check_password_hash(stored_hash or _stand_in_hash(), password)
    return bool(stored_hash) and matches
