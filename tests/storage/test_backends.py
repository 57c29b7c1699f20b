"""The storage interface (the one backups and exports use too) behaves the same
on the local folder and on a real S3-protocol server: streams in, streams out,
ranges, versions that change when bytes change, keys, deletion."""

import io
import os
import uuid

import pytest

from mektep.storage import storage_from_config, stored_sha256

CONTENT = os.urandom(3 * 1024 * 1024 + 17)  # more than one CHUNK, not a whole number of them


def _key():
    return f"test-{uuid.uuid4().hex}/ab/file.pdf"


def test_a_saved_stream_reads_back_whole_and_in_ranges(storage):
    key = _key()
    storage.save(key, io.BytesIO(CONTENT))
    assert storage.exists(key)
    with storage.open(key) as stream:
        assert stream.read() == CONTENT
    with storage.open(key, 1000, 2000) as stream:
        assert stream.read() == CONTENT[1000:2000]
    with storage.open(key, len(CONTENT) - 5) as stream:
        assert stream.read() == CONTENT[-5:]
    with storage.local_copy(key) as copy:
        copy.seek(10)
        assert copy.read(4) == CONTENT[10:14]
    stat = storage.stat(key)
    assert stat.size == len(CONTENT)
    assert stat.modified is not None


def test_version_changes_when_the_bytes_are_written_again(storage):
    key = _key()
    storage.save(key, io.BytesIO(b"first"))
    first = storage.stat(key).version
    storage.save(key, io.BytesIO(b"second, longer"))
    assert storage.stat(key).version != first
    assert stored_sha256(storage, key) == stored_sha256(storage, key)


def test_keys_list_what_is_stored_and_delete_removes(storage):
    prefix = f"test-{uuid.uuid4().hex}"
    keys = {f"{prefix}/a/one.pdf", f"{prefix}/b/two.png", f"{prefix}/three.webp"}
    for key in keys:
        storage.save(key, io.BytesIO(key.encode()))
    assert set(storage.keys(prefix)) == keys
    storage.delete(f"{prefix}/a/one.pdf")
    assert not storage.exists(f"{prefix}/a/one.pdf")
    assert set(storage.keys(prefix)) == keys - {f"{prefix}/a/one.pdf"}
    storage.delete(f"{prefix}/a/one.pdf")  # deleting what is gone is no error


def test_missing_keys_raise_file_not_found(storage):
    key = _key()
    for action in (storage.open, storage.stat, lambda key: stored_sha256(storage, key)):
        with pytest.raises(FileNotFoundError):
            action(key)
    with pytest.raises(FileNotFoundError), storage.local_copy(key):
        pass
    assert not storage.exists(key)


@pytest.mark.parametrize("key", ["", "/etc/passwd", "../outside", "a/../../b"])
def test_keys_cannot_leave_the_store(storage, key):
    with pytest.raises(ValueError):
        storage.save(key, io.BytesIO(b"x"))


def test_storage_url_must_name_a_bucket():
    for url in ("http://bucket/prefix", "s3://", "file:///tmp"):
        with pytest.raises(ValueError):
            storage_from_config({"STORAGE_URL": url, "STORAGE_DIR": "/tmp"})
