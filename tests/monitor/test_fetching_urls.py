"""Canonical URLs: one article, one address."""

from __future__ import annotations

import pytest

from netral.monitor.fetching import canonical_url


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("HTTPS://Berita.Example:443/Politik/Camat-Hadir/", "https://berita.example/Politik/Camat-Hadir"),
        ("http://berita.example:80/a?b=2&a=1#komentar", "http://berita.example/a?a=1&b=2"),
        ("https://berita.example:8443/a", "https://berita.example:8443/a"),
        (
            "https://berita.example/a?utm_source=wa&utm_medium=x&fbclid=abc&gclid=1&id=7",
            "https://berita.example/a?id=7",
        ),
        ("https://berita.example/berita/camat-hadir/amp", "https://berita.example/berita/camat-hadir"),
        ("https://berita.example/berita/camat-hadir?amp=1", "https://berita.example/berita/camat-hadir"),
        ("https://berita.example/berita/camat-hadir?page=all", "https://berita.example/berita/camat-hadir?page=all"),
        ("https://berita.example/amp", "https://berita.example/amp"),
        ("https://berita.example", "https://berita.example/"),
        ("https://berita.example/", "https://berita.example/"),
        ("", ""),
    ],
)
def test_it_canonicalises(given: str, canonical: str) -> None:
    assert canonical_url(given) == canonical


def test_it_is_idempotent() -> None:
    url = "https://Berita.example/a/b/?z=1&utm_campaign=x&a=2"
    assert canonical_url(canonical_url(url)) == canonical_url(url)
