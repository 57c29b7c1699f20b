"""Failed sign-ins are counted in Redis, per account and per address, with the
`limits` library; past the limit, sign-in is refused until the window ends."""

import time

from flask import current_app, request
from limits import parse
from limits.storage import RedisStorage
from limits.strategies import FixedWindowRateLimiter

from mektep.queue import get_redis


def _limiter():
    limiter = current_app.extensions.get("mektep_login_limiter")
    if limiter is None:
        # The pool is what connects; the URL only satisfies the constructor.
        storage = RedisStorage(
            "redis://", connection_pool=get_redis().connection_pool, key_prefix="mektep"
        )
        limiter = current_app.extensions["mektep_login_limiter"] = FixedWindowRateLimiter(storage)
    return limiter


def _keys(email):
    config = current_app.config
    return (
        (parse(config["LOGIN_LIMIT_PER_ACCOUNT"]), "login-account", email.lower()),
        (parse(config["LOGIN_LIMIT_PER_ADDRESS"]), "login-address", request.remote_addr or ""),
    )


def minutes_blocked(email):
    """How many minutes sign-in stays refused for this account or address (0: not)."""
    limiter = _limiter()
    waits = []
    for limit, *key in _keys(email):
        if not limiter.test(limit, *key):
            reset_at = limiter.get_window_stats(limit, *key).reset_time
            waits.append(max(1, round((reset_at - time.time()) / 60)))
    return max(waits, default=0)


def count_failure(email):
    limiter = _limiter()
    for limit, *key in _keys(email):
        limiter.hit(limit, *key)


def clear_account(email):
    limiter = _limiter()
    limit, *key = _keys(email)[0]
    limiter.clear(limit, *key)
