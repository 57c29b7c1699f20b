"""Figures of each school over time: visits to its public pages (counted without
cookies or addresses), its compliance and overdue subjects snapshotted daily,
and what the district's dashboard and the head's report read of them."""


def init_app(app):
    from mektep.jobs import add_sweep
    from mektep.pagecache import add_page_view_listener
    from tenants.stats import snapshots, visits

    # Called for pages answered by a view and from the page cache alike.
    add_page_view_listener(app, visits.count_view)
    add_sweep(app, visits.flush_visits)
    add_sweep(app, snapshots.take_snapshots)
