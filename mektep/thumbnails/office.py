"""Office files (DOC/DOCX, XLS/XLSX, ODT/ODS) through LibreOffice headless, when
`soffice` is installed: converted to PDF in a private directory, then previewed
like any PDF. Each conversion gets its own LibreOffice profile (two conversions
sharing one would block each other) and a time limit."""

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from mektep.thumbnails import pdf
from mektep.thumbnails.rendering import Rendering, UnusableFile

CONVERT_SECONDS = 90


def soffice():
    return shutil.which("soffice")


def convert_to_pdf(path, workdir):
    source = Path(workdir) / ("input" + Path(path).suffix)
    shutil.copyfile(path, source)
    command = [
        soffice(),
        f"-env:UserInstallation=file://{Path(workdir) / 'profile'}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(workdir),
        str(source),
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
    converted = source.with_suffix(".pdf")
    if process.returncode != 0 or not converted.is_file():
        raise UnusableFile("office_unreadable")
    return converted


def render(path):
    if soffice() is None:
        return Rendering(image=None)
    with tempfile.TemporaryDirectory(prefix="mektep-office-") as workdir:
        return pdf.render(convert_to_pdf(path, workdir))
