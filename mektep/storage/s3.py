"""Stored files in an S3-compatible bucket (`STORAGE_URL=s3://bucket/prefix`),
shared by every web and worker machine of a deployment.

The endpoint is `S3_ENDPOINT_URL` (any S3-compatible service; empty means AWS
itself, or boto3's own `AWS_ENDPOINT_URL`), the credentials and region come
from the standard AWS environment variables (`AWS_ACCESS_KEY_ID`,
`AWS_SECRET_ACCESS_KEY`, `AWS_DEFAULT_REGION`) or any other source boto3 reads.
Uploads go up in parts of 8 MB and downloads come down as streams, so no file
is ever held whole in memory.
"""

import os
import tempfile
import threading
from contextlib import contextmanager

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import ClientError

from mektep.storage.common import CHUNK, Stat

MISSING_CODES = {"404", "NoSuchKey", "NotFound"}
TRANSFER = TransferConfig(
    multipart_threshold=8 * CHUNK, multipart_chunksize=8 * CHUNK, use_threads=False
)
CLIENT_CONFIG = Config(
    connect_timeout=5,
    read_timeout=60,
    retries={"max_attempts": 3, "mode": "standard"},
    # Checksums only where the service asks for them: some S3-compatible
    # services refuse the newer default trailing checksums.
    request_checksum_calculation="when_required",
    response_checksum_validation="when_required",
)


@contextmanager
def _absent_as_not_found(key):
    """Turn the service's "no such key" into FileNotFoundError, as the local folder does."""
    try:
        yield
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in MISSING_CODES:
            raise FileNotFoundError(key) from error
        raise


class S3Storage:
    def __init__(self, bucket, prefix="", endpoint_url=None):
        self.bucket = bucket
        self.prefix = f"{prefix}/" if prefix else ""
        self.endpoint_url = endpoint_url
        self._clients = {}
        self._lock = threading.Lock()

    @property
    def client(self):
        """One client per process (a forked web worker makes its own)."""
        pid = os.getpid()
        client = self._clients.get(pid)
        if client is None:
            with self._lock:
                client = self._clients.get(pid)
                if client is None:
                    client = self._clients[pid] = boto3.session.Session().client(
                        "s3",
                        endpoint_url=self.endpoint_url,
                        region_name=os.environ.get("AWS_DEFAULT_REGION")
                        or os.environ.get("AWS_REGION")
                        or "us-east-1",
                        config=CLIENT_CONFIG,
                    )
        return client

    def _key(self, key):
        if not key or key.startswith("/") or ".." in key.split("/"):
            raise ValueError(f"bad storage key {key!r}")
        return self.prefix + key

    def save(self, key, source):
        """Store the readable binary stream `source` under `key` (a PUT is atomic)."""
        self.client.upload_fileobj(source, self.bucket, self._key(key), Config=TRANSFER)

    def open(self, key, start=0, end=None):
        """A binary stream of the bytes [start, end) of `key`."""
        options = {}
        if start or end is not None:
            options["Range"] = f"bytes={start}-{'' if end is None else end - 1}"
        with _absent_as_not_found(key):
            answer = self.client.get_object(Bucket=self.bucket, Key=self._key(key), **options)
        return _Body(answer["Body"])

    @contextmanager
    def local_copy(self, key):
        with tempfile.TemporaryFile(prefix="mektep-s3-") as copy:
            with _absent_as_not_found(key):
                self.client.download_fileobj(self.bucket, self._key(key), copy, Config=TRANSFER)
            copy.seek(0)
            yield copy

    def stat(self, key):
        with _absent_as_not_found(key):
            head = self.client.head_object(Bucket=self.bucket, Key=self._key(key))
        return Stat(
            size=head["ContentLength"],
            version=head["ETag"].strip('"').replace("-", "."),
            modified=head["LastModified"],
        )

    def exists(self, key):
        try:
            self.stat(key)
        except FileNotFoundError:
            return False
        return True

    def delete(self, key):
        self.client.delete_object(Bucket=self.bucket, Key=self._key(key))

    def keys(self, prefix=""):
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=self.prefix + prefix
        )
        for page in pages:
            for item in page.get("Contents", ()):
                yield item["Key"][len(self.prefix) :]


class _Body:
    """boto3's streaming body as a file object that closes its connection."""

    def __init__(self, body):
        self._body = body

    def read(self, size=-1):
        return self._body.read(None if size is None or size < 0 else size)

    def readable(self):
        return True

    def close(self):
        self._body.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
