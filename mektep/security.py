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


def security_headers(config):
    """(name, value) of every security header, for a response that sets none of its own."""
    headers = [
        ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Frame-Options", "DENY"),
    ]
    hsts = strict_transport_security(config)
    if hsts is not None:
        headers.append(("Strict-Transport-Security", hsts))
    return headers


def add_security_headers(response):
    for name, value in security_headers(current_app.config):
        response.headers.setdefault(name, value)
    return response


def init_app(app):
    app.after_request(add_security_headers)
