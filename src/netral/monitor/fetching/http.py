"""Polite HTTP GET for the monitor: conditional requests, retries with back-off, robots.txt, bounded bodies.

Design choices, each for a reason:
- Bodies are streamed and a response larger than `max_bytes` raises `FetchError`: a news page or a feed that big
  is not what we came for, and a truncated feed or page would parse into something misleading.
- Redirects are followed by hand (at most 5) so every hop is checked again against robots.txt and the SSRF guard.
- Read timeouts are not retried (a slow server stays slow and we would wait three times as long); connection
  errors, 5xx and 429 are, with exponential back-off. A Retry-After up to `max_retry_wait` is waited out; a
  longer one ends the attempt (the source's schedule tries again later) instead of blocking a worker.
- Compressed answers are accepted; the size limit applies to the decompressed body, so a gzip bomb stops too.
- The SSRF guard resolves the host and refuses loopback, private, link-local and reserved addresses. It checks
  before connecting, so a DNS answer that changes between the check and the connection is not caught; the
  monitor only fetches addresses a supervisor entered, so that residual risk is accepted.
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3

from netral.monitor.fetching.encoding import charset_from_content_type, decode
from netral.monitor.fetching.errors import FetchError, FetchRefused
from netral.monitor.fetching.robots import RobotsCache

try:
    from netral import __version__ as VERSION
except ImportError:  # pragma: no cover - netral always has one; keep the module usable on its own
    VERSION = "0.1"

__all__ = ["DEFAULT_USER_AGENT", "FetchError", "FetchRefused", "Fetched", "Fetcher", "bot_user_agent"]

BOT_NAME = "NetralBot"


def bot_user_agent(info_url: str) -> str:
    """Our User-Agent, pointing at the deployment's page that explains the bot (e.g. its base URL + "/bot")."""
    return f"{BOT_NAME}/{VERSION} (+{info_url}; pemantauan netralitas ASN)"


# Deployments should pass `bot_user_agent(<their public URL>/bot)`; this default names no real site.
DEFAULT_USER_AGENT = bot_user_agent("https://netral.example.go.id/bot")
MAX_REDIRECTS = 5
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_CHUNK = 64 * 1024
_COUNT_WORDS = {1: "satu kali", 2: "dua kali", 3: "tiga kali", 4: "empat kali", 5: "lima kali"}


@dataclass(frozen=True, slots=True)
class Fetched:
    """One HTTP answer. `url` is the final address after redirects; header names are lower-case."""

    url: str
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower-case ("text/html"), or ""."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def text(self) -> str:
        """The body as text: HTTP charset, then meta charset / XML declaration, then a guess. Never raises."""
        return decode(self.body, charset_from_content_type(self.headers.get("content-type", "")))


def _times(count: int) -> str:
    return _COUNT_WORDS.get(count, f"{count} kali")


def _seconds(value: float) -> str:
    return f"{value:g}"


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast or ip.is_unspecified
    )


