"""Office files (DOC/DOCX, XLS/XLSX, ODT/ODS) through LibreOffice headless, when
`soffice` is installed: converted to PDF in a private directory, then previewed
like any PDF; the PDF is returned too, so that the text job reads it instead of
converting the file a second time. Each conversion gets its own LibreOffice
profile (two conversions sharing one would block each other) and a time limit.
The folder is a job folder (`mektep/scratch.py`): if the job is killed, its
worker removes it and kills the LibreOffice processes still working in it."""

import os
import shutil
import signal
import subprocess
from pathlib import Path

from mektep import scratch
from mektep.thumbnails import pdf
from mektep.thumbnails.rendering import Preview, UnusableFile

CONVERT_SECONDS = 90


def soffice():
    return shutil.which("soffice")


def convert_to_pdf(source, file_type, workdir):
    """Write the binary file object `source` into `workdir` and convert it there
    (LibreOffice picks its import filter by the name's extension)."""
    path = Path(workdir) / f"input.{file_type}"
    with path.open("wb") as copy:
        shutil.copyfileobj(source, copy)
    command = [
        soffice(),
        f"-env:UserInstallation=file://{Path(workdir) / 'profile'}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(workdir),
        str(path),
    ]
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "HOME": str(workdir)},
    )
    try:
        process.wait(timeout=CONVERT_SECONDS)
    except subprocess.TimeoutExpired as error:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise UnusableFile("timeout") from error
    converted = path.with_suffix(".pdf")
    if process.returncode != 0 or not converted.is_file():
        raise UnusableFile("office_unreadable")
    return converted


def render(source, file_type, longest):
    if soffice() is None:
        return Preview(image=None)
    with scratch.job_folder(prefix="mektep-office-") as workdir:
        converted = convert_to_pdf(source, file_type, workdir).read_bytes()
    preview = pdf.render(converted, longest)
    preview.pdf = converted
    return preview
