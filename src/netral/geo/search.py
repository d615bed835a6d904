"""Find administrative regions by name or alias, without Django.

`search("Aluh-Aluh")` finds Kecamatan Aluh Aluh (63.03.01); `search("Kotim")` finds Kabupaten Kotawaringin Timur
through `aliases.csv`; `search("Kota Banjar")` finds only the kota, `search("Kab. Banjar")` only the kabupaten.
Matching ignores case and everything that is not a letter or digit, so "Aluh-Aluh", "aluh aluh" and "AluhAluh" are
the same query, and so are "Banjar Baru" and "Banjarbaru". Results come best first: exact names, then aliases, then
names starting with the query, then names containing it; within each group provinces before regencies before
kecamatan before desa, then by code.

Each result carries the region's ancestors, nearest first, so a caller can print e.g.
"Kecamatan Aluh Aluh (63.03.01) — Kabupaten Banjar, Kalimantan Selatan, WITA" (`SearchResult.describe()`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Literal

from netral.geo.reference import LEVELS, ZONE_LABELS, Level, Region, aliases, ancestors, get, regions, timezone_of

MatchKind = Literal["name", "alias", "prefix", "substring"]
_RANK: dict[MatchKind, int] = {"name": 0, "alias": 1, "prefix": 2, "substring": 3}

#: Words that name a region's type when they start a query ("Kab. Banjar", "Kecamatan Aluh-Aluh"), longest first.
_TYPE_WORDS: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = (
    (("kabupaten", "administrasi"), frozenset({"kabupaten"})),
    (("kota", "administrasi"), frozenset({"kota"})),
    (("desa", "adat"), frozenset({"desa_adat"})),
    (("provinsi",), frozenset({"provinsi"})),
    (("propinsi",), frozenset({"provinsi"})),
    (("prov",), frozenset({"provinsi"})),
    (("kabupaten",), frozenset({"kabupaten"})),
    (("kab",), frozenset({"kabupaten"})),
    (("kota",), frozenset({"kota"})),
    (("kotamadya",), frozenset({"kota"})),
    (("kecamatan",), frozenset({"kecamatan", "distrik"})),
    (("kec",), frozenset({"kecamatan", "distrik"})),
    (("distrik",), frozenset({"kecamatan", "distrik"})),
    (("desa",), frozenset({"desa", "desa_adat"})),
    (("kelurahan",), frozenset({"kelurahan"})),
    (("kel",), frozenset({"kelurahan"})),
)
_KAB_KOTA_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")
_TYPE_LABELS = {
    "provinsi": "Provinsi",
    "kecamatan": "Kecamatan",
    "distrik": "Distrik",
    "desa": "Desa",
    "kelurahan": "Kelurahan",
    "desa_adat": "Desa Adat",
}
_MIN_PREFIX = 3  # shorter queries match whole names and aliases only
_MIN_SUBSTRING = 4


def compact(text: str) -> str:
    """The matching key: lower case, letters and digits only ("Aluh-Aluh" → "aluhaluh")."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def bare_name(region: Region) -> str:
    """The name without its "Kabupaten"/"Kota (Administrasi)" prefix: "Kabupaten Banjar" → "Banjar"."""
    for prefix in _KAB_KOTA_PREFIXES:
        if region.level == "kabupaten_kota" and region.name.startswith(prefix):
            return region.name.removeprefix(prefix)
    return region.name


def display_name(region: Region) -> str:
    """How Netral names the region in text: "Kecamatan Aluh Aluh", "Kabupaten Banjar", "Kalimantan Selatan"."""
    if region.level in ("provinsi", "kabupaten_kota"):
        return region.canonical_name
    return f"{_TYPE_LABELS.get(region.type, region.type.capitalize())} {region.canonical_name}"


