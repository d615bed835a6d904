"""Region names as an Aho-Corasick automaton, built once per process from `netral.geo.reference`.

Keys are lower-cased bare names ("barito kuala", "banjarmasin", "kalimantan selatan") and aliases ("batola",
"kalsel"); each maps to every region it may name. Kind prefixes ("Kabupaten", "Kota", "Provinsi") are read from
the text around a match, not stored as keys, so "Kab. Barito Kuala" and "Kabupaten Barito Kuala" share one key.
Kecamatan and desa are looked up by name only after a trigger word (see `regions.py`): many are common words.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import ahocorasick

from netral.geo import reference
from netral.text.cues import lower_preserving


def fold(text: str) -> str:
    """Length-preserving folding (lower case, hyphens and line breaks as spaces): offsets index the original."""
    return fold_lowered(lower_preserving(text))


def fold_lowered(lowered: str) -> str:
    # Chained str.replace is several times faster than str.translate on article-sized strings.
    return (
        lowered.replace("-", " ")
        .replace("–", " ")
        .replace("‐", " ")
        .replace("’", "'")
        .replace("\n", " ")
        .replace("\t", " ")
    )


@dataclass(frozen=True, slots=True)
class Candidate:
    code: str
    level: str  # "provinsi" or "kabupaten_kota"
    kind: str  # "provinsi", "kabupaten", "kota"
    via: str  # "name" or "alias"
    needs_context: bool  # only accepted when another mention places the text in the same province
    upper_only: bool  # an all-caps alias ("HSU", "NTB") must be written in capitals


def bare_name(name: str) -> str:
    for prefix in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


@dataclass(frozen=True, slots=True)
class Gazetteer:
    automaton: ahocorasick.Automaton
    kecamatan: dict[str, tuple[str, ...]]  # folded name → codes

    def find(self, folded: str) -> list[tuple[int, int, tuple[Candidate, ...]]]:
        """Longest non-overlapping matches at word boundaries: (start, end, candidates)."""
        found: list[tuple[int, int, tuple[Candidate, ...]]] = []
        n = len(folded)
        for end_index, (length, candidates) in self.automaton.iter(folded):
            start, end = end_index - length + 1, end_index + 1
            if (start > 0 and folded[start - 1].isalnum()) or (end < n and folded[end].isalnum()):
                continue
            found.append((start, end, candidates))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        result: list[tuple[int, int, tuple[Candidate, ...]]] = []
        last_end = -1
        for match in found:
            if match[0] >= last_end:
                result.append(match)
                last_end = match[1]
        return result


def _keys_for(name: str) -> set[str]:
    key = fold(name)
    keys = {key, " ".join(key.split())}
    if " " in key:
        keys.add(key.replace(" ", ""))  # "Bandarlampung", "Palangkaraya"
    return keys


def _merge(candidates: list[Candidate]) -> tuple[Candidate, ...]:
    """One candidate per region: a name beats an alias, and a caveat holds only if every source has it."""
    by_code: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_code[c.code].append(c)
    return tuple(
        Candidate(
            code,
            group[0].level,
            group[0].kind,
            "name" if any(c.via == "name" for c in group) else "alias",
            all(c.needs_context for c in group),
            all(c.upper_only for c in group),
        )
        for code, group in by_code.items()
    )


@cache
def get() -> Gazetteer:
    automaton, kecamatan = _cached("gazetteer", _build)
    return Gazetteer(automaton, kecamatan)


@cache
def desa_index() -> dict[str, tuple[str, ...]]:
    """Folded desa/kelurahan name → codes; loaded only when a text names a desa (83k rows)."""
    index: dict[str, tuple[str, ...]] = _cached("desa", _build_desa)
    return index


def _build_desa() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = defaultdict(list)
    for d in reference.regions("desa"):
        index[" ".join(fold(d.name).split())].append(d.code)
    return {name: tuple(codes) for name, codes in index.items()}


def _build() -> tuple[ahocorasick.Automaton, dict[str, tuple[str, ...]]]:
    entries: dict[str, list[Candidate]] = defaultdict(list)
    for r in reference.regions("provinsi"):
        for name in {r.name, r.canonical_name}:
            for key in _keys_for(name):
                entries[key].append(Candidate(r.code, "provinsi", "provinsi", "name", False, False))
    for r in reference.regions("kabupaten_kota"):
        for name in {r.name, r.canonical_name}:
            for key in _keys_for(bare_name(name)):
                entries[key].append(Candidate(r.code, "kabupaten_kota", r.type, "name", False, False))
    for alias in reference.aliases():
        region = reference.get(alias.code)
        if region is None or region.level not in ("provinsi", "kabupaten_kota"):
            continue
        upper = alias.alias.isupper()
        context = "context" in alias.note
        for key in _keys_for(alias.alias):
            entries[key].append(Candidate(region.code, region.level, region.type, "alias", context, upper))
    automaton = ahocorasick.Automaton()
    for key, candidates in entries.items():
        automaton.add_word(key, (len(key), _merge(candidates)))
    automaton.make_automaton()
    kecamatan: dict[str, list[str]] = defaultdict(list)
    for k in reference.regions("kecamatan"):
        kecamatan[" ".join(fold(k.name).split())].append(k.code)
    return automaton, {name: tuple(codes) for name, codes in kecamatan.items()}


def _cache_path(name: str) -> Path:
    """A cache file keyed by the reference data and this module, so any change to either rebuilds it."""
    stamp = hashlib.sha256()
    for path in [*sorted(reference.DATA_DIR.glob("*.csv")), Path(__file__)]:
        info = path.stat()
        stamp.update(f"{path.name}:{info.st_size}:{info.st_mtime_ns};".encode())
    root = Path(
        os.environ.get("NETRAL_CACHE_DIR")
        or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "netral"
    )
    return root / f"text-{name}-{stamp.hexdigest()[:16]}.pickle"


def _cached(name: str, build: Callable[[], Any]) -> Any:
    """Built tables, pickled once per data version: loading them is ten times faster than building them."""
    path = _cache_path(name)
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own cache file, written below from reference data
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except OSError:
        pass  # a read-only home: build each time
    return value
