"""Helpers for the page cache's tests: what a response says of the cache."""

STATE = "X-Page-Cache"


def state(response):
    """ "hit", "miss" (rendered and stored) or None (rendered, not stored)."""
    return response.headers.get(STATE)


def text(response):
    return response.get_data(as_text=True)
