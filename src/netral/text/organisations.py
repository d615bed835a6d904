"""netral.organisations.v1: organisations, normalised ("Bawaslu Kab. Batola" → "Bawaslu Kabupaten Barito Kuala").

Regional bodies take the region written right after them, resolved by netral.regions.v1, so their names follow
the region's canonical name: "Kesbangpol Provinsi Kalimantan Tengah", "Bawaslu Kota Banjarmasin", "Bawaslu RI".
"""

from __future__ import annotations

import re
from typing import ClassVar

from netral.text import lexicon
from netral.text.cues import CueIndex
from netral.text.model import Doc, Organisation, RegionMention
from netral.text.pipeline import register

# What may stand between a body and its region: "(Bawaslu) Provinsi", "Kab.", "Kabupaten/Kota".
_BETWEEN = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?(?:(?:Provinsi|Prov\.?|Kabupaten|Kab\.?|Kota|Kecamatan|Kec\.)\s*)?$")
_NATIONAL = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?(?:RI|Republik Indonesia|Pusat)\b")


class _Body:
    def __init__(self, name: str, regional: bool) -> None:
        self.name, self.regional = name, regional


@register
class OrganisationFinder:
    name: ClassVar[str] = "netral.organisations.v1"
    requires: ClassVar[tuple[str, ...]] = ("text", "region_mentions")
    assigns: ClassVar[tuple[str, ...]] = ("organisations",)

    def __init__(self) -> None:
        entries = lexicon.load("organisations")["org"]
        self.bodies = {str(i): _Body(e["name"], bool(e.get("regional", False))) for i, e in enumerate(entries)}
        self.forms = CueIndex({str(i): [f"{form}(?![\\w-])" for form in e["forms"]] for i, e in enumerate(entries)})

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        matches = sorted(((start, -end, key) for key, spans in self.forms.find(text).items() for start, end in spans))
        found: list[Organisation] = []
        for start, neg_end, key in matches:
            if found and start < found[-1].end:
                continue  # the longest form at a place wins; "Bawaslu" inside "Bawaslu RI" is not a second body
            body = self.bodies[key]
            name, end, region_code = body.name, -neg_end, None
            if body.regional:
                national = _NATIONAL.match(text, end)
                region = None if national else _region_after(doc.region_mentions, text, end)
                if national:
                    name, end = f"{body.name} RI", national.end()
                elif region is not None:
                    name, end, region_code = _regional_name(body.name, region), region.end, region.code
            found.append(Organisation(start, end, text[start:end], name, region_code))
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
