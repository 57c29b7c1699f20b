"""A real S3-protocol server for the storage tests: moto's standalone server,
started once per test session as a subprocess on loopback (nothing for CI to
start), and `bucket` that points the app (and the workers it starts) at a fresh
bucket of it for one test."""

import socket
import subprocess
import sys
import time
import uuid

import boto3
import pytest

from mektep.storage import get_storage
from tests.documents.conftest import file_bytes

CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint(tmp_path_factory):
    """The address of a running moto server, stopped at the end of the session."""
    port = free_port()
    log = (tmp_path_factory.mktemp("moto") / "moto.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"the moto server did not start (see {log.name})")
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)
    log.close()


@pytest.fixture
def bucket(app, s3_endpoint, monkeypatch):
    """The app's storage is a new bucket of the moto server (under a prefix) for
    this test; its web requests and the workers it runs all use it."""
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    name = f"mektep-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1").create_bucket(Bucket=name)
    saved = {key: app.config[key] for key in ("STORAGE_URL", "S3_ENDPOINT_URL")}
    app.config.update(STORAGE_URL=f"s3://{name}/district", S3_ENDPOINT_URL=s3_endpoint)
    app.extensions.pop("mektep_storage", None)
    # No app context is held open: the test's requests must each get their own.
    yield get_storage(app)
    app.config.update(saved)
    app.extensions.pop("mektep_storage", None)


@pytest.fixture(params=["local", "s3"])
def storage(request, app):
    """Each backend in turn, empty: the local folder and a bucket."""
    if request.param == "s3":
        yield request.getfixturevalue("bucket")
        return
    app.extensions.pop("mektep_storage", None)
    yield get_storage(app)
    app.extensions.pop("mektep_storage", None)


def pdf_of(megabytes):
    """A valid PDF weighing `megabytes` MB: the sample with a long comment appended."""
    sample = file_bytes("sample.pdf")
    padding = megabytes * 1024 * 1024 - len(sample) - len(b"\n%\n%%EOF\n")
    return sample + b"\n%" + b"0" * padding + b"\n%%EOF\n"
