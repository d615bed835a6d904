"""Indonesian text analysis for neutrality supervision: clean → segment → extract → classify.

Pure Python (no Django). `analyze(text)` runs the default pipeline (`netral.text.pipeline.get_pipeline()`) and
returns an `Analysis`; `Analysis.to_dict()` has the nine fields of the gold annotation guide at top level plus
persons, organisations, regions, letter numbers, legal references and SKB violation types with evidence.
"""

from __future__ import annotations

from netral.text.model import Analysis, Doc

__all__ = ["Analysis", "Doc", "analyze"]


def analyze(text: str, *, url: str | None = None, published: str | None = None) -> Analysis:
    from netral.text.pipeline import get_pipeline

    return Analysis(get_pipeline()(Doc(raw=text, url=url, published=published)))
