"""Random sequences of actions by random roles (hypothesis): whatever is tried, the workflow's guarantees hold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from netral.cases.workflow import IllegalTransition, Workflow

TODAY = dt.date(2024, 12, 31)
ROLES = (
    "bawaslu_ri",
    "bawaslu_provinsi",
    "bawaslu_kabkota",
    "panwascam",
    "bkn_reviewer",
    "ppk_officer",
    "analyst",
    "administrator",
    "outsider",
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), intake=st.sampled_from(["laporan", "temuan", "informasi_awal"]))
def test_no_asn_sanction_without_a_plenary_decision_and_a_bkn_recommendation(
    wf: Workflow, new_case: Callable[[str], Any], inputs_for: Callable[..., dict[str, Any]], data: Any, intake: str
) -> None:
    case = new_case(intake)
    for _ in range(data.draw(st.integers(min_value=20, max_value=80), label="steps")):
        running = [r for r in case.tracks if not wf.track(r.kind).state(r.state).terminal]
        if not running:
            break
        run = data.draw(st.sampled_from(running), label="track")
        track = wf.track(run.kind)
        # mostly plausible moves (a transition leaving the state, by a role allowed to take it), sometimes anything
        leaving = list(track.leaving(run.state))
        onward = [x for x in leaving if not track.state(x.target).terminal]
        if onward and data.draw(st.integers(0, 9), label="onward") < 8:
            leaving = onward  # mostly keep the case going, so long paths get explored
        plausible = bool(leaving) and data.draw(st.integers(0, 9), label="plausible") < 8
        t = data.draw(st.sampled_from(leaving if plausible else track.transitions), label="transition")
        role = data.draw(st.sampled_from(t.roles if plausible else ROLES), label="role")
        overdue = data.draw(st.booleans(), label="overdue")
        chosen = None
        if t.choose:
            chosen = tuple(data.draw(st.lists(st.sampled_from(t.opens), min_size=1, unique=True), label="tracks"))
        before = (run.state, len(case.tracks))
        refusal: IllegalTransition | None = None
        try:
            nth = next(i for i, r in enumerate(r for r in case.tracks if r.kind == run.kind) if r is run)
            out = case.act(run.kind, t.code, role, inputs_for(run.kind, t, tracks=chosen), n=nth, overdue=overdue)
        except IllegalTransition as exc:
            refusal = exc
        if refusal is not None:
            assert (run.state, len(case.tracks)) == before  # a refusal changes nothing
            assert refusal.message_id
            assert refusal.message_en
            continue
        assert role in t.roles and role not in ("analyst", "administrator", "outsider")
        assert out.from_state in t.sources and out.to_state == t.target
        if t.when_overdue:
            assert overdue
        if out.track == "bawaslu" and out.to_state == "selesai":
            assert all(wf.track(r.kind).state(r.state).terminal for r in case.tracks[1:])

    event(f"asn sanction reached: {any(r.kind == 'asn' and 'catat_sanksi' in r.history for r in case.tracks)}")
    event(f"child tracks opened: {len(case.tracks) > 1}")
    bawaslu_history = case.tracks[0].history
    for run in case.tracks[1:]:
        assert "putuskan_teruskan" in bawaslu_history  # no child track without the plenary decision
        if run.kind == "asn" and "catat_sanksi" in run.history:
            assert run.history.index("rekomendasi_ppk") < run.history.index("catat_sanksi")
            assert run.state in ("sanksi_dijatuhkan", "selesai")
        if run.kind == "asn" and run.state in ("sanksi_dijatuhkan", "selesai"):
            assert "rekomendasi_ppk" in run.history and "catat_sanksi" in run.history


def test_every_path_to_the_asn_sanction_passes_the_ppk_waiting_state(wf: Workflow) -> None:
    """Graph check: remove `menunggu_ppk` and the sanction state can no longer be reached from the referral."""
    asn = wf.track("asn")
    edges: dict[str, set[str]] = {}
    for t in asn.transitions:
        for s in t.sources:
            if "menunggu_ppk" not in (s, t.target):
                edges.setdefault(s, set()).add(t.target)
    seen: set[str] = set()
    todo = [asn.initial_state]
    while todo:
        s = todo.pop()
        if s not in seen:
            seen.add(s)
            todo += edges.get(s, set())
    assert "sanksi_dijatuhkan" not in seen
    assert [t.code for t in asn.transitions if t.target == "menunggu_ppk"] == ["rekomendasi_ppk"]


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_on_the_asn_track_alone_no_sanction_is_recorded_before_the_recommendation(
    wf: Workflow, inputs_for: Callable[..., dict[str, Any]], data: Any
) -> None:
    asn = wf.track("asn")
    state, history = asn.initial_state, []
    for _ in range(data.draw(st.integers(min_value=1, max_value=30), label="steps")):
        t = data.draw(st.sampled_from(asn.transitions), label="transition")
        role = data.draw(st.sampled_from(ROLES), label="role")
        overdue = data.draw(st.booleans(), label="overdue")
        try:
            out = wf.apply("asn", state, t.code, role, inputs_for("asn", t), overdue=overdue, today=TODAY)
        except IllegalTransition:
            continue
        state = out.to_state
        history.append(t.code)
        if state == "sanksi_dijatuhkan":
            event("sanction reached")
            assert "rekomendasi_ppk" in history
            assert history.index("rekomendasi_ppk") < history.index("catat_sanksi")
        if t.code in ("blokir_data", "eskalasi"):
            assert overdue and "rekomendasi_ppk" in history
