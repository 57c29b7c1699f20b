"""Benchmark: thumbnail rendering, and upload-to-ready latency through one worker.

    .venv/bin/python bench/thumbnails.py [--repeat 15] [--uploads 40] [--rate 2]

Part 1 renders every real PDF and picture at hand (the demo documents, the test
files, and phone-sized photos drawn here) `--repeat` times, and prints the
median and p95 of (a) the PDF first-page thumbnail alone (open, render the
first page at the large size) and (b) the whole job's work (render, text,
both sizes as WebP and PNG).

Part 2 starts one real worker (`worker.py`) on a throw-away instance (SQLite
and the embedded Redis in a temporary folder, or DATABASE_URL / REDIS_URL if
set), uploads `--uploads` files (PDFs and photos in turn) at `--rate` per
second through the same path as the admin's upload form, and prints the
median and p95 of upload-to-ready time. The budgets are in design.md; this
script reports, it does not judge.
"""

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PDFS = sorted((ROOT / "mektep/demo/files").glob("*.pdf")) + [ROOT / "tests/files/sample.pdf"]
PICTURES = [ROOT / "tests/files" / name for name in ("photo.jpg", "picture.png", "picture.webp")]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(label, seconds):
    milliseconds = [value * 1000 for value in seconds]
    return (
        f"{label:<44} n={len(milliseconds):<4} median {statistics.median(milliseconds):7.1f} ms"
        f"   p95 {percentile(milliseconds, 0.95):7.1f} ms"
    )


def scanned_pdf(folder, photo):
    """A 2-page PDF of A4 scans at 300 dpi (pictures, no text), as many schools upload."""
    from PIL import Image

    page = Image.open(photo).convert("L").resize((2480, 3508))
    path = Path(folder) / "scan-a4-300dpi.pdf"
    page.save(path, "PDF", resolution=300, save_all=True, append_images=[page])
    return path


def phone_photos(folder):
    """Phone-sized JPEGs (12 and 3 megapixels), drawn like the demo's photos."""
    from PIL import Image

    from mektep.demo.documents import draw_photo

    paths = []
    for name, size in (("phone-12mp.jpg", (4000, 3000)), ("phone-3mp.jpg", (2000, 1500))):
        image = Image.open(draw_photo((120, 170, 225), (214, 186, 150))).resize(size)
        path = Path(folder) / name
        image.save(path, "JPEG", quality=88)
        paths.append(path)
    return paths


def timed(func, repeat):
    func()  # warm up: imports, font caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def render_times(repeat, photos, pdfs):
    from mektep.thumbnails import encode, render
    from mektep.thumbnails.pdf import first_page_image, open_document

    def first_page(path):
        document = open_document(path)
        first_page_image(document)
        document.close()

    def whole_job(path, file_type):
        rendering = render(path, file_type)
        encode(rendering.image)

    first_pages, pdf_jobs, picture_jobs = [], [], []
    print("Per file (whole job: render, text, 2 sizes × WebP + PNG):")
    for path in pdfs:
        first_pages += timed(lambda path=path: first_page(path), repeat)
        times = timed(lambda path=path: whole_job(path, "pdf"), repeat)
        pdf_jobs += times
        print("  " + summary(path.name, times))
    for path in PICTURES + photos:
        file_type = {"jpg": "jpeg"}.get(path.suffix[1:], path.suffix[1:])
        times = timed(lambda path=path, file_type=file_type: whole_job(path, file_type), repeat)
        picture_jobs += times
        print("  " + summary(path.name, times))
    print("All files:")
    print("  " + summary("PDF first-page thumbnail (budget < 60 ms)", first_pages))
    print("  " + summary("PDF whole job", pdf_jobs))
    print("  " + summary("picture whole job", picture_jobs))


def instance_env(folder):
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite")
    env.update(MEKTEP_INSTANCE_DIR=str(folder), STORAGE_DIR=f"{folder}/storage")
    env.setdefault("REDIS_URL", "")
    return env


def latency(uploads, rate, photos, pdfs):
    from flask_migrate import upgrade

    from mektep import create_app
    from mektep.extensions import db
    from mektep.queue import get_queue, redis_url
    from tenants.documents.models import StoredFile
    from tenants.documents.uploads import store_upload
    from tenants.models import School

    app = create_app()
    with app.app_context():
        upgrade()
        school = School(slug="bench", name_ky="Бенчмарк мектеби", name_ru="Школа бенчмарка")
        db.session.add(school)
        db.session.commit()
        school_id = school.id
        get_queue().empty()
        env = {**os.environ, "REDIS_URL": redis_url()}
    worker = subprocess.Popen(
        [sys.executable, str(ROOT / "worker.py")],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    sources = [path.read_bytes() for path in pdfs + photos[1:] + PICTURES[:1]]
    try:
        time.sleep(3)  # the worker's start-up
        with app.app_context():
            start = time.monotonic()
            for index in range(uploads):
                time.sleep(max(0, start + index / rate - time.monotonic()))
                content = sources[index % len(sources)]
                # A distinct byte per upload keeps every file its own content.
                content += b"\n" * (index + 1) if content.startswith(b"%PDF") else b""
                name = "upload.pdf" if content.startswith(b"%PDF") else "photo.jpg"
                store_upload(io.BytesIO(content), name, school_id)
                db.session.commit()
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                db.session.expire_all()
                left = db.session.scalar(
                    db.select(db.func.count(StoredFile.id)).where(
                        StoredFile.status.in_(("pending", "processing"))
                    )
                )
                if not left:
                    break
                time.sleep(0.2)
            rows = db.session.scalars(db.select(StoredFile)).all()
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    ready = [row for row in rows if row.status == "ready"]
    seconds = [(row.status_changed_at - row.created_at).total_seconds() for row in ready]
    print(
        f"Upload to ready, one worker, {rate} uploads/s, {uploads} uploads "
        f"({len(ready)} ready, {len(rows) - len(ready)} not):"
    )
    print("  " + summary("upload → ready (budget p95 < 2 s)", seconds))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--uploads", type=int, default=40)
    parser.add_argument("--rate", type=float, default=2.0, help="uploads per second")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mektep-bench-") as folder:
        # Before anything reads the configuration: a throw-away instance.
        os.environ.update(instance_env(folder))
        photos = phone_photos(folder)
        pdfs = [*PDFS, scanned_pdf(folder, photos[0])]
        render_times(args.repeat, photos, pdfs)
        latency(args.uploads, args.rate, photos, pdfs)


if __name__ == "__main__":
    main()
