"""Fixtures of the low-vision mode, district alerts, translation staleness and the
stop-word check on publish: the district console signed in."""

import pytest


@pytest.fixture
def district(site, schools):
    apex = site()
    apex.login("district@mektep.kg")
    return apex
