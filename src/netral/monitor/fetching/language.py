"""Language of a fetched item: keep Indonesian, Malay and regional languages, flag the rest.

lingua is restricted to a few languages, so Indonesian is not mistaken for something exotic while English, Dutch,
Arabic, Chinese and Tagalog texts are still recognised and flagged. Its low-accuracy mode (trigrams only) is used:
about 14 MB and 20 ms to build instead of about 180 MB and 0.4 s, and still clear-cut on sentence-length texts.
Javanese, Sundanese and Banjar, which lingua lacks, are recognised by a small lexicon of function words
(`data/regional_languages.toml`) before lingua is asked.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lingua import Language as LinguaLanguage
from lingua import LanguageDetector, LanguageDetectorBuilder

REGIONAL_FILE = Path(__file__).resolve().parents[1] / "data" / "regional_languages.toml"
KEPT = frozenset({"id", "ms"})
UNDETERMINED = "und"
MIN_WORDS = 4  # shorter texts are not judged (kept as "und") ...
MIN_LETTERS = 20  # ... unless they have this many letters: Chinese or Arabic runs have few spaces
REGIONAL_MIN_HITS = 3
REGIONAL_MIN_SHARE = 0.2  # share of a text's words that must be the language's function words
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_DETECTED = (
    LinguaLanguage.INDONESIAN,
    LinguaLanguage.MALAY,
    LinguaLanguage.ENGLISH,
    LinguaLanguage.DUTCH,
    LinguaLanguage.ARABIC,
    LinguaLanguage.CHINESE,
    LinguaLanguage.TAGALOG,
)


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # ISO 639-1 where it exists ("id", "en"), 639-3 for regional languages ("bjn"), or "und"
    kept: bool  # Indonesian, Malay, a regional language, or too short to judge
    confidence: float


@cache
def _detector() -> LanguageDetector:
    """Built once per process on first use."""
    return LanguageDetectorBuilder.from_languages(*_DETECTED).with_low_accuracy_mode().build()


@cache
def regional_lexicons() -> dict[str, frozenset[str]]:
    with REGIONAL_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    return {code: frozenset(word.lower() for word in entry["words"]) for code, entry in data.items()}


def _regional(words: list[str]) -> Language | None:
    best: Language | None = None
    for code, lexicon in regional_lexicons().items():
        hits = sum(1 for word in words if word in lexicon)
        share = hits / len(words)
        if hits >= REGIONAL_MIN_HITS and share >= REGIONAL_MIN_SHARE and (best is None or share > best.confidence):
            best = Language(code, True, round(share, 3))
    return best


#: The language shows in the first paragraphs; reading more costs time (lingua: ~0.9 ms per 1,000 characters).
SAMPLE_CHARS = 800


def detect_language(text: str) -> Language:
    """The language of `text`; `kept` tells whether the monitor keeps it. Very short texts answer "und", kept."""
    text = text[:SAMPLE_CHARS]
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < MIN_WORDS and sum(len(word) for word in words) < MIN_LETTERS:
        return Language(UNDETERMINED, True, 0.0)
    regional = _regional(words)
    if regional is not None:
        return regional
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return Language(UNDETERMINED, True, 0.0)
    top = values[0]
    code = top.language.iso_code_639_1.name.lower()
    return Language(code, code in KEPT, round(top.value, 3))
