"""The portable archive of one school, a zip file of:

- `manifest.json`: the format and its version, the schema revision of the
  deployment that wrote it, when, which school, each table's row count, and
  the SHA-256 and size of every other member;
- `tables/<table>.jsonl`: one JSON object per row (times and dates as ISO
  text, bytes as base64);
- `files/<key>`: every stored file the rows use, byte for byte, under its
  storage key without the school's prefix (`12/ab/ab…pdf` → `files/ab/ab…pdf`).

Writing streams every member (rows from a cursor, files from storage) and
lands the archive under its name only once complete. Opening one checks,
before anything is used, that it is a whole zip file, that every member has a
safe name (no `..`, no absolute path, nothing but the three kinds above), that
the manifest lists exactly the members there are, and that each member's
size and SHA-256 are the manifest's; anything else is an `ArchiveProblem`
saying what is wrong.
"""

import base64
import json
import os
import re
import shutil
import zipfile
import zlib
from contextlib import contextmanager
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from mektep.backup.keys import KEY_PATTERN
from mektep.backup.streams import CHUNK, HashingWriter, digest_of

FORMAT = "mektep-school-archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MANIFEST_MAX_BYTES = 64 * 1024 * 1024
TABLE_MEMBER = re.compile(r"tables/([a-z_][a-z0-9_]{0,62})\.jsonl")
FILE_MEMBER = re.compile(f"files/({KEY_PATTERN})")
DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError)


class ArchiveProblem(Exception):
    """The archive cannot be used; the message says why, for the operator."""


def _encode(value):
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, Decimal):
        return str(value)
    return value


def encode_row(row):
    """A row (a mapping of column values) as a JSON-ready dict."""
    return {name: _encode(value) for name, value in row.items()}


def _python_type(column):
    try:
        return column.type.python_type
    except NotImplementedError:
        return None


_DECODERS = {
    datetime: datetime.fromisoformat,
    date: date.fromisoformat,
    time: time.fromisoformat,
    bytes: base64.b64decode,
    Decimal: Decimal,
}


def decode_row(table, data):
    """The column values of `table` a JSON row holds (ArchiveProblem if it does not fit)."""
    if not isinstance(data, dict):
        raise ArchiveProblem(f"a row of {table.name} is not a JSON object")
    row = {}
    for name, value in data.items():
        column = table.columns.get(name)
        if column is None:
            raise ArchiveProblem(f"table {table.name} has no column {name!r} in this version")
        decoder = _DECODERS.get(_python_type(column))
        try:
            row[name] = decoder(value) if decoder and value is not None else value
        except (TypeError, ValueError) as error:
            raise ArchiveProblem(f"{table.name}.{name} holds {value!r}: {error}") from None
    return row


class ArchiveWriter:
    """Writes an archive at `path`, through `path.part` until `close()`."""

    def __init__(self, path):
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".part")
        self.zip = zipfile.ZipFile(self.partial, "w", allowZip64=True)
        self.members = {}

    @contextmanager
    def _member(self, name, compress):
        info = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        with self.zip.open(info, "w", force_zip64=True) as handle:
            writer = HashingWriter(handle)
            yield writer
        self.members[name] = writer.digest.summary()

    def add_rows(self, table_name, rows):
        """Write `rows` (JSON-ready dicts) as the table's member; returns how many."""
        count = 0
        with self._member(f"tables/{table_name}.jsonl", compress=True) as writer:
            for row in rows:
                writer.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode())
                writer.write(b"\n")
                count += 1
        return count

    def add_file(self, relative_key, source):
        """Copy the readable `source` in as `files/<relative_key>`."""
        name = f"files/{relative_key}"
        if not FILE_MEMBER.fullmatch(name):
            raise ValueError(f"unsafe storage key {relative_key!r}")
        # Stored, not deflated: PDFs, pictures and office files are compressed already.
        with self._member(name, compress=False) as writer:
            shutil.copyfileobj(source, writer, CHUNK)

    def close(self, manifest):
        manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, **manifest}
        manifest["members"] = self.members
        self.zip.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        self.zip.close()
        os.replace(self.partial, self.path)

    def abort(self):
        self.zip.close()
        self.partial.unlink(missing_ok=True)


