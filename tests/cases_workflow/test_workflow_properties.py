"""Random sequences of actions by random roles (hypothesis): whatever is tried, the workflow's guarantees hold."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netral.cases.workflow import IllegalTransition, Workflow

ROLES = ("bawaslu_ri", "bawaslu_provinsi", "bawaslu_kabkota", "panwascam", "bkn_reviewer", "ppk_officer", "analyst",
         "administrator", "outsider")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), intake=st.sampled_from(["laporan", "temuan", "informasi_awal"]))
def test_no_asn_sanction_without_a_plenary_decision_and_a_bkn_recommendation(
    wf: Workflow, new_case: Callable[[str], Any], inputs_for: Callable[..., dict[str, Any]], data: Any, intake: str
) -> None:
    case = new_case(intake)
    taken = 0
    for _ in range(data.draw(st.integers(min_value=1, max_value=60), label="steps")):
        run = data.draw(st.sampled_from(case.tracks), label="track")
        track = wf.track(run.kind)
        t = data.draw(st.sampled_from(track.transitions), label="transition")
        role = data.draw(st.sampled_from(ROLES), label="role")
        overdue = data.draw(st.booleans(), label="overdue")
        chosen = None
        if t.choose:
            chosen = tuple(data.draw(st.lists(st.sampled_from(t.opens), min_size=1, unique=True), label="tracks"))
        before = (run.state, len(case.tracks))
        was_terminal = track.state(run.state).terminal
        try:
            nth = next(i for i, r in enumerate(r for r in case.tracks if r.kind == run.kind) if r is run)
            out = case.act(run.kind, t.code, role, inputs_for(run.kind, t, tracks=chosen), n=nth, overdue=overdue)
        except IllegalTransition as exc:
            assert (run.state, len(case.tracks)) == before  # a refusal changes nothing
            assert exc.message_id and exc.message_en
            continue
        taken += 1
        assert not was_terminal
        assert role in t.roles and role not in ("analyst", "outsider")
        assert out.from_state in t.sources and out.to_state == t.target
        if t.when_overdue:
            assert overdue
        if out.track == "bawaslu" and out.to_state == "selesai":
            assert all(wf.track(r.kind).state(r.state).terminal for r in case.tracks[1:])

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
