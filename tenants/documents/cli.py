"""`flask thumbnails ...`: catch up on previews and text reading from the command line."""

import click
from flask.cli import AppGroup

from mektep.extensions import db
from tenants.documents.jobs import requeue_text, requeue_thumbnails
from tenants.documents.models import StoredFile

thumbnails_cli = AppGroup("thumbnails", help="Thumbnails of uploaded files.")


@thumbnails_cli.command("sweep")
def sweep_command():
    """Queue every preview and text reading that is pending or stuck (the worker's sweeps)."""
    queued = requeue_thumbnails()
    counts = dict(
        db.session.execute(
            db.select(StoredFile.status, db.func.count(StoredFile.id)).group_by(StoredFile.status)
        ).all()
    )
    click.echo(
        f"Queued {queued} file(s). " + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    )
    click.echo(f"Queued {requeue_text()} text reading job(s).")
