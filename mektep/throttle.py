"""Rate limits counted in Redis with the `limits` library.

Every limit is taken, not tested: `take` counts the attempt with one atomic
Redis increment and says whether it was within the limit, so a burst of
parallel requests cannot all pass a check made before any of them is counted.

`take_password_attempt` throttles guesses of a password per account and per
address (sign-in and the password-change page share the account's budget);
`take_reset_request` the "forgot password" requests the same way; `take` alone
serves any other limit (e.g. visitors' posts per address).
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


def take(limit, *key):
    """Count one attempt of `key` against `limit` (a string like "5 per 10 minutes").

    Returns 0 when the attempt is within the limit, else the minutes until the
    window resets: the caller refuses the attempt."""
    limiter, item = _limiter(), parse(limit)
    if limiter.hit(item, *key):
        return 0
    reset_at = limiter.get_window_stats(item, *key).reset_time
    return max(1, round((reset_at - time.time()) / 60))


def _password_keys(email):
    config = current_app.config
    return (
        (config["LOGIN_LIMIT_PER_ACCOUNT"], "login-account", email.lower()),
        (config["LOGIN_LIMIT_PER_ADDRESS"], "login-address", request.remote_addr or ""),
    )


def take_password_attempt(email):
    """Count a password guess for the account `email` from this address, before
    the password is checked. Returns the minutes it stays refused (0: go ahead)."""
    return max([take(limit, *key) for limit, *key in _password_keys(email)])


def password_accepted(email):
    """The right password was given: the account's failures are forgotten and
    this attempt is given back to the address (colleagues share an address)."""
    (account_limit, *account_key), (address_limit, *address_key) = _password_keys(email)
    limiter = _limiter()
    limiter.clear(parse(account_limit), *account_key)
    limiter.hit(parse(address_limit), *address_key, cost=-1)


def take_reset_request(email):
    """Count a "forgot password" request for `email` (whether an account has it or
    not: the answer must not tell) from this address. Returns the minutes it
    stays refused (0: go ahead)."""
    config = current_app.config
    limits = (
        (config["RESET_LIMIT_PER_ACCOUNT"], "reset-account", email.lower()),
        (config["RESET_LIMIT_PER_ADDRESS"], "reset-address", request.remote_addr or ""),
    )
    return max([take(limit, *key) for limit, *key in limits])
