"""Scratch folders of background jobs, removed even when their job is killed.

Each worker process claims a folder of its own under `INSTANCE_DIR/work/` and
holds an exclusive lock on its `.owner` file for as long as it lives (its work
horses inherit the lock; the kernel drops it when they all die, even by kill -9).
A job makes its temporary folders there (`job_folder`), and the programs it
starts (LibreOffice) name them on their command line. So:

- when a job ends in any way, its worker removes whatever it left
  (`clean_after_job`), killing the programs still naming it;
- when a worker is killed, the next worker to start, or any worker's sweep,
  finds its folder unlocked and does the same (`clean_abandoned`).

Outside a worker (tests, `flask` commands) jobs use the system's temporary folder.
"""

import contextlib
import fcntl
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path

import psutil
from flask import current_app

OWNER_FILE = ".owner"
# A folder without its owner file is being claimed right now, or was left half
# made by a worker killed at that very moment.
UNCLAIMED_GRACE_SECONDS = 60
_claimed = None


def work_root(instance_dir):
    return Path(instance_dir) / "work"


def claim(instance_dir):
    """Claim a scratch folder for this worker process; returns it."""
    global _claimed
    folder = work_root(instance_dir) / uuid.uuid4().hex
    folder.mkdir(parents=True)
    fd = os.open(folder / OWNER_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)  # held until this process and its horses end
    _claimed = folder
    return folder


def job_folder(prefix):
    """A temporary folder for a job (a context manager giving its path), in the
    worker's scratch folder when this process is a worker."""
    return tempfile.TemporaryDirectory(prefix=prefix, dir=_claimed)


def clean_after_job():
    """In a worker, once its work horse has ended: remove what the job left."""
    if _claimed is None:
        return
    for path in _claimed.iterdir():
        if path.name != OWNER_FILE:
            _remove(path)


def clean_abandoned(instance_dir=None):
    """Remove the scratch folders of workers that are gone, killing the programs
    still naming them; returns how many were removed. A sweep."""
    root = work_root(instance_dir or current_app.config["INSTANCE_DIR"])
    if not root.is_dir():
        return 0
    removed = 0
    for folder in root.iterdir():
        if folder == _claimed or not folder.is_dir():
            continue
        try:
            fd = os.open(folder / OWNER_FILE, os.O_RDWR)
        except FileNotFoundError:
            if time.time() - folder.stat().st_mtime > UNCLAIMED_GRACE_SECONDS:
                _remove(folder)
                removed += 1
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # its worker is alive
        else:
            _remove(folder)
            removed += 1
        finally:
            os.close(fd)
    return removed


def _remove(path):
    _kill_programs_naming(path)
    shutil.rmtree(path, ignore_errors=True)


def _kill_programs_naming(path):
    """Kill every process whose command line names `path` (or anything in it)."""
    name = str(path)
    for process in psutil.process_iter(["cmdline"]):
        if any(name in argument for argument in process.info["cmdline"] or ()):
            with contextlib.suppress(psutil.Error):
                process.kill()


def release():
    """At a worker's graceful exit: its scratch folder goes with it."""
    global _claimed
    if _claimed is not None:
        _remove(_claimed)
        _claimed = None
