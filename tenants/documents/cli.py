"""`flask thumbnails ...`: catch up on previews and text reading from the command
line; `flask storage verify [SLUG]`: check that every stored file is whole."""

import sys

import click
from flask.cli import AppGroup

from mektep.extensions import db
from tenants.documents.integrity import verify_files
from tenants.documents.jobs import requeue_text, requeue_thumbnails, retry
from tenants.documents.models import StoredFile
from tenants.models import School

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


storage_cli = AppGroup("storage", help="Stored files.")
PROBLEM_WORDS = {
    "missing": "original MISSING",
    "damaged": "original DAMAGED (its SHA-256 differs from the upload's)",
    "no_thumbnail": "thumbnail missing (the preview is queued to be made again)",
}


@storage_cli.command("verify")
@click.argument("slug", required=False)
def verify_command(slug):
    """Check that every stored file (of school SLUG, or of all) is whole: its
    original is there and hashes to what was uploaded, its thumbnails are
    there. Problems are shown in the school's admin; exits 1 if an original is
    missing or damaged (upload the same file again to repair it)."""
    school_id = None
    if slug is not None:
        school = db.session.scalar(db.select(School).where(School.slug == slug))
        if school is None:
            raise click.ClickException(f"No school with the address name {slug!r}.")
        school_id = school.id
    slugs = dict(db.session.execute(db.select(School.id, School.slug)).all())
    checked, counts = 0, dict.fromkeys(PROBLEM_WORDS, 0)
    for finding in verify_files(school_id):
        checked += 1
        stored = finding.stored
        if finding.problem is None:
            continue
        counts[finding.problem] += 1
        click.echo(
            f"{slugs.get(stored.school_id, stored.school_id)}: file #{stored.id} "
            f"{stored.original_name!r} ({stored.storage_key}): {PROBLEM_WORDS[finding.problem]}"
        )
        for row in finding.remake:
            retry(row)
        db.session.commit()
    click.echo(
        f"Checked {checked} stored file(s): {counts['missing']} missing, "
        f"{counts['damaged']} damaged, {counts['no_thumbnail']} without thumbnails."
    )
    if counts["missing"] or counts["damaged"]:
        sys.exit(1)
