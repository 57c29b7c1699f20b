"""The school's stored files as its staff fetch them (every file, published or
not, through the tenant check), and the page that answers an upload over the
ceiling of a whole request (`MAX_REQUEST_MB`; a single file over `MAX_UPLOAD_MB`
is refused by the form, which keeps the rest)."""

import io

from flask import current_app, g, request
from flask_babel import gettext as _

from mektep.errors import render_error
from tenants.admin.blueprint import bp
from tenants.documents.models import StoredFile
from tenants.documents.serving import send_stored_file, send_thumbnail
from tenants.documents.uploads import upload_limit_mb

# A request over the ceiling is read to its end (up to this many times the
# ceiling) before the answer, so the browser sees the page instead of a reset
# connection.
DRAIN_FACTOR = 4


def _consume_body(length):
    """Read the refused body to its end, then leave the request an empty one, so
    that nothing rendering the answer tries to parse it again."""
    stream = request.environ.get("wsgi.input")
    if stream is not None and length <= DRAIN_FACTOR * current_app.config["MAX_CONTENT_LENGTH"]:
        remaining = length
        while remaining > 0:
            chunk = stream.read(min(remaining, 1024 * 1024))
            if not chunk:
                break
            remaining -= len(chunk)
    request.environ["wsgi.input"] = io.BytesIO()
    request.environ["CONTENT_LENGTH"] = "0"


@bp.errorhandler(413)
def upload_too_large(error):
    length = request.content_length or 0
    _consume_body(length)
    response, status = render_error(
        413,
        _("Upload too large"),
        _(
            "This upload weighs %(size)s MB in all, and at most %(ceiling)s MB can be sent "
            "at once (each file up to %(mb)s MB). Go back with your browser's Back button "
            "(the form keeps what you typed) and choose fewer or smaller files at a time.",
            size=max(1, round(length / (1024 * 1024))),
            ceiling=current_app.config["MAX_REQUEST_MB"],
            mb=upload_limit_mb(),
        ),
    )
    return response, status, {"Connection": "close"}


@bp.route("/files/<int:file_id>")
def file_download(file_id):
    return send_stored_file(StoredFile.get_for_school(file_id, g.school), public=False)


@bp.route("/files/<int:file_id>/thumbnail-<size>.<fmt>")
def file_thumbnail(file_id, size, fmt):
    stored = StoredFile.get_for_school(file_id, g.school)
    return send_thumbnail(stored, size, fmt, public=False)
