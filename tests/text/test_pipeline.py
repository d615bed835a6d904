"""The component registry, the order check, and the public `analyze` API."""

from __future__ import annotations

import json
from typing import ClassVar

import pytest

from netral.text import analyze
from netral.text.model import Doc
from netral.text.pipeline import DEFAULT_COMPONENTS, REGISTRY, Pipeline, PipelineError, build, get_pipeline

ANNOTATION_FIELDS = [
    "violation_reported",
    "subject_types",
    "violation_kinds",
    "stages",
    "elections",
    "provinces",
    "regencies",
    "subjects",
    "dates",
]


def test_every_default_component_is_registered_under_a_versioned_name() -> None:
    assert get_pipeline().names == list(DEFAULT_COMPONENTS)
    assert all(name.startswith("netral.") and name.rsplit(".", 1)[1].startswith("v") for name in REGISTRY)


def test_every_component_declares_what_it_requires_and_assigns() -> None:
    doc_fields = set(Doc.__dataclass_fields__)
    for component in get_pipeline().components:
        assert set(component.requires) <= doc_fields, component.name
        assert set(component.assigns) <= doc_fields and component.assigns, component.name


class _NeedsSentences:
    name: ClassVar[str] = "test.needs_sentences.v1"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("subjects",)

    def __call__(self, doc: Doc) -> Doc:
        return doc


def test_a_component_before_its_requirements_is_refused_once_at_build_time() -> None:
    with pytest.raises(PipelineError, match="E001"):
        Pipeline([_NeedsSentences()])


def test_an_unknown_component_name_is_refused() -> None:
    with pytest.raises(PipelineError, match="E002"):
        build(["netral.clean.v1", "netral.nothing.v9"])


def test_the_pipeline_is_built_once_per_process() -> None:
    assert get_pipeline() is get_pipeline()


def test_analyze_returns_the_annotation_fields_and_richer_ones_as_json() -> None:
    result = analyze(
        "BARABAI - Ketua Bawaslu HST mengingatkan ASN agar netral pada Pemilu 2024, Senin (6/11/2023).",
        url="https://contoh.id/berita",
        published="2023-11-06",
    ).to_dict()
    assert all(field in result for field in ANNOTATION_FIELDS)
    for field in ("entities", "persons", "organisations", "regions", "letter_numbers", "legal_refs", "violation_types"):
        assert isinstance(result[field], list)
    assert result["clean"] == {"removed_lines": [], "teasers": []}
    assert result["regencies"] == ["Kabupaten Hulu Sungai Tengah"]
    assert result["dates"] == ["2023-11-06"]
    json.dumps(result)


def test_entities_carry_character_spans_into_the_cleaned_text() -> None:
    analysis = analyze("Bawaslu Kab. Batola memanggil Camat Contoh pada 13 November 2023.")
    for entity in analysis.entities():
        assert analysis.doc.text[entity["start"] : entity["end"]] == entity["text"]
    assert {e["label"] for e in analysis.entities()} >= {"ORG", "REGION", "DATE"}


def test_an_empty_text_gives_an_empty_result() -> None:
    result = analyze("").to_dict()
    assert result["violation_reported"] is False and result["provinces"] == []
