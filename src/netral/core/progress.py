"""A dependency-free progress bar for long CLI work; silent when stderr is not a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, label: str, total: int, stream: TextIO | None = None, width: int = 30) -> None:
        stream = stream or sys.stderr  # looked up now: tests and callers may have replaced sys.stderr
        self.label, self.total, self.stream, self.width = label, max(total, 1), stream, width
        self.enabled = stream.isatty()
        self.started = time.monotonic()

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        filled = int(self.width * min(done, self.total) / self.total)
        bar = "█" * filled + "·" * (self.width - filled)
        elapsed = time.monotonic() - self.started
        self.stream.write(f"\r{self.label:<16} {bar} {done:>7,}/{self.total:,} {elapsed:5.1f} s")
        if done >= self.total:
            self.stream.write("\n")
        self.stream.flush()
