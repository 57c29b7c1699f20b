"""The update schedule of a school's site (G2, regulation 1.8): how often each
/sveden/ section, the news and the events must be updated, when each is next
due for review, and the weekly reminder of what is overdue.

The district sets a default period per subject; a school's admin may shorten
it, never lengthen it. A subject's "review by" date runs from its last update
or its last review (an admin confirming that nothing changed), whichever is
later."""


def init_app(app):
    from mektep.jobs import add_sweep
    from tenants.schedule import reminders

    add_sweep(app, reminders.send_weekly_reminders)
