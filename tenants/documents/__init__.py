"""A school's documents: uploaded files with titles in ky and ru, kinds, and
thumbnails; and the stored-file pipeline every upload goes through."""

from tenants.documents.owners import add_file_owner


def init_app(app):
    from mektep.backup.keys import add_key_source
    from mektep.jobs import add_sweep
    from tenants.documents import cleanup, jobs, ocr, search
    from tenants.documents.cli import storage_cli, thumbnails_cli
    from tenants.documents.display import file_size
    from tenants.documents.keys import stored_file_keys
    from tenants.documents.models import Document

    add_sweep(app, jobs.requeue_thumbnails)
    add_sweep(app, jobs.requeue_text)
    add_sweep(app, ocr.requeue_ocr)
    add_sweep(app, cleanup.remove_orphaned_files)
    add_file_owner(app, Document, Document.file_id, lambda: Document.published_at.is_not(None))
    add_key_source(app, stored_file_keys)
    search.init_app(app)
    app.cli.add_command(thumbnails_cli)
    app.cli.add_command(storage_cli)
    # Sizes of files, in the document centre and the admin's list alike.
    app.add_template_filter(file_size, "filesize")
