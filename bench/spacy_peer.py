"""The spaCy peer the text pipeline is measured against: `spacy.blank("id")` + an EntityRuler over our gazetteers.

What it finds (roughly the gazetteer part of `netral.text`, done the usual spaCy way):
- PROVINSI / KABKOTA: phrase patterns (case-insensitive, `LOWER`) for every province and kabupaten/kota name from
  `netral.geo.reference` — official name, canonical name, the bare name without "Kabupaten"/"Kota", "Kab. X" — and
  every alias ("Kalsel", "Batola"); the entity id is the Kemendagri code.
- KECAMATAN: token patterns "Kecamatan|Kec.|Camat" + the name's tokens (one pattern per name length, each position
  restricted to the lower-cased tokens seen there), then a small component keeps only real kecamatan names.
- DATE: token patterns for "14 Oktober 2024" (Nopember/Agustus spellings included) and "(6/12/2022)", with an
  optional weekday in front ("Senin (14/10/2024)", "Selasa, 13 Oktober 2020").

spaCy is a benchmark dependency only (requirements/bench.txt). Run alone as a whole process over a directory of
`.txt` / `.json` files, printing one JSON line per document:

    .venv/bin/python bench/spacy_peer.py bench/out/corpus-2000 > /dev/null
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from netral.geo import reference

SUFFIXES = {".txt", ".json"}
TRIGGERS = ["kecamatan", "kec", "camat"]
MONTHS = [
    "januari",
    "februari",
    "pebruari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "agutus",
    "september",
    "oktober",
    "november",
    "nopember",
    "desember",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "agu",
    "agt",
    "sep",
    "okt",
    "nov",
    "des",
]
WEEKDAYS = ["senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad"]


def _bare(name: str) -> str:
    for prefix in ("Kabupaten ", "Kota "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _norm(tokens: Iterable[str]) -> str:
    """Kecamatan key: lower-cased tokens without hyphens ("Aluh-Aluh" and "Aluh Aluh" → "aluh aluh")."""
    return " ".join(t.lower() for t in tokens if t != "-")


def gazetteer_patterns() -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, text: str, code: str) -> None:
        key = (label, text.lower())
        if text and key not in seen:
            seen.add(key)
            patterns.append({"label": label, "pattern": text, "id": code})

    for r in reference.regions("provinsi"):
        add("PROVINSI", r.name, r.code)
        add("PROVINSI", r.canonical_name, r.code)
        add("PROVINSI", "Provinsi " + r.canonical_name, r.code)
    for r in reference.regions("kabupaten_kota"):
        for name in (r.name, r.canonical_name):
            add("KABKOTA", name, r.code)
            bare = _bare(name)
            if r.type == "kabupaten":
                add("KABKOTA", bare, r.code)
                add("KABKOTA", "Kab. " + bare, r.code)
            elif bare != name:
                add("KABKOTA", bare, r.code)
    for a in reference.aliases():
        add("PROVINSI" if "." not in a.code else "KABKOTA", a.alias, a.code)
    return patterns


def kecamatan_patterns(nlp: Language) -> tuple[list[dict[str, Any]], set[str]]:
    """Token patterns: trigger + one set of allowed lower-cased tokens per position, one pattern per name length."""
    names: set[str] = set()
    positions: dict[int, list[set[str]]] = {}
    for r in reference.regions("kecamatan"):
        variants = {r.name}
        if "-" in r.name:
            variants.add(r.name.replace("-", " "))
        words = r.name.split()
        if len(words) == 2 and words[0].lower() == words[1].lower():  # "Aluh Aluh" is written "Aluh-Aluh"
            variants.add("-".join(words))
        for variant in variants:
            tokens = [t.text.lower() for t in nlp.make_doc(variant)]
            names.add(_norm(tokens))
            slots = positions.setdefault(len(tokens), [set() for _ in tokens])
            for slot, token in zip(slots, tokens, strict=True):
                slot.add(token)
    trigger = [{"LOWER": {"IN": TRIGGERS}}, {"ORTH": ".", "OP": "?"}]
    patterns = [
        {"label": "KECAMATAN", "pattern": trigger + [{"LOWER": {"IN": sorted(slot)}} for slot in slots]}
        for _, slots in sorted(positions.items())
    ]
    return patterns, names


def date_patterns() -> list[dict[str, Any]]:
    weekday = [{"LOWER": {"IN": WEEKDAYS}, "OP": "?"}, {"ORTH": ",", "OP": "?"}]
    day = {"IS_DIGIT": True, "LENGTH": {"<=": 2}}
    year = {"IS_DIGIT": True, "LENGTH": 4}
    spelled = [day, {"LOWER": {"IN": MONTHS}}, year]
    numeric = [{"ORTH": "("}, day, {"ORTH": "/"}, day, {"ORTH": "/"}, year, {"ORTH": ")"}]
    return [{"label": "DATE", "pattern": weekday + spelled}, {"label": "DATE", "pattern": weekday + numeric}]


@Language.factory("kecamatan_check")
def make_kecamatan_check(nlp: Language, name: str) -> KecamatanCheck:
    return KecamatanCheck()


class KecamatanCheck:
    """Drops KECAMATAN matches whose tokens after the trigger are not a real kecamatan name."""

    def __init__(self) -> None:
        self.names: set[str] = set()  # filled by build_nlp()

    def __call__(self, doc: Doc) -> Doc:
        kept = []
        for ent in doc.ents:
            if ent.label_ == "KECAMATAN":
                tokens = [t.text for t in ent[1:] if t.text != "."]
                if _norm(tokens) not in self.names:
                    continue
            kept.append(ent)
        if len(kept) != len(doc.ents):
            doc.ents = kept
        return doc


def build_nlp() -> Language:
    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": False})
    kec, names = kecamatan_patterns(nlp)
    ruler.add_patterns(gazetteer_patterns() + kec + date_patterns())  # type: ignore[attr-defined]
    checker = nlp.add_pipe("kecamatan_check")
    checker.names = names  # type: ignore[attr-defined]
    return nlp


def entities(doc: Doc) -> list[dict[str, Any]]:
    return [
        {"label": e.label_, "text": e.text, "start": e.start_char, "end": e.end_char, "id": e.ent_id_ or None}
        for e in doc.ents
    ]


def read_dir(paths: Iterable[Path]) -> Iterator[tuple[str, str]]:
    """(name, text) for every `.txt` file and every `.json` file with a "text" key, in name order."""
    for path in paths:
        files = [path]
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and not p.name.startswith("."))
        for f in files:
            raw = f.read_text(encoding="utf-8")
            yield f.name, json.loads(raw)["text"] if f.suffix == ".json" else raw


def run(nlp: Language, docs: Iterable[tuple[str, str]], batch_size: int = 64) -> Iterator[dict[str, Any]]:
    docs = list(docs)
    texts = (text for _, text in docs)
    for (name, _), doc in zip(docs, nlp.pipe(texts, batch_size=batch_size), strict=True):
        yield {"doc": name, "entities": entities(doc)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="spaCy blank('id') + EntityRuler peer; one JSON line per doc")
    parser.add_argument("paths", nargs="+", type=Path, help="directories or files (.txt, or .json with 'text')")
    args = parser.parse_args(argv)
    nlp = build_nlp()
    out = sys.stdout
    for result in run(nlp, read_dir(args.paths)):
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
