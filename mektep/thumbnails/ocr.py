"""Text recognition (OCR) of a scanned PDF's pages with Tesseract, when it is
installed with Kyrgyz and Russian data (Debian: tesseract-ocr, tesseract-ocr-kir,
tesseract-ocr-rus). A page is rendered with pypdfium2 in grey at 300 dpi and
handed to `tesseract` on its standard input; one thread, so that a worker's
recognition leaves the machine's other core to the web."""

import functools
import io
import os
import shutil
import subprocess

import pypdfium2 as pdfium

LANGUAGES = ("kir", "rus")
DPI = 300
PAGE_TIMEOUT = 120


class RecognitionFailed(Exception):
    """Tesseract did not read a page (it is missing, or failed on it)."""


@functools.lru_cache(maxsize=4)
def _available(path):
    command = shutil.which("tesseract", path=path)
    if command is None:
        return False
    try:
        listed = subprocess.run(
            [command, "--list-langs"], capture_output=True, text=True, timeout=20
        )
    except (OSError, subprocess.SubprocessError):
        return False
    known = set(listed.stdout.split()) | set(listed.stderr.split())
    return all(lang in known for lang in LANGUAGES)


def ocr_available():
    """Whether this process can recognize Kyrgyz and Russian text (on its PATH)."""
    return _available(os.environ.get("PATH", os.defpath))


def recognize_page(document, index):
    """The text Tesseract reads on page `index` of an open pypdfium2 document."""
    page = document[index]
    try:
        image = page.render(scale=DPI / 72, grayscale=True, may_draw_forms=False).to_pil()
    except pdfium.PdfiumError as error:
        raise RecognitionFailed(f"page {index} cannot be rendered") from error
    finally:
        page.close()
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    command = shutil.which("tesseract")
    if command is None:
        raise RecognitionFailed("tesseract is not installed")
    try:
        result = subprocess.run(
            [command, "stdin", "stdout", "-l", "+".join(LANGUAGES)],
            input=buffer.getvalue(),
            capture_output=True,
            timeout=PAGE_TIMEOUT,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise RecognitionFailed(str(error)) from error
    if result.returncode != 0:
        raise RecognitionFailed(result.stderr.decode("utf-8", "replace")[-500:])
    return result.stdout.decode("utf-8", "replace").replace("\x00", "")
