"""`flask thumbnails ...`: catch up on thumbnails from the command line."""

import click
from flask.cli import AppGroup

from mektep.extensions import db
from tenants.documents.jobs import requeue_thumbnails
from tenants.documents.models import StoredFile

thumbnails_cli = AppGroup("thumbnails", help="Thumbnails of uploaded files.")


@thumbnails_cli.command("sweep")
def sweep_command():
    """Queue every file that is pending or stuck processing (the worker's sweep)."""
    queued = requeue_thumbnails()
    counts = dict(
        db.session.execute(
            db.select(StoredFile.status, db.func.count(StoredFile.id)).group_by(StoredFile.status)
        ).all()
    )
    click.echo(
        f"Queued {queued} file(s). " + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    )
