"""Upload fields for any form that takes a file (documents, a news post's cover).

    cover = upload_field(_l("Cover photo"), pictures_only=True)
    ...
    stored = accept_upload(form.cover, current_user)   # None: errors are on the field
    post.cover_file_id = stored.id if stored else post.cover_file_id

The file is then stored, sniffed and queued for thumbnails like every upload;
show it with the `thumbnail` macro of `documents/macros.html`.
"""

from flask import g
from flask_babel import gettext as _
from flask_wtf.file import FileField, MultipleFileField

from tenants.documents.sniffing import ACCEPTED_HELP, PICTURE_TYPES, Refused
from tenants.documents.uploads import clean_filename, store_upload, upload_limit_mb

PICTURE_ACCEPT = "image/jpeg,image/png,image/webp"
DOCUMENT_ACCEPT = (
    ".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.jpg,.jpeg,.png,.webp,"
    "application/pdf,image/jpeg,image/png,image/webp"
)


def upload_help(pictures_only=False):
    accepted = _("JPEG, PNG or WebP.") if pictures_only else ACCEPTED_HELP
    return _("%(types)s Up to %(mb)s MB per file.", types=accepted, mb=upload_limit_mb())


def upload_field(label, pictures_only=False, multiple=False):
    field_class = MultipleFileField if multiple else FileField
    return field_class(
        label,
        render_kw={"accept": PICTURE_ACCEPT if pictures_only else DOCUMENT_ACCEPT},
    )


def _uploads(field):
    data = field.data if isinstance(field.data, list) else [field.data]
    return [upload for upload in data if upload is not None and upload.filename]


def accept_uploads(field, user, pictures_only=False):
    """Store every file chosen in `field`; refusals are added to the field's errors.

    Returns the new `StoredFile`s (pending, thumbnails queued on commit)."""
    stored_files = []
    for upload in _uploads(field):
        try:
            stored_files.append(
                store_upload(
                    upload.stream,
                    upload.filename,
                    g.school.id,
                    user,
                    allowed=PICTURE_TYPES if pictures_only else None,
                )
            )
        except Refused as refusal:
            name = clean_filename(upload.filename, "")
            field.errors = [*field.errors, f"{name}: {refusal.message}"]
    return stored_files


def accept_upload(field, user, pictures_only=False):
    stored_files = accept_uploads(field, user, pictures_only)
    return stored_files[0] if stored_files else None


def has_upload(field):
    return bool(_uploads(field))
