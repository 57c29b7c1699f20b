"""The WSGI entry point, for gunicorn and `flask --app wsgi`."""

import gc

from mektep import create_app

app = create_app()
# Everything loaded so far lives as long as the process: keeping it out of the
# garbage collector's scans removes the ~90 ms full-collection pauses that
# otherwise set a public page's p99.
gc.freeze()
