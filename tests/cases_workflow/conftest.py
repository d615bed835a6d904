"""Shared pieces for the workflow tests: valid inputs for any transition, and a small in-memory case.

The tests are pure (no database): they run under pytest-django but touch no model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from netral.cases.workflow import Outcome, Transition, Workflow, load_workflow

TODAY = dt.date(2024, 12, 31)
LETTER_DAY = dt.date(2024, 10, 22)

SANCTIONS: dict[str, dict[str, Any]] = {
    "asn": {"level": "berat", "type": "Penurunan jabatan setingkat lebih rendah selama 12 bulan"},
    "internal_tni_polri": {"level": "internal", "type": "Hukuman disiplin"},
    "village": {"level": "desa", "type": "Teguran tertulis"},
}


def letter(number: str = "0123/PP.01.02/K.KS-05/10/2024", day: dt.date = LETTER_DAY) -> dict[str, Any]:
    return {"number": number, "date": day}


def valid_inputs(track_kind: str, t: Transition, *, tracks: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Inputs that satisfy every requirement of `t` (choosing `tracks`, default: all, when the actor chooses)."""
    chosen = tracks if tracks is not None else t.opens
    needed = list(t.requires) + [
        k for kind in (chosen if t.choose else t.opens) for k in t.requires_if_opens.get(kind, ())
    ]
    values: dict[str, Any] = {
        "reason": "Tidak memenuhi unsur; dijelaskan dalam berita acara.",
        "missing_items": ["bukti", "waktu_tempat"],
        "registration": (
            "001/Reg/TM/PB/Kab/22.05/X/2024" if t.code == "tetapkan_temuan" else "001/Reg/LP/PB/Kab/22.05/X/2024"
        ),
        "invitations": [{"name": "Kasmayuda", "capacity": "pelapor"}, {"name": "SE", "capacity": "terlapor"}],
        "minutes": {"date": dt.date(2024, 10, 18)},
        "study": {"conclusion": "Terlapor terbukti hadir dan berbicara dalam kampanye terbatas."},
        "decision": letter("05/PL/PB/Kab/22.05/X/2024"),
        "recommendation_letter": letter("0421/PP.01.02/K.KS-05/10/2024"),
        "recommendation": {**letter("B-1234/KASN/10/2024"), "sanction_level": "berat"},
        "sanction": {
            **SANCTIONS.get(track_kind, SANCTIONS["asn"]),
            "decree_number": "800/1234/BKPSDM/2024",
            "decree_date": dt.date(2024, 11, 20),
        },
        "block": {"reference": "SIASN-BLK-2024-0042", "date": dt.date(2024, 11, 25)},
        "escalation": {**letter("B-77/BKN/11/2024"), "to": "kemendagri"},
        "verdict": {**letter("123/Pid.Sus/2020/PN Mtp"), "result": "terbukti"},
        "letter": letter(),
    }
    out = {k: values[k] for k in dict.fromkeys(needed)}
    if t.choose:
        out["tracks"] = list(chosen)
    return out


@dataclass
class TrackRun:
    kind: str
    state: str
    history: list[str] = field(default_factory=list)


@dataclass
class CaseSim:
    """A case in memory: the bawaslu track first, then child tracks in the order they opened."""

    wf: Workflow
    tracks: list[TrackRun]

    @classmethod
    def start(cls, wf: Workflow, intake: str) -> CaseSim:
        opening = wf.start(intake)
        return cls(wf, [TrackRun(opening.kind, opening.state)])

    def run(self, kind: str, n: int = 0) -> TrackRun:
        return [r for r in self.tracks if r.kind == kind][n]

    def state(self, kind: str, n: int = 0) -> str:
        return self.run(kind, n).state

    def act(
        self,
        kind: str,
        code: str,
        role: str,
        inputs: dict[str, Any] | None = None,
        *,
        n: int = 0,
        overdue: bool = False,
        tracks: tuple[str, ...] | None = None,
    ) -> Outcome:
        run = self.run(kind, n)
        t = self.wf.track(kind).transition(code)
        given = inputs if inputs is not None else valid_inputs(kind, t, tracks=tracks)
        children = [(r.kind, r.state) for r in self.tracks[1:]]
        outcome = self.wf.apply(kind, run.state, code, role, given, overdue=overdue, children=children, today=TODAY)
        run.state = outcome.to_state
        run.history.append(code)
        self.tracks += [TrackRun(o.kind, o.state) for o in outcome.opens]
        return outcome


@pytest.fixture(scope="session")
def wf() -> Workflow:
    return load_workflow()


NewCase = Callable[[str], CaseSim]


@pytest.fixture(scope="session")
def new_case(wf: Workflow) -> NewCase:
    """Start an in-memory case from an intake: ``case = new_case("laporan")``."""
    return lambda intake: CaseSim.start(wf, intake)


@pytest.fixture(scope="session")
def inputs_for() -> Callable[..., dict[str, Any]]:
    """`valid_inputs(track_kind, transition, tracks=...)`."""
    return valid_inputs
