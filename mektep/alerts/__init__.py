"""District alerts: a notice the district posts in every official language (schools
closed tomorrow for frost, say), shown at the top of every school's pages from its
start to its end, above the school's own banner.

The alerts exist once per district, so they live in the platform; the district's
console edits them (`mektep.district.alerts`) and every school's public layout
shows the live ones (`district_alerts()` in templates).
"""

from mektep.alerts.models import live_alerts, record_states
from mektep.jobs import add_sweep


def init_app(app):
    add_sweep(app, record_states)
    app.jinja_env.globals["district_alerts"] = live_alerts
