"""PDF previews with pypdfium2: the first page as a picture, page count and text."""

import pypdfium2 as pdfium

from mektep.thumbnails.rendering import SIZES, Rendering, UnusableFile

MAX_TEXT_PAGES = 300
MAX_TEXT_CHARS = 200_000


def open_document(path):
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        reason = "encrypted" if "password" in str(error).lower() else "corrupt"
        raise UnusableFile(reason) from error
    if len(document) == 0:
        document.close()
        raise UnusableFile("corrupt")
    return document


def first_page_image(document):
    """The first page, scaled so its longest side is the large thumbnail size."""
    page = document[0]
    width, height = page.get_size()
    scale = SIZES["large"] / max(width, height, 1)
    image = page.render(scale=scale, may_draw_forms=False).to_pil()
    page.close()
    return image, round(width), round(height)


def extract_text(document):
    parts, total = [], 0
    for index in range(min(len(document), MAX_TEXT_PAGES)):
        page = document[index]
        text_page = page.get_textpage()
        text = text_page.get_text_range()
        text_page.close()
        page.close()
        parts.append(text)
        total += len(text)
        if total >= MAX_TEXT_CHARS:
            break
    return "\n".join(parts)[:MAX_TEXT_CHARS].replace("\x00", "")


def render(path):
    document = open_document(path)
    try:
        try:
            image, width, height = first_page_image(document)
        except pdfium.PdfiumError as error:
            raise UnusableFile("corrupt") from error
        return Rendering(
            image=image,
            page_count=len(document),
            width=width,
            height=height,
            text=extract_text(document),
        )
    finally:
        document.close()
