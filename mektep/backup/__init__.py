"""Backups of the whole deployment (`flask backup create DIR`, `flask backup
restore DIR`, in `deployment.py`), and what they share with a school's
portable archive (`tenants/transfer/`): one consistent view of the database
(`snapshot.py`), the list of stored files (`keys.py`), schema revisions
(`versions.py`, `migrating.py`) and hashed copies (`streams.py`)."""


def init_app(app):
    from mektep.backup.cli import backup_cli

    app.cli.add_command(backup_cli)
