"""Figures of each school over time: visits to its public pages (counted without
cookies or addresses), its compliance and overdue subjects snapshotted daily,
and what the district's dashboard and the head's report read of them."""


def init_app(app):
    from mektep.jobs import add_sweep
    from tenants.stats import snapshots, visits

    # Runs for pages answered by a view and by the page cache's before_request alike.
    app.after_request(visits.count_visit)
    add_sweep(app, visits.flush_visits)
    add_sweep(app, snapshots.take_snapshots)
