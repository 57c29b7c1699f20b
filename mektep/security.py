"""Response headers that every page carries, error pages included."""

from flask import current_app

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)


def strict_transport_security(config):
    """The HSTS header's value when the site's links are https (None otherwise).
    No includeSubDomains: a school's custom domain may have other sites under it."""
    if config["PREFERRED_URL_SCHEME"] != "https":
        return None
    return f"max-age={config['HSTS_MAX_AGE']}"


def add_security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    hsts = strict_transport_security(current_app.config)
    if hsts is not None:
        headers.setdefault("Strict-Transport-Security", hsts)
    return response


def init_app(app):
    app.after_request(add_security_headers)
