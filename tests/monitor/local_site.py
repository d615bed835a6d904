"""A real HTTP server on 127.0.0.1 for tests that fetch: feeds, sitemaps, articles, robots.txt, slow and huge pages.

    with LocalSite() as site:
        site.add("/rss.xml", feed_xml, content_type="application/rss+xml", etag='"v1"')
        site.add("/slow", "<p>...</p>", delay=2.0)
        site.add("/busy", "", status=503, times=2)        # 503 twice, then the next registration for the path
        site.add("/huge", stream=20_000_000)              # 20 MB of filler, streamed in chunks
        url = site.url("/rss.xml")
        ...
        site.requests_to("/rss.xml")[-1].headers["If-None-Match"]

Also a pytest fixture, `local_site` (tests/monitor/conftest.py). Paths answer 404 unless registered, robots.txt
included. Registered responses carrying an `etag` or `last_modified` answer 304 to a matching conditional GET.
Every request is recorded (path with query, headers) in `site.requests`. Other suites (end-to-end, Playwright)
can import it as `from tests.monitor.local_site import LocalSite`.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

_FILLER = b"<p>" + b"Isi pengisi halaman yang sangat panjang untuk menguji batas ukuran. " * 800 + b"</p>\n"


@dataclass(slots=True)
class Response:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line is sent
    etag: str | None = None
    last_modified: str | None = None
    stream: int = 0  # if > 0: send this many bytes of filler in chunks, without Content-Length
    times: int = 0  # if > 0: answer this way only this many times, then fall through to the next registration


@dataclass(frozen=True, slots=True)
class Request:
    path: str  # with the query string
    headers: dict[str, str]


class LocalSite:
    """A threaded HTTP server on a free port of 127.0.0.1, serving responses registered per path."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self._routes: dict[str, list[Response]] = {}
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                site._serve(self)

            def handle(self) -> None:
                # The fetcher closes connections on purpose (size limit, timeout, unread body).
                with contextlib.suppress(ConnectionResetError, BrokenPipeError):
                    super().handle()

            def log_message(self, format: str, *args: object) -> None:
                pass  # keep test output clean

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        # A short poll interval makes `stop()` (shutdown) take milliseconds instead of half a second.
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def add(
        self,
        path: str,
        body: bytes | str = b"",
        *,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        etag: str | None = None,
        last_modified: str | None = None,
        stream: int = 0,
        times: int = 0,
    ) -> None:
        """Register the answer for `path` (query strings are part of the path); later `add`s queue behind `times`."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        response = Response(data, content_type, status, dict(headers or {}), delay, etag, last_modified, stream, times)
        with self._lock:
            queue = self._routes.setdefault(path, [])
            if queue and not queue[-1].times:
                queue.pop()  # a plain re-registration replaces the previous answer
            queue.append(response)

    def requests_to(self, path: str) -> list[Request]:
        return [request for request in self.requests if urlsplit(request.path).path == path or request.path == path]

    def start(self) -> LocalSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> LocalSite:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    # -- serving -------------------------------------------------------------------------------------------

    def _next(self, path: str) -> Response | None:
        with self._lock:
            queue = self._routes.get(path) or self._routes.get(urlsplit(path).path)
            if not queue:
                return None
            response = queue[0]
            if response.times:
                response.times -= 1
                if response.times == 0 and len(queue) > 1:
                    queue.pop(0)
            return response

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        self.requests.append(Request(handler.path, dict(handler.headers.items())))
        response = self._next(handler.path)
        if response is None:
            self._send(handler, 404, {"Content-Type": "text/plain"}, b"not found")
            return
        if response.delay:
            time.sleep(response.delay)
        headers = {"Content-Type": response.content_type, **response.headers}
        if response.etag:
            headers["ETag"] = response.etag
        if response.last_modified:
            headers["Last-Modified"] = response.last_modified
        if _not_modified(handler, response):
            self._send(handler, 304, {key: value for key, value in headers.items() if key != "Content-Type"}, b"")
            return
        if response.stream:
            self._stream(handler, response, headers)
            return
        self._send(handler, response.status, headers, response.body)

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes) -> None:
        try:
            handler.send_response(status)
            for name, value in headers.items():
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            if body:
                handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeouts are what some tests check)

    @staticmethod
    def _stream(handler: BaseHTTPRequestHandler, response: Response, headers: dict[str, str]) -> None:
        handler.close_connection = True
        try:
            handler.send_response(response.status)
            for name, value in headers.items():
                handler.send_header(name, value)
            handler.send_header("Connection", "close")
            handler.end_headers()
            sent = 0
            while sent < response.stream:
                chunk = _FILLER[: response.stream - sent]
                handler.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the fetcher stopped reading at its size limit, as it should


def _not_modified(handler: BaseHTTPRequestHandler, response: Response) -> bool:
    if response.status != 200:
        return False
    if response.etag is not None:
        tags = [tag.strip() for tag in handler.headers.get("If-None-Match", "").split(",")]
        if response.etag in tags or "*" in tags:
            return True
    since = handler.headers.get("If-Modified-Since")
    if response.last_modified and since:
        try:
            return parsedate_to_datetime(response.last_modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


def running() -> Iterator[LocalSite]:
    """Generator for fixtures: a started site, stopped afterwards."""
    with LocalSite() as site:
        yield site
