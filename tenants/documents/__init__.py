"""A school's documents: uploaded files with titles in ky and ru, kinds, and thumbnails.

Importing the package registers its sweeps (thumbnails, unused files) with the worker.
"""

from tenants.documents import cleanup, jobs  # noqa: F401
