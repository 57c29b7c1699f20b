"""A school's documents: uploaded files with titles in ky and ru, kinds, and thumbnails.

Importing the package registers the thumbnail sweep with the worker.
"""

from tenants.documents import jobs  # noqa: F401
