"""Rate limits counted in Redis with the `limits` library.

Every limit is taken, not tested: `take` counts the attempt with one atomic
Redis increment and says whether it was within the limit, so a burst of
parallel requests cannot all pass a check made before any of them is counted.

`take_password_attempt` throttles guesses of a password per account and per
address (sign-in and the password-change page share the account's budget);
`take_reset_request` the "forgot password" requests the same way; `take` alone
serves any other limit (e.g. visitors' posts per address).

While Redis is unreachable, the limits are counted in this process's memory
instead: each web process then allows the limit on its own. Failing open would
leave sign-in without any limit on password guessing for as long as the outage
lasts; a per-process count keeps it bounded (by the limit times the number of
processes) and asks nothing odd of the people signing in.
"""

import time

from flask import current_app, request
from limits import parse
from limits.storage import MemoryStorage, RedisStorage
from limits.strategies import FixedWindowRateLimiter

from mektep.queue import get_redis, with_redis


def _shared_limiter():
    """The limiter counting in Redis, shared by every process."""
    client = get_redis()
    known = current_app.extensions.get("mektep_limiter")
    if known is None or known[0] is not client:
        # The pool is what connects; the URL only satisfies the constructor.
        storage = RedisStorage(
            "redis://", connection_pool=client.connection_pool, key_prefix="mektep"
        )
        known = current_app.extensions["mektep_limiter"] = (client, FixedWindowRateLimiter(storage))
    return known[1]


def _local_limiter():
    """The limiter counting in this process's memory, while Redis is unreachable."""
    limiter = current_app.extensions.get("mektep_local_limiter")
    if limiter is None:
        limiter = FixedWindowRateLimiter(MemoryStorage())
        current_app.extensions["mektep_local_limiter"] = limiter
    return limiter


def _on_limiter(action):
    """`action(limiter)` on the shared limiter, or on this process's own while
    Redis cannot be reached."""
    return with_redis(
        lambda: action(_shared_limiter()),
        lambda: action(_local_limiter()),
        "rate limits are counted by each web process alone",
    )


def take(limit, *key):
    """Count one attempt of `key` against `limit` (a string like "5 per 10 minutes").

    Returns 0 when the attempt is within the limit, else the minutes until the
    window resets: the caller refuses the attempt."""
    item = parse(limit)

    def attempt(limiter):
        if limiter.hit(item, *key):
            return 0
        reset_at = limiter.get_window_stats(item, *key).reset_time
        return max(1, round((reset_at - time.time()) / 60))

    return _on_limiter(attempt)


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

    def forget(limiter):
        limiter.clear(parse(account_limit), *account_key)
        limiter.hit(parse(address_limit), *address_key, cost=-1)

    _on_limiter(forget)


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
