"""docs/workflow.md shows the current workflow: every track's diagram and every state and transition."""

from __future__ import annotations

from pathlib import Path

from netral.cases.workflow import Workflow

DOC = Path(__file__).resolve().parents[2] / "docs" / "workflow.md"


def test_the_page_embeds_the_current_diagram_of_every_track(wf: Workflow) -> None:
    text = DOC.read_text(encoding="utf-8")
    for track in wf.tracks:
        assert f"```mermaid\n{track.mermaid()}\n```" in text, f"regenerate the {track.kind} diagram"


def test_the_page_lists_every_state_and_transition(wf: Workflow) -> None:
    text = DOC.read_text(encoding="utf-8")
    for track in wf.tracks:
        assert f"### Track `{track.kind}`" in text
        for s in track.states:
            assert f"| `{s.code}` |" in text
        for t in track.transitions:
            assert f"| `{t.code}` |" in text