@dataclass(frozen=True, slots=True)
class SearchResult:
    region: Region
    ancestors: tuple[Region, ...]  # nearest first: kecamatan → kabupaten/kota → provinsi
    matched: str  # the name or alias that matched
    match: MatchKind

    @property
    def label(self) -> str:
        return display_name(self.region)

    @property
    def timezone(self) -> str:
        return timezone_of(self.region.code)

    @property
    def zone_label(self) -> str:
        return ZONE_LABELS[self.timezone]

    def describe(self) -> str:
        """E.g. "Kecamatan Aluh Aluh (63.03.01) — Kabupaten Banjar, Kalimantan Selatan, WITA"."""
        parents = [display_name(r) for r in self.ancestors if r.level != "provinsi"]
        parents += [r.canonical_name for r in self.ancestors if r.level == "provinsi"]
        where = ", ".join([*parents, self.zone_label])
        alias = f' [alias "{self.matched}"]' if self.match == "alias" else ""
        return f"{self.label} ({self.region.code}){alias} — {where}"


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str  # compact name
    text: str  # the name as written
    code: str
    type: str


@dataclass(frozen=True, slots=True)
class _Index:
    entries: tuple[_Entry, ...]
    by_key: dict[str, tuple[_Entry, ...]]
    alias_by_key: dict[str, tuple[tuple[str, str], ...]]  # key → (alias text, code)


@cache
def _index() -> _Index:
    entries: list[_Entry] = []
    for level in LEVELS:
        for region in regions(level):
            names = {region.name, region.canonical_name, bare_name(region)}
            if region.level == "kabupaten_kota":  # "Palangka Raya" as well as "Palangkaraya"
                names.add(region.canonical_name.split(" ", 1)[1])
            entries += [_Entry(compact(name), name, region.code, region.type) for name in sorted(names)]
    by_key: dict[str, list[_Entry]] = defaultdict(list)
    for entry in entries:
        by_key[entry.key].append(entry)
    alias_by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for alias in aliases():
        alias_by_key[compact(alias.alias)].append((alias.alias, alias.code))
    return _Index(
        entries=tuple(entries),
        by_key={k: tuple(v) for k, v in by_key.items()},
        alias_by_key={k: tuple(v) for k, v in alias_by_key.items()},
    )


def _split_type(query: str) -> tuple[frozenset[str] | None, str]:
    """("Kab. Banjar") → ({"kabupaten"}, "banjar"); a query without a type word → (None, its compact key)."""
    words = re.findall(r"[0-9a-z]+", query.lower())
    for type_words, types in _TYPE_WORDS:
        n = len(type_words)
        if tuple(words[:n]) == type_words and len(words) > n:
            return types, "".join(words[n:])
    return None, "".join(words)


def search(query: str, level: Level | None = None, limit: int = 20) -> list[SearchResult]:
    """Regions whose name or alias matches `query`, best first (see the module docstring); at most `limit`."""
    key = compact(query)
    if not key or limit <= 0:
        return []
    types, bare_key = _split_type(query)
    index = _index()
    found: dict[str, tuple[int, str, MatchKind]] = {}  # code → (rank, matched text, kind)

    def add(code: str, kind: MatchKind, text: str) -> None:
        if level is not None and code.count(".") != LEVELS.index(level):
            return
        rank = _RANK[kind]
        if code not in found or rank < found[code][0]:
            found[code] = (rank, text, kind)

    queries: list[tuple[str, frozenset[str] | None]] = [(key, None)]
    if types is not None:
        queries.append((bare_key, types))  # "Kota Banjar": also the bare name "Banjar" among regions of type kota
    for query_key, only in queries:
        for entry in index.by_key.get(query_key, ()):
            if only is None or entry.type in only:
                add(entry.code, "name", entry.text)
    for alias_text, code in index.alias_by_key.get(key, ()):
        add(code, "alias", alias_text)
    for query_key, only in queries:
        if len(query_key) < _MIN_PREFIX:
            continue
        for entry in index.entries:
            if only is not None and entry.type not in only:
                continue
            if entry.key.startswith(query_key):
                add(entry.code, "prefix", entry.text)
            elif len(query_key) >= _MIN_SUBSTRING and query_key in entry.key:
                add(entry.code, "substring", entry.text)

    def order(code: str) -> tuple[int, int, str]:
        return found[code][0], code.count("."), code

    results = []
    for code in sorted(found, key=order)[:limit]:
        region = get(code)
        if region is None:  # an alias pointing at a code that no longer exists
            continue
        _, text, kind = found[code]
        results.append(SearchResult(region, tuple(ancestors(code)), text, kind))
    return results
