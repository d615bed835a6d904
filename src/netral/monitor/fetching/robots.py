"""robots.txt, read once per host and kept for a while (RFC 9309).

A missing robots.txt (4xx) allows everything; a server error or an unreachable host disallows everything until
the entry expires, as the RFC asks: the site may be telling us it is overloaded.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from netral.monitor.fetching.errors import FetchError

# (status, body) of GET /robots.txt; raises FetchError when the host cannot be reached.
RobotsGetter = Callable[[str], tuple[int, bytes]]

ALLOW_ALL = "allow"
DISALLOW_ALL = "disallow"


@dataclass(slots=True)
class _Entry:
    rules: urllib.robotparser.RobotFileParser | str  # a parser, or ALLOW_ALL / DISALLOW_ALL
    expires: float


class RobotsCache:
    """Answers "may this user agent fetch this URL?", fetching each host's robots.txt at most once per `ttl`."""

    def __init__(self, getter: RobotsGetter, *, ttl: float = 3600.0) -> None:
        self._getter = getter
        self._ttl = ttl
        self._entries: dict[str, _Entry] = {}

    def allowed(self, url: str, user_agent: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        entry = self._entries.get(origin)
        if entry is None or entry.expires < time.monotonic():
            entry = _Entry(self._load(origin), time.monotonic() + self._ttl)
            self._entries[origin] = entry
        if entry.rules == ALLOW_ALL:
            return True
        if entry.rules == DISALLOW_ALL:
            return False
        assert isinstance(entry.rules, urllib.robotparser.RobotFileParser)
        return entry.rules.can_fetch(user_agent, url)

    def _load(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        try:
            status, body = self._getter(origin + "/robots.txt")
        except FetchError as error:
            if error.status is not None and 400 <= error.status < 500 and error.status != 429:
                return ALLOW_ALL
            return DISALLOW_ALL
        if 400 <= status < 500 and status != 429:
            return ALLOW_ALL
        if status >= 300:
            return DISALLOW_ALL
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        parser.modified()  # can_fetch answers False until the parser believes it has read the file
        return parser
