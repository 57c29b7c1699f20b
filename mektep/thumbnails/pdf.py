"""PDFs with pypdfium2: the first page as a picture with the page count (the
preview), and the text of the pages (for search) a slice at a time.

The first page is rendered straight at the thumbnail's size, in RGB byte order,
so Pillow takes the bitmap without converting or scaling it again. Counting the
pages reads only the document's page tree, not the pages.
"""

import time

import pypdfium2 as pdfium

from mektep.thumbnails.rendering import Preview, UnusableFile

MAX_TEXT_PAGES = 300
MAX_TEXT_CHARS = 200_000
# Fewer visible characters than this on a page: no text layer (a scanned page).
MIN_PAGE_CHARS = 20


def open_document(source):
    """`source`: a path, bytes or a binary file object (kept open while in use)."""
    try:
        document = pdfium.PdfDocument(source)
    except pdfium.PdfiumError as error:
        reason = "encrypted" if "password" in str(error).lower() else "corrupt"
        raise UnusableFile(reason) from error
    if len(document) == 0:
        document.close()
        raise UnusableFile("corrupt")
    return document


def first_page_image(document, longest):
    """The first page scaled so that its longest side is `longest` pixels, and
    the page's size in points."""
    page = document[0]
    try:
        width, height = page.get_size()
        scale = longest / max(width, height, 1)
        bitmap = page.render(scale=scale, may_draw_forms=False, rev_byteorder=True)
        return bitmap.to_pil(), round(width), round(height)
    finally:
        page.close()


def render(source, longest):
    document = open_document(source)
    try:
        try:
            image, width, height = first_page_image(document, longest)
        except pdfium.PdfiumError as error:
            raise UnusableFile("corrupt") from error
        return Preview(image=image, page_count=len(document), width=width, height=height)
    finally:
        document.close()


def page_text(document, index):
    """The text of page `index`; a page pdfium cannot read has none."""
    try:
        page = document[index]
    except pdfium.PdfiumError:
        return ""
    try:
        text_page = page.get_textpage()
        try:
            return text_page.get_text_range()
        finally:
            text_page.close()
    except pdfium.PdfiumError:
        return ""
    finally:
        page.close()


def read_pages(source, first_page=0, seconds=None, room=MAX_TEXT_CHARS):
    """Read pages from `first_page` on, for about `seconds` (at least one page;
    None: to the end) and at most `room` characters.

    Returns (the text of each page read, the next page to read), the next page
    None once the document (up to MAX_TEXT_PAGES pages) is read or the room is full."""
    document = open_document(source)
    try:
        last = min(len(document), MAX_TEXT_PAGES)
        deadline = None if seconds is None else time.monotonic() + seconds
        pages, length, index = [], 0, first_page
        while index < last and length < room:
            if deadline is not None and index > first_page and time.monotonic() >= deadline:
                break
            pages.append(page_text(document, index).replace("\x00", ""))
            length += len(pages[-1]) + 1
            index += 1
    finally:
        document.close()
    done = index >= last or length >= room
    return pages, None if done else index


def read_text(source, first_page=0, seconds=None, room=MAX_TEXT_CHARS):
    """As `read_pages`, with the pages' text joined: (text, the next page to read)."""
    pages, next_page = read_pages(source, first_page, seconds, room)
    return "\n".join(pages)[:room], next_page


def has_text(page_text):
    """Whether a page's text layer holds text (more than a page number or a stray mark)."""
    return len("".join(page_text.split())) >= MIN_PAGE_CHARS
