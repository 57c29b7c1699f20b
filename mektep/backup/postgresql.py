"""pg_dump and pg_restore, run with the app's database URL (the password in the
environment, never on the command line)."""

import os
import shutil
import subprocess


class ToolProblem(Exception):
    """pg_dump or pg_restore is missing or failed; the message says how."""


def _run(tool, arguments, url):
    program = shutil.which(tool)
    if program is None:
        raise ToolProblem(
            f"{tool} is not installed: install PostgreSQL's client programs, of the server's "
            "major version or newer (Debian: apt-get install postgresql-client)"
        )
    environment = dict(os.environ)
    if url.password:
        environment["PGPASSWORD"] = url.password
    target = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    result = subprocess.run(
        [program, *arguments, f"--dbname={target}"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise ToolProblem(f"{tool} failed: {result.stderr.strip()[-2000:]}")


def dump(url, snapshot_id, path):
    """Dump the database at `url` as the exported snapshot sees it (custom format)."""
    _run("pg_dump", ["--format=custom", f"--snapshot={snapshot_id}", f"--file={path}"], url)


def restore(url, path):
    """Restore a dump into the (empty) database at `url`, all or nothing."""
    arguments = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    _run("pg_restore", [*arguments, str(path)], url)