class Fetcher:
    """Fetches URLs politely. One instance per run; it keeps a connection pool, robots.txt and per-host timings.

    Thread-safe enough for the monitor's use (one worker at a time per fetcher); the host delay is enforced with a
    lock so concurrent callers still space their requests to one host.
    """

    def __init__(
        self,
        user_agent: str = DEFAULT_USER_AGENT,
        *,
        timeout: float = 15.0,
        connect_timeout: float = 5.0,
        retries: int = 2,
        backoff: float = 0.5,
        max_bytes: int = 5_000_000,
        respect_robots: bool = True,
        allow_private_hosts: bool = False,
        host_delay: float = 1.0,
        max_retry_wait: float = 30.0,
        robots_ttl: float = 3600.0,
    ) -> None:
        self.user_agent = user_agent
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.respect_robots = respect_robots
        self.allow_private_hosts = allow_private_hosts
        self.host_delay = host_delay
        self.max_retry_wait = max_retry_wait
        self._pool = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(connect=connect_timeout, read=timeout))
        self._robots = RobotsCache(self._get_robots, ttl=robots_ttl)
        self._last_request: dict[str, float] = {}
        self._lock = threading.Lock()

    def get(self, url: str, *, etag: str = "", last_modified: str = "", accept: str = "*/*") -> Fetched:
        """GET `url`; with `etag`/`last_modified` a 304 answer comes back as `not_modified=True` and no body.

        Raises `FetchRefused` (robots.txt, private address, scheme) and `FetchError` (timeouts, HTTP errors, size).
        """
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._follow(url, headers, check_robots=self.respect_robots)

    def close(self) -> None:
        self._pool.clear()

    # -- internals -------------------------------------------------------------------------------------------

    def _get_robots(self, robots_url: str) -> tuple[int, bytes]:
        fetched = self._follow(robots_url, {"Accept": "text/plain, */*;q=0.5"}, check_robots=False)
        return fetched.status, fetched.body

    def _follow(self, url: str, headers: dict[str, str], *, check_robots: bool) -> Fetched:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            self._check_address(current)
            if check_robots and not self._robots.allowed(current, self.user_agent):
                raise FetchRefused(f"robots.txt situs ini melarang {BOT_NAME} mengambil {current}")
            fetched = self._with_retries(current, headers)
            if fetched.status in (301, 302, 303, 307, 308):
                location = fetched.headers.get("location", "")
                if not location:
                    raise FetchError(
                        f"Server mengalihkan tanpa alamat tujuan ({fetched.status})", status=fetched.status
                    )
                current = urljoin(current, location)
                continue
            return fetched
        raise FetchError(f"Terlalu banyak pengalihan (lebih dari {MAX_REDIRECTS})")

    def _check_address(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchRefused(f"Hanya alamat http atau https yang diambil, bukan {parts.scheme or 'tanpa skema'}")
        host = parts.hostname
        if not host:
            raise FetchRefused(f"Alamat tanpa nama host: {url}")
        if self.allow_private_hosts:
            return
        try:
            infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
        except (socket.gaierror, UnicodeError) as error:
            raise FetchError(f"Nama host {host} tidak dapat ditemukan") from error
        for info in infos:
            if not is_public_address(str(info[4][0])):
                raise FetchRefused(f"Alamat {host} menunjuk ke jaringan lokal atau khusus; tidak diambil")

    def _wait_for_host(self, host: str) -> None:
        if self.host_delay <= 0:
            return
        with self._lock:
            last = self._last_request.get(host)
            now = time.monotonic()
            if last is not None and now - last < self.host_delay:
                time.sleep(self.host_delay - (now - last))
            self._last_request[host] = time.monotonic()

    def _with_retries(self, url: str, headers: dict[str, str]) -> Fetched:
        attempts = self.retries + 1
        last_error: _Retryable | None = None
        for attempt in range(attempts):
            if attempt:
                wait = self.backoff * (2 ** (attempt - 1))
                if last_error is not None and last_error.retry_after > self.max_retry_wait:
                    raise FetchError(
                        f"Server meminta menunggu {last_error.retry_after:.0f} detik; "
                        "dicoba lagi pada jadwal berikutnya",
                        status=last_error.status,
                    ) from last_error
                if last_error is not None:
                    wait = max(wait, last_error.retry_after)
                time.sleep(min(wait, self.max_retry_wait))
            try:
                fetched = self._once(url, headers)
            except _Retryable as error:
                last_error = error
                continue
            return fetched
        assert last_error is not None
        if last_error.status is not None:
            raise FetchError(
                f"Server menjawab {last_error.status} {_times(attempts)}", status=last_error.status
            ) from last_error
        raise FetchError(f"{last_error.message} ({_times(attempts)} dicoba)") from last_error

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        host = urlsplit(url).netloc.lower()
        self._wait_for_host(host)
        started = time.monotonic()
        try:
            response = self._pool.request(
                "GET",
                url,
                headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate", **headers},
                redirect=False,
                preload_content=False,
                decode_content=True,
            )
        except urllib3.exceptions.ReadTimeoutError as error:
            raise FetchError(f"Batas waktu habis setelah {_seconds(self.timeout)} detik") from error
        except urllib3.exceptions.ConnectTimeoutError as error:
            raise _Retryable(f"Tidak tersambung ke {host} dalam {_seconds(self.connect_timeout)} detik") from error
        except urllib3.exceptions.SSLError as error:
            raise FetchError(f"Sertifikat TLS {host} tidak dapat diverifikasi") from error
        except urllib3.exceptions.HTTPError as error:
            raise _Retryable(f"Tidak dapat tersambung ke {host}") from error
        status = response.status
        response_headers = {name.lower(): value for name, value in response.headers.items()}
        complete = False
        try:
            if status in _RETRY_STATUSES:
                retryable = _Retryable(f"Server menjawab {status}", status=status)
                retryable.retry_after = _retry_after(response_headers.get("retry-after", ""))
                raise retryable
            body = b"" if status >= 300 else self._read_body(response, started)
            complete = True
        finally:
            if not complete or status >= 300:
                response.close()  # an unread body would corrupt the next request on a reused connection
            response.release_conn()
        if status >= 400:
            raise FetchError(f"Server menjawab {status}{_reason(status)}", status=status)
        return Fetched(
            url=url,
            status=status,
            body=body,
            headers=response_headers,
            etag=response_headers.get("etag", ""),
            last_modified=response_headers.get("last-modified", ""),
            not_modified=status == 304,
        )

    def _read_body(self, response: urllib3.BaseHTTPResponse, started: float) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"Halaman terlalu besar ({_megabytes(int(declared))}; batas {_megabytes(self.max_bytes)})")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.stream(_CHUNK):
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(f"Halaman lebih besar dari batas {_megabytes(self.max_bytes)}; dihentikan")
                # A server trickling bytes never trips the per-read timeout; bound the whole download too.
                if time.monotonic() - started > self.timeout:
                    raise FetchError(f"Batas waktu habis setelah {_seconds(self.timeout)} detik")
                chunks.append(chunk)
        except urllib3.exceptions.ReadTimeoutError as error:
            raise FetchError(f"Batas waktu habis setelah {_seconds(self.timeout)} detik") from error
        except urllib3.exceptions.HTTPError as error:
            raise FetchError("Sambungan terputus saat menerima halaman") from error
        return b"".join(chunks)


class _Retryable(FetchError):
    """A failure worth another try: connection errors, 5xx and 429 (with the server's Retry-After, if any)."""

    retry_after: float = 0.0


def _retry_after(value: str) -> float:
    value = value.strip()
    if not value:
        return 0.0
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    return max(0.0, when.timestamp() - time.time())


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _reason(status: int) -> str:
    reasons = {401: "tidak berwenang", 403: "akses ditolak", 404: "tidak ditemukan", 410: "sudah dihapus"}
    return f" ({reasons[status]})" if status in reasons else ""
