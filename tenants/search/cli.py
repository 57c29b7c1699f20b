"""`flask search reindex [SLUG]`: rebuild the search index (after an upgrade that
adds a source, or to repair it); the index is otherwise kept current by itself."""

import click
from flask.cli import AppGroup

from mektep.cli import school_by_slug
from tenants.search.service import reindex

search_cli = AppGroup("search", help="The search index of the schools' sites.")


@search_cli.command("reindex")
@click.argument("slug", required=False)
def reindex_command(slug):
    """Rebuild the index of one school (SLUG) or of every school."""
    school = school_by_slug(slug) if slug else None
    count = reindex(school.id if school else None)
    click.echo(f"{count} search entries written for {school.slug if school else 'every school'}.")
