"""gunicorn settings of the web app (deploy/systemd/mektep-web.service).

Process counts come from the environment (/etc/mektep/env): WEB_CONCURRENCY
worker processes (gunicorn reads it itself), WEB_THREADS threads each;
docs/deploy.md gives the figures for a 2-core and an 8-core machine.
"""

import os

bind = os.environ.get("WEB_BIND", "127.0.0.1:8000")
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "2"))
# A request is cut off after this many seconds (an upload of 25 MB on a slow
# line is read by nginx first, so the app never waits on the network).
timeout = 60
graceful_timeout = 30
keepalive = 5
# Each process is replaced after this many requests (with some jitter), so that
# no slow growth of memory is carried for weeks.
max_requests = 5000
max_requests_jitter = 500
# Errors and the app's request log (mektep/request_log.py) go to standard
# error, which systemd keeps in the journal; gunicorn's own access log is off.
accesslog = None
errorlog = "-"
