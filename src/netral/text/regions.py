"""netral.regions.v1: the provinces and regencies (kabupaten/kota) where the article's events are.

1. Gazetteer matches (names and aliases) read their kind from the word before ("Kabupaten", "Kota", "Provinsi") or
   after ("Bima Kota"). Bare names must be capitalised in the text; all-caps aliases ("HSU") must be in capitals.
2. Unambiguous mentions fix the context. Ambiguous ones (Kabupaten Banjar in Kalimantan Selatan vs Kota Banjar in
   Jawa Barat; "Kota Baru") are kept only when the context places them: an explicit mention of the same name, or
   another mention in the same province.
3. Kecamatan and desa, looked up only after a trigger ("Camat Aluh-Aluh", "Kecamatan Suboh", "Desa X"), add their
   regency and province when the name is unique, or unique within the context.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from netral.geo import reference
from netral.text import gazetteer, lexicon
from netral.text.cues import CueIndex
from netral.text.gazetteer import Candidate, fold, fold_lowered
from netral.text.model import Doc, RegionMention
from netral.text.pipeline import register

_NAME = re.compile(r"[A-Z][\w'’]*(?:(?:\s+|-)[A-Z][\w'’]*){0,3}")


class _Lexicon:
    def __init__(self) -> None:
        data = lexicon.load("regions")
        self.kind_before = [
            (re.compile(rf"(?:^|[^\w]){lexicon.words_pattern(data[f'{kind}_prefixes'])}\s*$"), kind)
            for kind in ("kabupaten", "kota", "provinsi")
        ]
        self.not_a_place = re.compile(rf"(?:^|[^\w]){lexicon.words_pattern(data['not_a_place_before'])}\s*$")
        self.dateline_ignored = frozenset(data["dateline_ignored_codes"])
        # "Karo Penmas", "Kaur Keuangan": a position abbreviation that is also a regency name.
        self.positions = frozenset(lexicon.load("persons")["positions"])
        self.everyday_words = frozenset(data["everyday_word_names"])
        self.triggers = CueIndex(
            {level: [re.escape(w) + r"\.?\s+" for w in data[f"{level}_triggers"]] for level in ("kecamatan", "desa")}
        )


def _kind_before(lex: _Lexicon, folded: str, start: int) -> str | None:
    window = folded[max(0, start - 25) : start]
    for pattern, kind in lex.kind_before:
        if pattern.search(window):
            return kind
    return None


def _lookup_prefix(name: str, index: dict[str, tuple[str, ...]]) -> tuple[str, tuple[str, ...]] | None:
    """The longest leading run of words of `name` that is a key of `index`."""
    words = " ".join(fold(name).split()).split(" ")
    for n in range(len(words), 0, -1):
        key = " ".join(words[:n])
        if key in index:
            return key, index[key]
    return None


class _Mention:
    __slots__ = ("candidates", "end", "explicit", "start", "via")

    def __init__(self, start: int, end: int, candidates: list[Candidate], explicit: bool, via: str) -> None:
        self.start, self.end, self.candidates, self.explicit, self.via = start, end, candidates, explicit, via


@register
class RegionResolver:
    name: ClassVar[str] = "netral.regions.v1"
    requires: ClassVar[tuple[str, ...]] = ("text", "lowered", "dateline")
    assigns: ClassVar[tuple[str, ...]] = ("region_mentions", "provinces", "regencies")

    def __init__(self) -> None:
        self.lex = _Lexicon()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        folded = fold_lowered(doc.lowered)
        mentions = self._gazetteer_mentions(doc, text, folded)
        chosen: dict[int, Candidate] = {}
        # Pass 1: mentions that name one region.
        for i, m in enumerate(mentions):
            if len(m.candidates) == 1 and not m.candidates[0].needs_context:
                chosen[i] = m.candidates[0]
        provinces = {c.code[:2] for c in chosen.values()}
        explicit_codes = {c.code for i, c in chosen.items() if mentions[i].explicit}
        # Pass 2: ambiguous names, by an explicit mention of one candidate, then by province context.
        for i, m in enumerate(mentions):
            if i in chosen:
                continue
            pick = [c for c in m.candidates if c.code in explicit_codes]
            if len(pick) != 1:
                pick = [c for c in m.candidates if c.code[:2] in provinces]
            if len(pick) > 1 and doc.dateline and doc.dateline.start <= m.start < doc.dateline.end:
                pick = [c for c in pick if c.kind == "kota"] or pick
            if len(pick) == 1:
                chosen[i] = pick[0]
        result = [
            RegionMention(m.start, m.end, text[m.start : m.end], c.code, _name(c.code), c.level, m.via)
            for i, m in enumerate(mentions)
            if (c := chosen.get(i)) is not None
        ]
        provinces |= {r.code[:2] for r in result}
        regencies = {r.code for r in result if r.level == "kabupaten_kota"}
        result += self._sub_regions(text, doc.lowered, provinces, regencies)
        result.sort(key=lambda r: r.start)
        doc.region_mentions = result
        doc.provinces = _ordered(_name(r.code[:2]) for r in result)
        doc.regencies = _ordered(_name(r.code[:5]) for r in result if r.level != "provinsi")
        return doc

    def _gazetteer_mentions(self, doc: Doc, text: str, folded: str) -> list[_Mention]:
        lex = self.lex
        mentions: list[_Mention] = []
        skipped_end = -10
        for start, end, candidates in gazetteer.get().find(folded):
            surface = text[start:end]
            before = folded[max(0, start - 30) : start]
            # "putra-putri Papua dan Papua Barat": the origin reading carries over a coordinated list.
            if lex.not_a_place.search(before) or (
                start - skipped_end < 6 and folded[skipped_end:start].strip() in ("dan", ",", "atau")
            ):
                skipped_end = end
                continue
            kind = _kind_before(lex, folded, start)
            if kind is None and folded[end : end + 5] == " kota":
                kind = "kota"
            options = [c for c in candidates if not c.upper_only or surface.isupper()]
            if kind is None:
                if not surface[:1].isupper():
                    continue
                if folded[start:end] in lex.positions and re.match(r" [A-Z]", text[end : end + 2]):
                    continue
                provincial = [c for c in options if c.level == "provinsi"]
                options = provincial or options
            else:
                options = [c for c in options if c.kind == kind] or options
            in_dateline = doc.dateline is not None and doc.dateline.start <= start < doc.dateline.end
            if in_dateline:
                options = [c for c in options if c.code[:2] not in lex.dateline_ignored]
            elif kind is None and folded[start:end] in lex.everyday_words:
                options = [Candidate(c.code, c.level, c.kind, c.via, True, c.upper_only) for c in options]
            if options:
                via = "alias" if all(c.via == "alias" for c in options) else "name"
                mentions.append(_Mention(start, end, options, kind is not None, via))
        return mentions

    def _sub_regions(self, text: str, lowered: str, provinces: set[str], regencies: set[str]) -> list[RegionMention]:
        found: list[RegionMention] = []
        for level, triggers in self.lex.triggers.find(lowered).items():
            for _, trigger_end in triggers:
                m = _NAME.match(text, trigger_end)
                if m is None:
                    continue
                index = gazetteer.get().kecamatan if level == "kecamatan" else gazetteer.desa_index()
                hit = _lookup_prefix(m.group(), index)
                if hit is None:
                    continue
                key, codes = hit
                local = [c for c in codes if c[:5] in regencies] or [c for c in codes if c[:2] in provinces]
                if len(local) != 1 and not (level == "kecamatan" and len(codes) == 1 and not local):
                    continue
                code = (local or list(codes))[0]
                start = m.start()
                end = start + len(key)
                name = _name(code) if level == "kecamatan" else " ".join(w.capitalize() for w in key.split())
                found.append(RegionMention(start, end, text[start:end], code, name, level, level))
                regencies.add(code[:5])
                provinces.add(code[:2])
        return found


def _name(code: str) -> str:
    region = reference.get(code)
    return region.canonical_name if region else code


def _ordered(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))
