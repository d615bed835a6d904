"""Errors of the fetching layer, with Indonesian messages a supervisor can read as they are."""

from __future__ import annotations


class FetchError(Exception):
    """A page or feed could not be fetched; `message` is Indonesian and shown to supervisors."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class FetchRefused(FetchError):
    """We chose not to fetch: robots.txt disallows it, or the address is private or not http(s)."""