class SchoolArchive:
    """An archive opened for reading, its structure and manifest checked;
    `verify()` checks every member's bytes."""

    def __init__(self, path):
        self.path = Path(path)
        try:
            self.zip = zipfile.ZipFile(self.path)
        except FileNotFoundError:
            raise ArchiveProblem(f"{self.path} does not exist") from None
        except DAMAGE as error:
            raise ArchiveProblem(
                f"{self.path} is not a complete school archive: it is damaged or cut short "
                f"({error})"
            ) from None
        try:
            self._check_names()
            self.manifest = self._read_manifest()
            self._check_members()
        except ArchiveProblem:
            self.zip.close()
            raise

    def close(self):
        self.zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _check_names(self):
        seen = set()
        for info in self.zip.infolist():
            name = info.filename
            safe = name == MANIFEST or TABLE_MEMBER.fullmatch(name) or FILE_MEMBER.fullmatch(name)
            if not safe:
                raise ArchiveProblem(
                    f"the archive holds a member with an unsafe or unknown name: {name!r}; "
                    "refused (a school archive holds only manifest.json, tables/ and files/)"
                )
            if name in seen:
                raise ArchiveProblem(f"the archive holds {name!r} twice; refused")
            seen.add(name)

    def _read_manifest(self):
        try:
            info = self.zip.getinfo(MANIFEST)
        except KeyError:
            raise ArchiveProblem("the archive has no manifest.json: not a school archive") from None
        if info.file_size > MANIFEST_MAX_BYTES:
            raise ArchiveProblem("the archive's manifest.json is implausibly large; refused")
        try:
            manifest = json.loads(self.zip.read(MANIFEST))
        except DAMAGE as error:
            raise ArchiveProblem(f"the archive's manifest.json is damaged ({error})") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ArchiveProblem("manifest.json does not describe a Mektep school archive")
        if manifest.get("format_version") != FORMAT_VERSION:
            raise ArchiveProblem(
                f"the archive is in format version {manifest.get('format_version')!r}; this "
                f"version of Mektep reads version {FORMAT_VERSION}: upgrade Mektep first"
            )
        shapes = {"schema_revision": str, "school": dict, "tables": dict, "members": dict}
        for key, shape in shapes.items():
            if not isinstance(manifest.get(key), shape):
                raise ArchiveProblem(f"manifest.json lacks a valid {key!r}")
        return manifest

    def _check_members(self):
        listed = self.manifest["members"]
        present = {name for name in self.zip.namelist() if name != MANIFEST}
        missing = sorted(set(listed) - present)
        if missing:
            raise ArchiveProblem(
                f"the archive is incomplete: {len(missing)} member(s) the manifest lists are "
                f"missing, e.g. {missing[0]}"
            )
        unlisted = sorted(present - set(listed))
        if unlisted:
            raise ArchiveProblem(
                f"the archive holds {unlisted[0]}, which its manifest does not list"
            )
        for name in self.manifest["tables"]:
            if f"tables/{name}.jsonl" not in listed:
                raise ArchiveProblem(
                    f"the manifest counts rows of {name!r} but has no member for them"
                )
        for name, expected in listed.items():
            if not isinstance(expected, dict) or not isinstance(expected.get("sha256"), str):
                raise ArchiveProblem(f"the manifest has no checksum for {name}")

    def verify(self):
        """Read every member and compare its size and SHA-256 with the manifest's."""
        for name, expected in self.manifest["members"].items():
            try:
                with self.zip.open(name) as handle:
                    digest = digest_of(handle)
            except DAMAGE as error:
                raise ArchiveProblem(f"member {name} of the archive is damaged ({error})") from None
            if digest.hexdigest != expected["sha256"] or digest.size != expected.get("size"):
                raise ArchiveProblem(
                    f"member {name} of the archive is damaged: its checksum differs from the "
                    "manifest's"
                )

    @property
    def table_names(self):
        return list(self.manifest["tables"])

    def rows(self, table_name):
        """Each row of the table's member, as decoded JSON (dicts)."""
        name = f"tables/{table_name}.jsonl"
        if name not in self.manifest["members"]:
            return
        try:
            with self.zip.open(name) as handle:
                for line in handle:
                    yield json.loads(line)
        except DAMAGE as error:
            raise ArchiveProblem(f"member {name} of the archive is damaged ({error})") from None

    def file_keys(self):
        """The relative storage key of every file in the archive."""
        return [
            name.removeprefix("files/")
            for name in self.manifest["members"]
            if name.startswith("files/")
        ]

    def open_file(self, relative_key):
        return self.zip.open(f"files/{relative_key}")
