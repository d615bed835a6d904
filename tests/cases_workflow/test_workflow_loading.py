"""workflow.toml loads and validates; a bad edit is refused with the file and the entry named."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from netral.cases.workflow import CASE_REGIMES, WORKFLOW_FILE, Workflow, WorkflowError, read_workflow
from netral.rules.catalogue import STARTS_ON, load_catalogue


def test_the_packaged_workflow_loads_with_all_six_tracks(wf: Workflow) -> None:
    assert [t.kind for t in wf.tracks] == ["bawaslu", "asn", "gakkumdu", "dkpp", "internal_tni_polri", "village"]
    assert wf.version
    assert {i.code for i in wf.intakes} == {"laporan", "temuan", "informasi_awal"}


def test_every_deadline_step_exists_in_the_catalogue_for_its_regime(wf: Workflow) -> None:
    cat = load_catalogue()
    for track in wf.tracks:
        for s in track.states:
            for regime, code in s.deadline.items():
                assert regime in CASE_REGIMES
                assert cat.step(regime, code).code == code


def test_every_marked_event_is_a_catalogue_clock_event(wf: Workflow) -> None:
    marks = {m for t in wf.tracks for tr in t.transitions for m in tr.marks}
    marks |= {m for i in wf.intakes for m in i.marks} | {m for t in wf.tracks for m in t.marks}
    assert marks <= set(STARTS_ON)


def test_every_state_is_reachable_from_an_entry_state(wf: Workflow) -> None:
    for track in wf.tracks:
        edges: dict[str, set[str]] = {}
        for t in track.transitions:
            for s in t.sources:
                edges.setdefault(s, set()).add(t.target)
        seen: set[str] = set()
        todo = list(wf.entry_states(track.kind))
        while todo:
            s = todo.pop()
            if s not in seen:
                seen.add(s)
                todo += edges.get(s, set())
        assert seen == {s.code for s in track.states}, track.kind


def test_every_non_terminal_state_has_a_way_out_and_terminal_states_none(wf: Workflow) -> None:
    for track in wf.tracks:
        for s in track.states:
            leaving = [t for t in track.leaving(s.code) if t.target != s.code]
            assert bool(leaving) != s.terminal, f"{track.kind}.{s.code}"


def test_the_analyst_can_take_no_transition_anywhere(wf: Workflow) -> None:
    assert all("analyst" not in t.roles for track in wf.tracks for t in track.transitions)


def test_every_child_track_is_opened_by_the_plenary_decision(wf: Workflow) -> None:
    forward = wf.track("bawaslu").transition("putuskan_teruskan")
    assert set(forward.opens) == {t.kind for t in wf.tracks} - {"bawaslu"}
    assert forward.choose
    assert forward.requires_if_opens["asn"] == ("recommendation_letter",)


def test_every_transition_with_a_legal_basis_has_a_source(wf: Workflow) -> None:
    for track in wf.tracks:
        for t in track.transitions:
            if t.legal_basis:
                assert t.source.startswith("https://"), f"{track.kind}.{t.code}"


# --- validation of edited copies ----------------------------------------------------------------------------------


def _edited(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    text = WORKFLOW_FILE.read_text(encoding="utf-8")
    assert old in text, old
    target = tmp_path / "workflow.toml"
    target.write_text(text.replace(old, new, count), encoding="utf-8")
    return target


def _refused(path: Path) -> WorkflowError:
    with pytest.raises(WorkflowError) as info:
        read_workflow(path)
    assert str(info.value).startswith("workflow.toml: ")
    return info.value


def test_an_unedited_copy_reads_the_same(tmp_path: Path) -> None:
    shutil.copy(WORKFLOW_FILE, tmp_path / "workflow.toml")
    assert read_workflow(tmp_path / "workflow.toml").version == read_workflow(WORKFLOW_FILE).version


def test_it_refuses_a_transition_to_an_unknown_state(tmp_path: Path) -> None:
    err = _refused(_edited(tmp_path, 'to = "menunggu_kelengkapan"', 'to = "menunggu_dokumen"'))
    assert err.entry == "track bawaslu transition #3 minta_kelengkapan"
    assert "unknown state 'menunggu_dokumen'" in err.problem


def test_it_refuses_a_transition_from_a_terminal_state(tmp_path: Path) -> None:
    err = _refused(_edited(tmp_path, 'from = ["menunggu_kelengkapan"]', 'from = ["selesai"]'))
    assert "laporan_dilengkapi" in err.entry
    assert "transition from terminal state 'selesai'" in err.problem


def test_it_refuses_an_unreachable_state(tmp_path: Path) -> None:
    path = _edited(
        tmp_path,
        '  [[track.state]]\n  code = "selesai"\n',
        '  [[track.state]]\n  code = "terlupa"\n  name = "Terlupa"\n  terminal = true\n  deadline = ""\n'
        '  note = ""\n\n  [[track.state]]\n  code = "selesai"\n',
    )
    err = _refused(path)
    assert err.entry == "track bawaslu state terlupa"
    assert "unreachable" in err.problem


def test_it_refuses_a_non_terminal_dead_end(tmp_path: Path) -> None:
    path = _edited(
        tmp_path,
        'code = "tidak_diregistrasi"\n  name = "Tidak diregistrasi"\n  terminal = true\n',
        'code = "tidak_diregistrasi"\n  name = "Tidak diregistrasi"\n  terminal = false\n',
    )
    err = _refused(path)
    assert err.entry == "track bawaslu state tidak_diregistrasi"
    assert "no way out" in err.problem


def test_it_refuses_an_unknown_role(tmp_path: Path) -> None:
    err = _refused(_edited(tmp_path, 'roles = ["bkn_reviewer"]', 'roles = ["kasn_reviewer"]'))
    assert err.entry == "track asn transition #1 verifikasi_satgas"
    assert "unknown role 'kasn_reviewer'" in err.problem


def test_it_refuses_the_read_only_analyst_in_a_transition(tmp_path: Path) -> None:
    err = _refused(_edited(tmp_path, 'roles = ["bkn_reviewer"]', 'roles = ["analyst"]'))
    assert "read-only" in err.problem


def test_it_refuses_a_deadline_step_the_catalogue_does_not_have(tmp_path: Path) -> None:
    err = _refused(_edited(tmp_path, 'deadline = "eksekusi_ppk"', 'deadline = "eksekusi_ppk_10"'))
    assert err.entry == "track asn state #4 menunggu_ppk"
    assert "unknown deadline step 'eksekusi_ppk_10'" in err.problem
    assert "procedures.toml" in err.problem


def test_it_refuses_an_unknown_input_kind(tmp_path: Path) -> None:
    err = _refused(_edited(tmp_path, 'requires = ["missing_items"]', 'requires = ["kekurangan"]'))
    assert "unknown input kind 'kekurangan'" in err.problem


def test_it_refuses_a_sanction_level_the_catalogue_does_not_know(tmp_path: Path) -> None:
    old = 'sanction_levels = ["moral", "ringan", "sedang", "berat", "pemberhentian"]'
    err = _refused(_edited(tmp_path, old, 'sanction_levels = ["moral", "keras"]'))
    assert "unknown sanction level 'keras'" in err.problem


def test_it_refuses_an_unknown_clock_event(tmp_path: Path) -> None:
    err = _refused(_edited(tmp_path, 'marks = ["satgas_verified"]', 'marks = ["satgas_done"]'))
    assert "unknown clock event 'satgas_done'" in err.problem


def test_it_refuses_an_overdue_only_transition_from_states_without_deadline(tmp_path: Path) -> None:
    text = WORKFLOW_FILE.read_text(encoding="utf-8")
    block = re.search(r'code = "blokir_data"\n  from = \[[^\]]*\]', text)
    assert block
    err = _refused(_edited(tmp_path, block.group(0), 'code = "blokir_data"\n  from = ["ppk_lalai"]'))
    assert "when_overdue" in err.problem


def test_it_refuses_a_child_track_nobody_opens(tmp_path: Path) -> None:
    old = 'opens = ["asn", "gakkumdu", "dkpp", "internal_tni_polri", "village"]'
    path = _edited(tmp_path, old, 'opens = ["asn", "gakkumdu", "internal_tni_polri", "village"]')
    err = _refused(path)
    assert err.entry == "track dkpp"
    assert "no transition opens this track" in err.problem


def test_it_refuses_a_bad_registration_table(tmp_path: Path) -> None:
    err = _refused(_edited(tmp_path, 'pilkada = ["PB", "PW", "PG"]', 'pilkada = ["PB", "PL"]'))
    assert err.entry == "registration"


def test_the_workflow_roles_are_the_account_roles_and_only_case_handlers_act(wf: Workflow) -> None:
    """Drift check against netral.accounts (roles.toml): same codes; whoever takes a transition may handle cases
    (cases.transition) or respond to referrals (referrals.respond); the others take none."""
    from netral.accounts.roles import role_table

    table = role_table().roles
    assert {r.code for r in wf.roles} == set(table)
    acting = {role for track in wf.tracks for t in track.transitions for role in t.roles}
    for code, spec in table.items():
        handles = bool({"cases.transition", "referrals.respond"} & spec.capabilities)
        assert (code in acting) == handles, code
