"""`flask backup create DIR`, `flask backup verify DIR`, `flask backup restore DIR`."""

from pathlib import Path

import click
from flask.cli import AppGroup

from mektep.backup.deployment import (
    BackupProblem,
    create_backup,
    restore_backup,
    verify_backup,
)
from mektep.backup.postgresql import ToolProblem
from mektep.backup.snapshot import UnsupportedDatabase

backup_cli = AppGroup("backup", help="Back up and restore the whole deployment.")
PROBLEMS = (BackupProblem, ToolProblem, UnsupportedDatabase)
FOLDER = click.Path(file_okay=False, path_type=Path)


def _attempt(action, folder, prefix=""):
    """`action(folder)`'s result, or the problem it met as the command's error."""
    try:
        return action(folder)
    except PROBLEMS as problem:
        raise click.ClickException(f"{prefix}{problem}") from None


@backup_cli.command("create")
@click.argument("folder", type=FOLDER)
def create_command(folder):
    """Back up the database and every stored file into FOLDER (new or empty)."""
    summary = _attempt(create_backup, folder)
    counts = summary.counts
    click.echo(
        f"Backed up the {summary.database} database (revision {summary.revision}: "
        f"{counts['school']} schools, {counts['user']} accounts) and {summary.files} stored "
        f"files ({summary.file_bytes:,} bytes) into {folder}."
    )
    if summary.missing:
        click.echo(
            f"{len(summary.missing)} files the database names were not in storage "
            f"(deleted meanwhile, or lost: `flask storage verify` tells), e.g. {summary.missing[0]}"
        )


@backup_cli.command("verify")
@click.argument("folder", type=FOLDER)
def verify_command(folder):
    """Check every file of the backup in FOLDER against its manifest."""
    manifest = _attempt(verify_backup, folder)
    click.echo(
        f"The backup of {manifest['created_at']} is whole: {len(manifest['members'])} files "
        "match their checksums."
    )


@backup_cli.command("restore")
@click.argument("folder", type=FOLDER)
def restore_command(folder):
    """Restore the backup in FOLDER into this instance, whose database must be empty."""
    manifest = _attempt(restore_backup, folder, prefix="Refused: ")
    counts = manifest["counts"]
    click.echo(
        f"Restored the backup of {manifest['created_at']}: {counts['school']} schools, "
        f"{counts['user']} accounts, {counts['stored_files']} stored files. Start the web "
        "processes and a worker: its sweeps queue again whatever was waiting."
    )
