"""Rich text typed by school staff: sanitized on save with an allow-list (nh3),
and allow-listed again wherever a template shows it.

Two policies, both here: content (news, events, pages) allows tables and
quotes (`sanitize`); the mandated section's values allow a narrower list
(`sanitize_section_html`), which the content policy passes unchanged, so one
output filter (`as_html`, the `rich_html` template filter) serves both.

Staff type into a plain textarea. Text without markup is turned into
paragraphs (a blank line starts a new one); simple HTML is kept as long as
it is on the allow-list. Scripts, styles, event attributes and foreign
URL schemes never reach the database.
"""

import html
import re

import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "a", "hr",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
SECTION_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a", "h3", "h4"}
SECTION_ATTRIBUTES = {"a": {"href", "title"}}
SECTION_URL_SCHEMES = {"http", "https", "mailto"}
_TAG = re.compile(r"<[a-zA-Z/!]")
_BLOCK_TAG = re.compile(r"<(p|br|ul|ol|li|h3|h4)\b", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n\s*\n")


def _clean(html_text, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES):
    return nh3.clean(
        html_text,
        tags=tags,
        attributes=attributes,
        url_schemes=url_schemes,
        link_rel="noopener noreferrer nofollow",
    )


def _paragraphs(text):
    blocks = [block.strip() for block in _BLANK_LINE.split(text.replace("\r\n", "\n"))]
    return "".join(
        "<p>" + html.escape(block).replace("\n", "<br>") + "</p>" for block in blocks if block
    )


def sanitize(text):
    """Safe HTML for `text`: paragraphs for plain text, allow-listed markup otherwise."""
    text = (text or "").strip()
    if not text:
        return ""
    if not _TAG.search(text):
        text = _paragraphs(text)
    return _clean(text).strip()


def sanitize_section_html(raw):
    """A mandated section's rich value: allow-listed HTML; text without block tags
    keeps its paragraphs and line breaks (its inline tags kept too)."""
    if not _BLOCK_TAG.search(raw):
        paragraphs = re.split(r"\n\s*\n", raw.replace("\r\n", "\n"))
        raw = "".join(
            "<p>" + "<br>".join(p.strip().split("\n")) + "</p>" for p in paragraphs if p.strip()
        )
    return _clean(raw, SECTION_TAGS, SECTION_ATTRIBUTES, SECTION_URL_SCHEMES).strip()


def as_html(stored):
    """Stored rich text as a template shows it (the `rich_html` filter): allow-listed
    again on the way out, so that a row written by any path (an import, a version
    kept from before a rule changed) still shows no markup beyond the list. The
    mandated section's own rich text uses a narrower list, so it passes unchanged."""
    return Markup(_clean(stored or ""))


def plain_text(rich):
    """The words of sanitized HTML, for search, summaries and feeds."""
    stripped = nh3.clean(re.sub(r"<(br|/p|/li|/h\d|/tr)\b", r" \g<0>", rich or ""), tags=set())
    return " ".join(html.unescape(stripped).split())


def summary(rich, length=220):
    """The first words of `rich`, cut at a word boundary."""
    text = plain_text(rich)
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + "…"
