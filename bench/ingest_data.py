"""Generated items for the ingest benchmark: distinct stories recombined from the corpus, plus planted re-posts.

The corpus (`/work/shared/corpus/dev/docs/*.json` and `seeds/*.txt`) holds only ~540 sentences, so a distinct
item is not a recombination of whole sentences alone (two of 100,000 such items would share long runs of words
far too often). Each distinct item draws 2–14 paragraphs of 1–3 sentences from random documents, then varies
its words: capitalised words (names, places, bodies) are mapped to invented names with probability 0.6 (the same
mapping throughout the item), numbers change with probability 0.7, and 5 % of the other words are swapped for
random corpus words. One in twenty distinct items is a short social-media message (two fragments of 5–12 words).

A planted share (`DUPLICATE_SHARE`, 17 %) are re-posts of an earlier distinct item by another outlet: always with
that outlet's header or footer boilerplate, and some of: a changed title, "Baca juga" teaser lines, a dropped
paragraph, an added paragraph, two paragraphs swapped, a few word edits. Short messages are forwarded with a
prefix, an appended word or one word changed. Every item has its own URL (re-posts on their outlet's domain)
and a publication time after the one before.

Only the recipe of a distinct item (its random seed) is kept, so the generator streams: `iter_items()` yields
(GeneratedItem, group id) with memory independent of N. The same N and seed always give the same items.

    .venv/bin/python bench/ingest_data.py --items 20000      # prints counts, sizes and the variant mix
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netral.monitor.sources.base import RawItem

BENCH_DIR = Path(__file__).resolve().parent
CORPUS_DIR = BENCH_DIR.parent.parent / "shared" / "corpus"
SEED = 20261126
DUPLICATE_SHARE = 0.17
SHORT_SHARE = 0.05
START = datetime(2024, 1, 2, tzinfo=UTC)

_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]+\b")
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"\b[a-z]{3,}\b")
_NOISE = re.compile(r"^\s*(baca|lihat|editor|penulis|tinggalkan|\d+\s*$)", re.IGNORECASE)
_SYLLABLES = tuple(
    re.findall(
        r"\w+",
        "ba bu da di ga gi ja jo ka ke ku la li lo ma me mu na ni no pa pe pu ra ri ro sa se su ta ti tu wa wi ya yo "
        "ban dan kan lan man ran san tan wan ang ing ung",
    )
)
_CITIES = ("Banjarmasin", "Palangka Raya", "Samarinda", "Pontianak", "Makassar", "Semarang", "Malang", "Medan")
_FOOTERS = (
    "Editor: {name}",
    "Penulis: {name}",
    "Ikuti berita terkini dari {outlet} di kanal WhatsApp kami.",
    "Tinggalkan Komentar",
    "Bagikan artikel ini",
)
_FORWARD_PREFIXES = ("Fwd:", "Diteruskan:", "Info penting!", "Mohon disebarkan:")


@dataclass(frozen=True, slots=True)
class GeneratedItem:
    text: str
    title: str
    url: str
    outlet: str
    published: datetime
    variant: str  # "original", "short", or the re-post transformations joined with "+"

    def raw_item(self) -> RawItem:
        from netral.monitor.sources.base import RawItem

        return RawItem(
            kind="file",
            raw=self.text.encode(),
            raw_type="text/plain",
            text=self.text,
            title=self.title,
            url=self.url,
            published=self.published,
            outlet=self.outlet,
        )


@dataclass(frozen=True, slots=True)
class SentencePool:
    sentences: tuple[str, ...]
    vocabulary: tuple[str, ...]


def load_pool(corpus_dir: Path = CORPUS_DIR) -> SentencePool:
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(corpus_dir.glob("dev/docs/*.json"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("seeds/*.txt"))]
    if not texts:
        raise SystemExit(f"no corpus texts under {corpus_dir}")
    sentences: set[str] = set()
    for text in texts:
        for line in text.splitlines():
            if len(line) < 40 or _NOISE.match(line):
                continue
            sentences.update(s.strip() for s in _SENTENCE_END.split(line) if len(s.split()) >= 5)
    vocabulary = sorted({w for s in sentences for w in _WORD.findall(s)})
    return SentencePool(tuple(sorted(sentences)), tuple(vocabulary))


def invented_name(rng: random.Random, syllables: int | None = None) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables or rng.randint(2, 4))).capitalize()


class _Varier:
    """Word-level variation of one item: a consistent name map, changed numbers, swapped words."""

    def __init__(self, rng: random.Random, pool: SentencePool) -> None:
        self.rng = rng
        self.pool = pool
        self.names: dict[str, str] = {}

    def _name(self, match: re.Match[str]) -> str:
        word = match.group()
        if word not in self.names:
            self.names[word] = invented_name(self.rng) if self.rng.random() < 0.6 else word
        return self.names[word]

    def _number(self, match: re.Match[str]) -> str:
        digits = match.group()
        if self.rng.random() >= 0.7:
            return digits
        return str(self.rng.randint(10 ** (len(digits) - 1) if len(digits) > 1 else 0, 10 ** len(digits) - 1))

    def __call__(self, sentence: str) -> str:
        sentence = _NUMBER.sub(self._number, _CAPITALISED.sub(self._name, sentence))
        words = sentence.split(" ")
        for i, word in enumerate(words):
            if word.islower() and word.isalpha() and self.rng.random() < 0.05:
                words[i] = self.rng.choice(self.pool.vocabulary)
        return " ".join(words)


def _original(seed: int, pool: SentencePool) -> tuple[str, str, bool]:
    """(text, title, is_short) of a distinct item, entirely determined by its seed."""
    rng = random.Random(seed)
    vary = _Varier(rng, pool)
    if rng.random() < SHORT_SHARE:
        parts = []
        for _ in range(2):
            words = rng.choice(pool.sentences).split()
            length = rng.randint(5, 12)
            start = rng.randint(0, max(0, len(words) - length))
            parts.append(" ".join(words[start : start + length]))
        text = vary(" ".join(parts)).rstrip(".,") + "."
        return text, "", True
    n_paragraphs = min(14, max(2, round(rng.lognormvariate(1.9, 0.5))))
    paragraphs = [
        " ".join(vary(rng.choice(pool.sentences)) for _ in range(rng.randint(1, 3))) for _ in range(n_paragraphs)
    ]
    title_words = vary(rng.choice(pool.sentences)).split()[: rng.randint(6, 12)]
    return "\n\n".join(paragraphs), " ".join(title_words).rstrip(".,"), False


def _teaser(rng: random.Random, pool: SentencePool) -> str:
    words = rng.choice(pool.sentences).split()[: rng.randint(5, 10)]
    return rng.choice(("Baca juga:", "BACA JUGA:", "Baca:")) + " " + " ".join(words).rstrip(".,")


def _edit_words(rng: random.Random, text: str, pool: SentencePool, edits: int) -> str:
    words = text.split(" ")
    for _ in range(edits):
        i = rng.randrange(len(words))
        if "\n" not in words[i]:
            words[i] = rng.choice(pool.vocabulary)
    return " ".join(words)


def _repost(
    rng: random.Random, text: str, title: str, short: bool, outlet: str, pool: SentencePool
) -> tuple[str, str, str]:
    """(text, title, variant) of a re-post of an original by `outlet`."""
    if short:
        how = rng.choice(("forward", "append", "edit"))
        if how == "forward":
            return f"{rng.choice(_FORWARD_PREFIXES)} {text}", title, "short-forward"
        if how == "append":
            return f"{text} {rng.choice(('Sebarkan!', 'Viral!!', 'Cek faktanya.'))}", title, "short-append"
        return _edit_words(rng, text, pool, 1), title, "short-edit"
    paragraphs = text.split("\n\n")
    done = ["boilerplate"]
    if rng.random() < 0.4:
        title = invented_name(rng) + ": " + title
        done.append("title")
    if rng.random() < 0.4:
        for _ in range(rng.randint(1, 3)):
            paragraphs.insert(rng.randint(1, len(paragraphs)), _teaser(rng, pool))
        done.append("teasers")
    if rng.random() < 0.3 and len(paragraphs) >= 4:
        del paragraphs[rng.randrange(1, len(paragraphs))]
        done.append("dropped")
    if rng.random() < 0.3:
        added = " ".join(_Varier(rng, pool)(rng.choice(pool.sentences)) for _ in range(rng.randint(1, 2)))
        paragraphs.insert(rng.randint(1, len(paragraphs)), added)
        done.append("added")
    if rng.random() < 0.2 and len(paragraphs) >= 3:
        i = rng.randrange(1, len(paragraphs) - 1)
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
        done.append("swapped")
    body = "\n\n".join(paragraphs)
    if rng.random() < 0.5:
        body = _edit_words(rng, body, pool, rng.randint(1, 5))
        done.append("edits")
    city = rng.choice(_CITIES)
    header = f"{outlet}, {city} - " if rng.random() < 0.5 else ""
    footer = rng.choice(_FOOTERS).format(name=invented_name(rng), outlet=outlet) if rng.random() < 0.8 else ""
    if not header and not footer:
        header = f"{city} ({outlet.upper()}) - "
    return header + body + ("\n\n" + footer if footer else ""), title, "+".join(done)


def outlets(rng: random.Random, n: int = 300) -> list[tuple[str, str]]:
    """(name, domain) of invented outlets."""
    names: dict[str, str] = {}
    while len(names) < n:
        stem = invented_name(rng, rng.randint(2, 3))
        name = rng.choice(("Warta {}", "Kabar {}", "{} Today", "{} Pos", "Suara {}", "{}news")).format(stem)
        names[name] = stem.lower() + rng.choice((".com", ".id", ".co.id", "news.com"))
    return list(names.items())


def iter_items(n: int, *, seed: int = SEED, pool: SentencePool | None = None) -> Iterator[tuple[GeneratedItem, int]]:
    """`n` items with their ground-truth group (the index of the distinct item they tell)."""
    pool = pool or load_pool()
    rng = random.Random(seed)
    outlet_list = outlets(random.Random(seed + 1))
    originals: list[tuple[int, str]] = []  # (item seed, outlet name) of each distinct item, by group id
    published = START
    for index in range(n):
        published += timedelta(seconds=rng.randint(5, 90))
        outlet, domain = rng.choice(outlet_list)
        if originals and rng.random() < DUPLICATE_SHARE:
            group = rng.randrange(len(originals))
            item_seed, first_outlet = originals[group]
            while outlet == first_outlet:
                outlet, domain = rng.choice(outlet_list)
            text, title, short = _original(item_seed, pool)
            text, title, variant = _repost(rng, text, title, short, outlet, pool)
        else:
            group = len(originals)
            item_seed = rng.getrandbits(64)
            originals.append((item_seed, outlet))
            text, title, short = _original(item_seed, pool)
            variant = "short" if short else "original"
        path = "status" if variant.startswith("short") else f"berita/{published:%Y/%m}"
        url = f"https://{domain}/{path}/{index:07d}"
        yield GeneratedItem(text, title, url, outlet, published, variant), group


def pair_counts(truth: list[int], predicted: list[int]) -> dict[str, float]:
    """Pairwise precision and recall from contingency counts (no enumeration of pairs)."""

    def pairs(counts: Counter[object]) -> int:
        return sum(c * (c - 1) // 2 for c in counts.values())

    together = pairs(Counter(zip(truth, predicted, strict=True)))
    true_pairs = pairs(Counter(truth))
    predicted_pairs = pairs(Counter(predicted))
    return {
        "true_pairs": true_pairs,
        "predicted_pairs": predicted_pairs,
        "correct_pairs": together,
        "precision": together / predicted_pairs if predicted_pairs else 1.0,
        "recall": together / true_pairs if true_pairs else 1.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    pool = load_pool()
    variants: Counter[str] = Counter()
    groups: Counter[int] = Counter()
    size = 0
    for item, group in iter_items(args.items, seed=args.seed, pool=pool):
        variants[item.variant.split("+")[0] if "+" in item.variant else item.variant] += 1
        groups[group] += 1
        size += len(item.text.encode())
    print(f"pool: {len(pool.sentences)} sentences, {len(pool.vocabulary)} words")
    print(f"{args.items} items, {size / 1e6:.1f} MB, mean {size / args.items:.0f} bytes, {len(groups)} groups")
    print("largest groups:", Counter(groups.values()).most_common(6))
    print("variants:", dict(variants.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
