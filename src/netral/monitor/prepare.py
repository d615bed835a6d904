"""The CPU-heavy half of ingestion, pure Python so it runs in worker processes: identity, language, the text
pipeline, the MinHash signature and the search stems of one raw item. The service stores what this returns."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import Stemmer

from netral.monitor import dedup, facts
from netral.monitor.fetching.language import detect_language
from netral.monitor.fetching.urls import canonical_url
from netral.monitor.sources.base import RawItem
from netral.text import analyze

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


Identity = tuple[str, str, str]  # (identity, canonical URL, content hash)


def content_hash(text: str) -> str:
    """SHA-256 of the text with case and spacing normalised: the same words are the same content."""
    return hashlib.sha256(_SPACE.sub(" ", text).strip().lower().encode()).hexdigest()


def identity_of(raw: RawItem) -> Identity:
    """(identity, canonical URL, content hash): an item is its canonical URL, or its content when it has none."""
    url = canonical_url(raw.url) if raw.url else ""
    digest = content_hash(raw.text)
    key = "u:" + hashlib.sha256(url.encode()).hexdigest() if url else "h:" + digest
    return key, url, digest


@cache
def _stemmer() -> Any:
    return Stemmer.Stemmer("indonesian")


def stems(text: str) -> str:
    """Snowball stems of the words, space-separated: what SQLite's FTS5 table indexes and queries are matched on."""
    return " ".join(_stemmer().stemWords(_WORD.findall(text.lower())))


@dataclass(slots=True)
class Prepared:
    raw: RawItem
    identity: str
    url: str
    content_hash: str
    language: str
    language_kept: bool
    analysis: dict[str, Any]
    violation: bool
    confidence: float
    region_code: str
    signature: bytes
    bands: list[int]
    title_stems: str
    body_stems: str


def prepare(raw: RawItem, identity: Identity | None = None) -> Prepared:
    """Everything the service stores about `raw` (`identity`: identity_of(raw), if the caller has it already)."""
    key, url, digest = identity or identity_of(raw)
    language = detect_language(raw.text)
    # Texts in other languages are kept and searchable but not analysed: the pipeline's lexicons are Indonesian.
    analysis = analyze(raw.text, url=url or None).to_dict() if language.kept else {}
    confidence = facts.violation_confidence(analysis)
    signature = dedup.signature(raw.text)
    return Prepared(
        raw=raw,
        identity=key,
        url=url,
        content_hash=digest,
        language=language.code,
        language_kept=language.kept,
        analysis=analysis,
        violation=bool(analysis.get("violation_reported")),
        confidence=confidence,
        region_code=facts.event_region_code(analysis) if analysis else "",
        signature=dedup.signature_bytes(signature),
        bands=dedup.band_keys(signature),
        title_stems=stems(raw.title),
        body_stems=stems(raw.text),
    )


def warm_up() -> None:
    """Build the pipeline, the language detector and the stemmer before worker processes fork from this one."""
    prepare(RawItem(kind="file", raw=b"", raw_type="text/plain", text="Camat Banjar hadir di kampanye Pilkada."))
