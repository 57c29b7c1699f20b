"""`flask schools export SLUG FILE` and `flask schools import FILE [--slug NEW]`."""

from pathlib import Path

import click
from flask.cli import with_appcontext
from flask_babel import force_locale

from mektep.accounts.invitations import answer_url
from mektep.cli import school_by_slug
from mektep.extensions import db
from tenants.models import School
from tenants.transfer.exporting import export_school
from tenants.transfer.importing import ImportRefused, import_school


@click.command("export")
@with_appcontext
@click.argument("slug")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
def export_command(slug, file):
    """Write one school (every record and stored file) to a portable archive FILE."""
    school = school_by_slug(slug)
    if file.exists():
        raise click.ClickException(f"{file} exists already; name a new file.")
    summary = export_school(school, file)
    rows = sum(summary.rows.values())
    click.echo(
        f"Exported {school.slug} to {file}: {rows} rows in {len(summary.rows)} tables, "
        f"{summary.files} stored files ({summary.file_bytes:,} bytes)."
    )
    if summary.missing:
        click.echo(
            f"{len(summary.missing)} uploaded files the school's records name are missing from "
            f"storage and could not be included, e.g. {summary.missing[0]}"
        )


@click.command("import")
@with_appcontext
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--slug", help="Address of the imported school (default: the archive's).")
def import_command(file, slug):
    """Load a school archive FILE as a new school of this deployment."""
    with force_locale("en"):
        try:
            report = import_school(file, slug)
        except ImportRefused as refusal:
            raise click.ClickException(str(refusal)) from None
        school = db.session.get(School, report.school_id)
        rows = sum(report.rows.values())
        click.echo(
            f"Imported {school.slug}: {rows} rows in {len(report.rows)} tables, "
            f"{report.files} stored files."
        )
        _echo_accounts(report.accounts, school)
        if report.dropped:
            click.echo(
                f"Left out {sum(report.dropped.values())} versions of items deleted for good "
                "before the export (nothing could show them)."
            )


def _echo_accounts(accounts, school):
    for email, link in accounts.links.items():
        click.echo(f"Set-up link for the administrator {email}: {link}")
    others = len(accounts.created) - len(accounts.links)
    if others:
        click.echo(
            f"{others} more new accounts have no password yet: the school's administrator "
            "makes their set-up links on the school's Accounts page."
        )
    if accounts.existing:
        click.echo(
            f"{len(accounts.existing)} people already have an account here "
            f"({', '.join(accounts.existing)}): they join once they accept, signed in, at "
            f"{answer_url(school)}"
        )
    if accounts.absent:
        click.echo(
            f"{len(accounts.absent)} people named in the school's history are neither members "
            f"nor account holders here ({', '.join(accounts.absent)}): their names are left out."
        )
