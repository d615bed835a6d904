"""What an alert pre-fills from `netral.text`'s result: where the event happened, how sure the pipeline is, and the
facts a supervisor would otherwise copy by hand. Pure Python: reads the result dict, no database."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SUMMARY_LIMIT = 300


def _codes(analysis: Mapping[str, Any], level: str, names: list[str]) -> list[str]:
    wanted = set(names)
    found = (m["code"] for m in analysis.get("regions", []) if m.get("level") == level and m.get("name") in wanted)
    return list(dict.fromkeys(found))


def _common_parent(codes: list[str]) -> str:
    provinces = {code.split(".")[0] for code in codes}
    return provinces.pop() if len(provinces) == 1 else ""


def event_region_code(analysis: Mapping[str, Any]) -> str:
    """The most precise region the event can be placed in, or "" when the text does not say.

    The pipeline's `regencies`/`provinces` are the event's places (datelines and the reporting office are already
    set aside there). One regency: its kecamatan when exactly one of its kecamatan is named, else the regency.
    Several regencies: their common province. No regency: the single province, if there is one.
    """
    regencies = _codes(analysis, "kabupaten_kota", list(analysis.get("regencies", [])))
    if len(regencies) == 1:
        regency = regencies[0]
        below = {
            m["code"]
            for m in analysis.get("regions", [])
            if m.get("level") == "kecamatan" and str(m.get("code", "")).startswith(regency + ".")
        }
        return below.pop() if len(below) == 1 else regency
    if regencies:
        return _common_parent(regencies)
    provinces = _codes(analysis, "provinsi", list(analysis.get("provinces", [])))
    if not provinces:  # a province named only through its regencies' parent: the names list is enough
        return ""
    return provinces[0] if len(provinces) == 1 else ""


def violation_confidence(analysis: Mapping[str, Any]) -> float:
    """How sure the pipeline is that the text reports a violation: its best finding, 0 when none is reported."""
    if not analysis.get("violation_reported"):
        return 0.0
    scores = [float(f.get("confidence", 0.0)) for f in analysis.get("violation_types", [])]
    return max(scores, default=0.5)


def _first_sentence(text: str) -> str:
    sentence = text.strip().split("\n", 1)[0]
    cut = sentence.find(". ")
    return sentence[: cut + 1] if 0 < cut < SUMMARY_LIMIT else sentence


def case_facts(analysis: Mapping[str, Any], *, title: str, text: str, url: str = "") -> dict[str, Any]:
    """The new-case form's initial values, as JSON: every field stays editable by the supervisor."""
    findings = analysis.get("violation_types", [])
    evidence = list(dict.fromkeys(str(f.get("evidence", "")).strip() for f in findings))
    summary = (title or _first_sentence(text)).strip()[:SUMMARY_LIMIT]
    dates = sorted(str(d) for d in analysis.get("dates", []) if d)
    persons = [
        {"name": p.get("name", ""), "position": p.get("position", ""), "subject_type": p.get("subject_type") or ""}
        for p in analysis.get("persons", [])
        if p.get("subject_type") and not p.get("speaker")
    ]
    return {
        "summary": summary,
        "description": "\n".join(e for e in evidence if e)[:4000],
        "event_date": dates[0] if dates else "",
        "region_code": event_region_code(analysis),
        "violation_codes": list(dict.fromkeys(str(f.get("code", "")) for f in findings if f.get("code"))),
        "violation_kinds": list(analysis.get("violation_kinds", [])),
        "subject_types": list(analysis.get("subject_types", [])),
        "stages": list(analysis.get("stages", [])),
        "elections": list(analysis.get("elections", [])),
        "persons": persons,
        "url": url,
    }
