"""A school's portable archive: `flask schools export` writes every record and
stored file of one school to a file; `flask schools import` loads such a file
into any deployment of the same or a later version, SQLite or PostgreSQL,
whatever its storage, as a new school.

`tables.py` decides what travels (read from the models' metadata, so that a
table added later travels by itself), `archive.py` is the file format and its
checks, `exporting.py` and `importing.py` the two directions, `accounts.py`
how people are found again, `references.py` the ids kept without a foreign
key, `staging.py` archives of an older schema.
"""


def init_app(app):
    from mektep.cli import schools_cli
    from tenants.transfer.cli import export_command, import_command

    schools_cli.add_command(export_command)
    schools_cli.add_command(import_command)
