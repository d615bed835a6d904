"""netral.organisations.v1: organisations, normalised ("Bawaslu Kab. Batola" → "Bawaslu Kabupaten Barito Kuala").

Regional bodies take the region written right after them, resolved by netral.regions.v1, so their names follow
the region's canonical name: "Kesbangpol Provinsi Kalimantan Tengah", "Bawaslu Kota Banjarmasin", "Bawaslu RI".
"""

from __future__ import annotations

import re
from typing import ClassVar

from netral.text import lexicon
from netral.text.model import Doc, Organisation, RegionMention
from netral.text.pipeline import register

# What may stand between a body and its region: "(Bawaslu) Provinsi", "Kab.", "Kabupaten/Kota".
_BETWEEN = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?(?:(?:Provinsi|Prov\.?|Kabupaten|Kab\.?|Kota|Kecamatan|Kec\.)\s*)?$")
_NATIONAL = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?(?:RI|Republik Indonesia|Pusat)\b")


class _Body:
    def __init__(self, name: str, regional: bool) -> None:
        self.name, self.regional = name, regional


@register
class OrganisationFinder:
    name: ClassVar[str] = "netral.organisations.v1"
    requires: ClassVar[tuple[str, ...]] = ("text", "region_mentions")
    assigns: ClassVar[tuple[str, ...]] = ("organisations",)

    def __init__(self) -> None:
        self.bodies: list[_Body] = []
        groups = []
        for i, entry in enumerate(lexicon.load("organisations")["org"]):
            self.bodies.append(_Body(entry["name"], bool(entry.get("regional", False))))
            forms = sorted(entry["forms"], key=len, reverse=True)
            groups.append(f"(?P<o{i}>{'|'.join(forms)})")
        self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(groups) + r")(?![\w])")

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        found: list[Organisation] = []
        for m in self.pattern.finditer(text):
            body = self.bodies[int(str(m.lastgroup)[1:])]
            name, end, region_code = body.name, m.end(), None
            if body.regional:
                national = _NATIONAL.match(text, m.end())
                region = None if national else _region_after(doc.region_mentions, text, m.end())
                if national:
                    name, end = f"{body.name} RI", national.end()
                elif region is not None:
                    name, end, region_code = _regional_name(body.name, region), region.end, region.code
            found.append(Organisation(m.start(), end, text[m.start() : end], name, region_code))
        doc.organisations = found
        return doc


def _region_after(mentions: list[RegionMention], text: str, position: int) -> RegionMention | None:
    for region in mentions:
        if position <= region.start <= position + 40 and _BETWEEN.match(text[position : region.start]):
            return region
        if region.start > position + 40:
            break
    return None


def _regional_name(body: str, region: RegionMention) -> str:
    place = f"Provinsi {region.name}" if region.level == "provinsi" else region.name
    return f"{body} {place}"
