"""The WSGI entry point, for gunicorn and `flask --app wsgi`."""

from mektep import create_app

app = create_app()
