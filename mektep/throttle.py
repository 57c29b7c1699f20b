"""Rate limits counted in Redis with the `limits` library.

`minutes_blocked`/`count_failure` throttle failed sign-ins per account and per
address; `wait_minutes`/`count_hit` are the same mechanism for any other limit
(e.g. visitors' posts per address).
"""

import time

from flask import current_app, request
from limits import parse
from limits.storage import RedisStorage
from limits.strategies import FixedWindowRateLimiter

from mektep.queue import get_redis


def _limiter():
    limiter = current_app.extensions.get("mektep_limiter")
    if limiter is None:
        # The pool is what connects; the URL only satisfies the constructor.
        storage = RedisStorage(
            "redis://", connection_pool=get_redis().connection_pool, key_prefix="mektep"
        )
        limiter = current_app.extensions["mektep_limiter"] = FixedWindowRateLimiter(storage)
    return limiter


def wait_minutes(limit, *key):
    """Minutes until `key` is under `limit` (a string like "5 per 10 minutes"); 0: now."""
    limiter, limit = _limiter(), parse(limit)
    if limiter.test(limit, *key):
        return 0
    reset_at = limiter.get_window_stats(limit, *key).reset_time
    return max(1, round((reset_at - time.time()) / 60))


def count_hit(limit, *key):
    _limiter().hit(parse(limit), *key)


def _keys(email):
    config = current_app.config
    return (
        (config["LOGIN_LIMIT_PER_ACCOUNT"], "login-account", email.lower()),
        (config["LOGIN_LIMIT_PER_ADDRESS"], "login-address", request.remote_addr or ""),
    )


def minutes_blocked(email):
    """How many minutes sign-in stays refused for this account or address (0: not)."""
    return max(wait_minutes(limit, *key) for limit, *key in _keys(email))


def count_failure(email):
    for limit, *key in _keys(email):
        count_hit(limit, *key)


def clear_account(email):
    limit, *key = _keys(email)[0]
    _limiter().clear(parse(limit), *key)
