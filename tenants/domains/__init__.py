"""A school's own domains: the rules of which host names a school may take and
which of its hosts is primary (`rules.py`), shared by the district console
(mektep/district/domains.py) and `flask schools domain` (`cli.py`)."""


def init_app(app):
    """`flask schools domain ...` (the district console's pages are mektep/district/domains.py)."""
    from mektep.cli import schools_cli
    from tenants.domains.cli import domain_cli

    schools_cli.add_command(domain_cli)
