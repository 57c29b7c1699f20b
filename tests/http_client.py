"""A visitor of a real server (a thread or another process) over real HTTP or
HTTPS, on loopback: it sends the host it visits as `Host` (and as the TLS server
name), keeps its own session cookie, and can leave from another loopback
address (127.0.0.2, ...) so that a proxy in between has a client to tell apart."""

import http.client
import ssl
import uuid
from dataclasses import dataclass
from urllib.parse import urlencode

from tests.conftest import CSRF_PATTERN, PASSWORD


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    text: str

    def header(self, name):
        return self.headers.get(name)


class _TLSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to an address, naming another host in its handshake."""

    def __init__(self, server_name, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.server_name = server_name

    def connect(self):
        http.client.HTTPConnection.connect(self)
        self.sock = self._context.wrap_socket(self.sock, server_hostname=self.server_name)


class Browser:
    def __init__(self, port, host, tls=None, source="127.0.0.1"):
        """`host` as a browser sends it ("school-a.mektep.test:8443"); `tls` an
        SSLContext trusting the server's certificate (None: plain HTTP)."""
        self.port, self.host, self.tls, self.source = port, host, tls, source
        self.cookie = ""

    def _connection(self):
        options = {"timeout": 60, "source_address": (self.source, 0)}
        if self.tls is None:
            return http.client.HTTPConnection("127.0.0.1", self.port, **options)
        name = self.host.split(":")[0]
        return _TLSConnection(name, "127.0.0.1", self.port, context=self.tls, **options)

    def request(self, method, path, body=None, headers=None):
        connection = self._connection()
        headers = {"Host": self.host, **(headers or {})}
        if method == "POST":
            # As a browser sends it from the site's own form (checked over HTTPS).
            scheme = "http" if self.tls is None else "https"
            headers.setdefault("Referer", f"{scheme}://{self.host}{path}")
        if self.cookie:
            headers["Cookie"] = self.cookie
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        reply = Reply(response.status, response.headers, response.read().decode(errors="replace"))
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        connection.close()
        return reply

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post(self, path, form, **headers):
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        return self.request("POST", path, urlencode(form), headers)

    def csrf_token(self, path):
        match = CSRF_PATTERN.search(self.get(path).text)
        assert match, f"no CSRF token on {path}"
        return match.group(1) or match.group(2)

    def submit(self, path, form, form_page=None):
        return self.post(path, {**form, "csrf_token": self.csrf_token(form_page or path)})

    def login(self, email, password=PASSWORD):
        return self.submit("/login", {"email": email, "password": password})

    def upload(self, path, form, files, form_page=None):
        """POST a multipart form: `files` is [(field, name, bytes)]."""
        boundary = uuid.uuid4().hex
        parts = []
        fields = {**form, "csrf_token": self.csrf_token(form_page or path)}
        for name, value in fields.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        for field, name, data in files:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; '
                f'filename="{name}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
                + data
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        content_type = f"multipart/form-data; boundary={boundary}"
        return self.request("POST", path, body, {"Content-Type": content_type})


def trusting(certificate):
    """An SSLContext that trusts `certificate` (a self-signed one made by a test)."""
    return ssl.create_default_context(cafile=str(certificate))
