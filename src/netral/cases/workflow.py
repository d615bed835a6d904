"""The case workflow: a state machine per track, read from ``data/workflow.toml``, and the rules that move a case.

A case starts on the **bawaslu** track from an intake (laporan, temuan, informasi awal). Bawaslu's plenary
decision can open **child tracks** — asn (BKN/KASN → PPK), gakkumdu (crime → court), dkpp (organisers' ethics),
internal_tni_polri (Propam/Denpom), village (the regent, UU 6/2014) — each with its own state and deadlines, so one
act runs on several tracks at once (the Camat Aluh-Aluh case went to KASN and through Gakkumdu to court).

Pure Python, no Django; the case models store, per track, its kind, state, when the state was entered, and the
clock events the case has recorded (``report_received``, ``report_registered``, …, the catalogue's STARTS_ON), and
call:

* `load_workflow()` → `Workflow` (validated once; `WorkflowError` names file, entry and problem);
* `start(intake)` / `open_track(kind)` → `Opening` (first state, events to record);
* `available(track, state, role)` → the transitions a role may take now (for buttons);
* `apply(track, state, transition, role, inputs, …)` → `Outcome` (new state, child tracks to open, events to
  record, normalised inputs) or `IllegalTransition` with an Indonesian and an English message;
* `deadline_for(track, state, entered_at, regime, tz, events=…)` and `is_overdue(…)` through
  `netral.rules.calendar.due_for_step`, in the region's zone, for the case's regime (pemilu or pilkada).

Deny by default: a transition lists the roles that may take it; nobody else may (the analyst never can).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, cast

from netral.cases.inputs import INPUT_KINDS, INPUT_NAMES, InputContext, InputError
from netral.cases.registration import (
    INTAKE_CODES,
    Numbering,
    numbering_from_table,
    parse_registration_number,
    receipt_number,
    registration_number,
)
from netral.core.datafile import DataFileError, Entry, read_toml
from netral.rules.calendar import due_for_step
from netral.rules.catalogue import SANCTION_LEVELS, STARTS_ON, SUBJECT_TYPES, Catalogue, load_catalogue

__all__ = [
    "CASE_REGIMES",
    "WORKFLOW_FILE",
    "IllegalTransition",
    "Intake",
    "Opening",
    "Outcome",
    "Requirement",
    "Role",
    "State",
    "Track",
    "Transition",
    "Workflow",
    "WorkflowError",
    "apply",
    "available",
    "deadline_for",
    "is_overdue",
    "load_workflow",
    "open_track",
    "parse_registration_number",
    "read_workflow",
    "receipt_number",
    "registration_number",
    "start",
]

WORKFLOW_FILE = Path(__file__).resolve().parent / "data" / "workflow.toml"
#: The regimes a case is handled under (the shared `asn` steps apply within both).
CASE_REGIMES: tuple[str, ...] = ("pemilu", "pilkada")
_BAWASLU = "bawaslu"


class WorkflowError(DataFileError):
    """workflow.toml is inconsistent. The message names the file and the entry."""


class IllegalTransition(Exception):
    """A transition was refused. ``str()`` and ``message_id`` are Indonesian (for users); ``message_en`` English.

    ``reason`` is a stable code: unknown_track, unknown_state, unknown_transition, terminal_state, wrong_state,
    role_not_allowed, missing_input, invalid_input, unknown_input, not_overdue, children_open.
    """

    def __init__(self, reason: str, message_id: str, message_en: str, *, field: str | None = None) -> None:
        self.reason = reason
        self.message_id = message_id
        self.message_en = message_en
        self.field = field
        super().__init__(message_id)


# --- the model ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    name: str
    acts: bool


@dataclass(frozen=True, slots=True)
class Requirement:
    code: str
    kind: str  # formal | materiil
    name: str
    legal_basis: str


@dataclass(frozen=True, slots=True)
class Intake:
    code: str  # laporan | temuan | informasi_awal
    name: str
    description: str
    initial_state: str
    marks: tuple[str, ...]
    number_code: str  # LP | TM | ""
    legal_basis: str
    source: str
    note: str


@dataclass(frozen=True, slots=True)
class State:
    code: str
    name: str
    terminal: bool
    deadline: Mapping[str, str]  # regime → catalogue step code; a regime left out has no deadline here
    note: str

    def deadline_step(self, regime: str) -> str | None:
        return self.deadline.get(regime)


@dataclass(frozen=True, slots=True)
class Transition:
    code: str
    sources: tuple[str, ...]  # `from` in the TOML
    target: str  # `to`
    label: str
    roles: tuple[str, ...]  # expanded role codes
    requires: tuple[str, ...]
    optional: tuple[str, ...]
    opens: tuple[str, ...]
    choose: bool
    requires_if_opens: Mapping[str, tuple[str, ...]]
    marks: tuple[str, ...]
    when_overdue: bool
    children_closed: bool
    sanction_for: tuple[str, ...]
    sanction_levels: tuple[str, ...]
    legal_basis: str
    source: str
    note: str


@dataclass(frozen=True, slots=True)
class Opening:
    """A track as it opens: its first state, the clock events to record now, and that state's deadline steps."""

    kind: str
    state: str
    marks: tuple[str, ...]
    deadline: Mapping[str, str]

    def deadline_step(self, regime: str) -> str | None:
        return self.deadline.get(regime)


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of an allowed transition. The caller stores ``to_state`` (and when it was entered), records the
    ``marks`` events with the current moment (a later mark of the same event replaces the earlier), opens the
    ``opens`` child tracks, and keeps ``inputs`` (normalised) with the audit entry."""

    track: str
    transition: str
    from_state: str
    to_state: str
    terminal: bool
    opens: tuple[Opening, ...]
    marks: tuple[str, ...]
    deadline: Mapping[str, str]
    inputs: Mapping[str, Any]

    def deadline_step(self, regime: str) -> str | None:
        """The catalogue step whose deadline runs in the new state for a regime (None: no deadline)."""
        return self.deadline.get(regime)


@dataclass(frozen=True, slots=True)
class Track:
    kind: str
    name: str
    description: str
    initial_state: str
    marks: tuple[str, ...]
    states: tuple[State, ...]
    transitions: tuple[Transition, ...]
    legal_basis: str
    source: str
    note: str
    _workflow: Workflow | None = field(default=None, compare=False, repr=False)

    def state(self, code: str) -> State:
        for s in self.states:
            if s.code == code:
                return s
        raise KeyError(f"unknown state {code!r} in track {self.kind!r}")

    def has_state(self, code: str) -> bool:
        return any(s.code == code for s in self.states)

    def transition(self, code: str) -> Transition:
        for t in self.transitions:
            if t.code == code:
                return t
        raise KeyError(f"unknown transition {code!r} in track {self.kind!r}")

    def leaving(self, state: str) -> tuple[Transition, ...]:
        """Every transition out of a state, whatever the role."""
        return tuple(t for t in self.transitions if state in t.sources)

    def available(self, state: str, role: str, *, overdue: bool = False) -> list[Transition]:
        """The transitions `role` may take from `state` (those needing an overdue deadline only when `overdue`)."""
        return [t for t in self.leaving(state) if role in t.roles and (overdue or not t.when_overdue)]

    def opening(self) -> Opening:
        return Opening(self.kind, self.initial_state, self.marks, self.state(self.initial_state).deadline)

    def mermaid(self) -> str:
        """A Mermaid state diagram of the track (docs/workflow.md embeds these; a test keeps them in step)."""
        wf = self._workflow
        entries = wf.entry_states(self.kind) if wf else (self.initial_state,)
        lines = ["stateDiagram-v2"]
        lines += [f'    state "{s.name}" as {s.code}' for s in self.states]
        lines += [f"    [*] --> {e}" for e in entries]
        for t in self.transitions:
            for src in t.sources:
                lines.append(f"    {src} --> {t.target}: {t.code}")
        lines += [f"    {s.code} --> [*]" for s in self.states if s.terminal]
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Workflow:
    version: str
    roles: tuple[Role, ...]
    requirements: tuple[Requirement, ...]
    intakes: tuple[Intake, ...]
    tracks: tuple[Track, ...]
    numbering: Numbering
    catalogue: Catalogue = field(compare=False, repr=False)

    def track(self, kind: str) -> Track:
        for t in self.tracks:
            if t.kind == kind:
                return t
        raise KeyError(f"unknown track {kind!r} (known: {', '.join(t.kind for t in self.tracks)})")

    def intake(self, code: str) -> Intake:
        for i in self.intakes:
            if i.code == code:
                return i
        raise KeyError(f"unknown intake {code!r} (known: {', '.join(i.code for i in self.intakes)})")

    def role(self, code: str) -> Role:
        for r in self.roles:
            if r.code == code:
                return r
        raise KeyError(f"unknown role {code!r}")

    def entry_states(self, kind: str) -> tuple[str, ...]:
        """Where a track can start: for bawaslu every intake's state (and the initial one), else the initial one."""
        track = self.track(kind)
        if kind != _BAWASLU:
            return (track.initial_state,)
        states = [track.initial_state, *(i.initial_state for i in self.intakes)]
        return tuple(dict.fromkeys(states))

    def start(self, intake: str) -> Opening:
        """Open a case's bawaslu track from an intake."""
        i = self.intake(intake)
        return Opening(_BAWASLU, i.initial_state, i.marks, self.track(_BAWASLU).state(i.initial_state).deadline)

    def open_track(self, kind: str) -> Opening:
        return self.track(kind).opening()

    def available(self, track_kind: str, state: str, role: str, *, overdue: bool = False) -> list[Transition]:
        return self.track(track_kind).available(state, role, overdue=overdue)

    # --- apply ----------------------------------------------------------------------------------------------------

    def apply(
        self,
        track_kind: str,
        state: str,
        transition_code: str,
        role: str,
        inputs: Mapping[str, Any] | None = None,
        *,
        overdue: bool = False,
        children: Iterable[tuple[str, str]] = (),
        today: dt.date | None = None,
    ) -> Outcome:
        """Check and take one transition. See the module docstring; raises `IllegalTransition`.

        ``overdue``: whether the current state's deadline has passed (`is_overdue`); needed by transitions marked
        ``when_overdue`` (SIASN block, escalation). ``children``: (kind, state) of the case's child tracks, for
        transitions marked ``children_closed`` (closing the case). ``today``: the office's local date (default: the
        machine's date) — document dates after it are refused.
        """
        given = dict(inputs or {})
        track = self._track_or_refuse(track_kind)
        current = self._state_or_refuse(track, state)
        t = self._transition_or_refuse(track, current, transition_code)
        self._check_role(track, t, role)
        if t.when_overdue and not overdue:
            deadline = ", ".join(sorted(set(current.deadline.values()))) or "-"
            raise IllegalTransition(
                "not_overdue",
                f"'{t.label}' hanya dapat dilakukan setelah batas waktu status '{current.name}' terlewati "
                f"({deadline}).",
                f"{t.code} is only allowed once the deadline of state {current.code} ({deadline}) has passed.",
            )
        if t.children_closed:
            still_open = [(k, s) for k, s in children if not self.track(k).state(s).terminal]
            if still_open:
                names = "; ".join(f"{self.track(k).name}: {self.track(k).state(s).name}" for k, s in still_open)
                raise IllegalTransition(
                    "children_open",
                    f"Kasus belum dapat ditutup: masih ada jalur yang berjalan ({names}).",
                    f"{t.code} needs every child track closed; still open: "
                    + ", ".join(f"{k}={s}" for k, s in still_open),
                )
        normalised, opened = self._check_inputs(track, t, given, today or dt.date.today())
        target = track.state(t.target)
        return Outcome(
            track=track.kind,
            transition=t.code,
            from_state=current.code,
            to_state=target.code,
            terminal=target.terminal,
            opens=tuple(self.track(k).opening() for k in opened),
            marks=t.marks,
            deadline=target.deadline,
            inputs=MappingProxyType(normalised),
        )

    def _track_or_refuse(self, kind: str) -> Track:
        try:
            return self.track(kind)
        except KeyError:
            known = ", ".join(t.kind for t in self.tracks)
            raise IllegalTransition(
                "unknown_track", f"Jalur {kind!r} tidak dikenal.", f"unknown track {kind!r} (known: {known})"
            ) from None

    def _state_or_refuse(self, track: Track, state: str) -> State:
        try:
            return track.state(state)
        except KeyError:
            raise IllegalTransition(
                "unknown_state",
                f"Status {state!r} tidak dikenal pada jalur {track.name}.",
                f"unknown state {state!r} in track {track.kind!r}",
            ) from None

    def _transition_or_refuse(self, track: Track, current: State, code: str) -> Transition:
        try:
            t = track.transition(code)
        except KeyError:
            raise IllegalTransition(
                "unknown_transition",
                f"Tindakan {code!r} tidak dikenal pada jalur {track.name}.",
                f"unknown transition {code!r} in track {track.kind!r}",
            ) from None
        if current.terminal:
            raise IllegalTransition(
                "terminal_state",
                f"Jalur {track.name} sudah berakhir dengan status '{current.name}'; '{t.label}' tidak dapat "
                "dilakukan lagi.",
                f"track {track.kind!r} has ended in state {current.code!r}; no transition may leave it.",
            )
        if current.code not in t.sources:
            here = ", ".join(f"'{x.label}'" for x in track.leaving(current.code)) or "-"
            sources = ", ".join(f"'{track.state(s).name}'" for s in t.sources)
            raise IllegalTransition(
                "wrong_state",
                f"'{t.label}' tidak dapat dilakukan pada status '{current.name}' (hanya dari {sources}). "
                f"Tindakan yang mungkin: {here}.",
                f"transition {t.code!r} is not allowed from state {current.code!r} (only from {', '.join(t.sources)}).",
            )
        return t

    def _check_role(self, track: Track, t: Transition, role: str) -> None:
        if role in t.roles:
            return
        try:
            role_name = self.role(role).name
        except KeyError:
            role_name = role
        allowed = ", ".join(self.role(r).name for r in t.roles)
        raise IllegalTransition(
            "role_not_allowed",
            f"Peran '{role_name}' tidak berwenang melakukan '{t.label}'. Yang berwenang: {allowed}.",
            f"role {role!r} may not take {track.kind}.{t.code} (allowed: {', '.join(t.roles)}).",
        )

    def _check_inputs(
        self, track: Track, t: Transition, given: dict[str, Any], today: dt.date
    ) -> tuple[dict[str, Any], tuple[str, ...]]:
        ctx = InputContext(
            today=today,
            catalogue=self.catalogue,
            requirements=frozenset(r.code for r in self.requirements),
            opens=t.opens,
            sanction_for=t.sanction_for,
            sanction_levels=t.sanction_levels,
        )
        out: dict[str, Any] = {}
        # which children open decides which extra inputs are needed, so check `tracks` first
        opened = cast(tuple[str, ...], self._check_one(t, "tracks", given, ctx, out)) if t.choose else t.opens
        required = list(t.requires) + [k for kind in opened for k in t.requires_if_opens.get(kind, ())]
        allowed = set(required) | set(t.optional) | ({"tracks"} if t.choose else set())
        unknown = sorted(set(given) - allowed)
        if unknown:
            raise IllegalTransition(
                "unknown_input",
                f"Data tidak dikenal untuk '{t.label}': {', '.join(unknown)}.",
                f"{t.code} does not take inputs {', '.join(unknown)} (takes: {', '.join(sorted(allowed)) or '-'}).",
                field=unknown[0],
            )
        missing = [k for k in dict.fromkeys(required) if given.get(k) in (None, "", (), [], {})]
        if missing:
            names = ", ".join(INPUT_NAMES[k] for k in missing)
            raise IllegalTransition(
                "missing_input",
                f"'{t.label}' memerlukan: {names}.",
                f"{t.code} requires: {', '.join(missing)}.",
                field=missing[0],
            )
        for kind in dict.fromkeys(required + [k for k in t.optional if given.get(k) not in (None, "")]):
            self._check_one(t, kind, given, ctx, out)
        return out, opened

    @staticmethod
    def _check_one(t: Transition, kind: str, given: Mapping[str, Any], ctx: InputContext, out: dict[str, Any]) -> Any:
        if kind not in given or given[kind] in (None, "", (), []):
            raise IllegalTransition(
                "missing_input",
                f"'{t.label}' memerlukan: {INPUT_NAMES[kind]}.",
                f"{t.code} requires: {kind}.",
                field=kind,
            )
        try:
            out[kind] = INPUT_KINDS[kind](given[kind], ctx)
        except InputError as exc:
            message_en = f"{t.code}: {exc.message_en}"
            raise IllegalTransition("invalid_input", exc.message_id, message_en, field=kind) from None
        return out[kind]

    # --- deadlines ------------------------------------------------------------------------------------------------

    def deadline_for(
        self,
        track_kind: str,
        state: str,
        entered_at: dt.datetime,
        regime: str,
        tz: str,
        *,
        events: Mapping[str, dt.datetime] | None = None,
    ) -> dt.datetime | None:
        """When the deadline running in `state` ends, or None if none runs there (for this regime).

        The clock starts at the catalogue step's ``starts_on`` event when `events` has it (so the follow-up clock
        does not restart on each state of the handling, and Pilkada's runs from receipt), else at `entered_at`.
        Computed by `netral.rules.calendar.due_for_step` in zone `tz` (the handling office's region).
        """
        if regime not in CASE_REGIMES:
            raise ValueError(f"regime must be one of {', '.join(CASE_REGIMES)}, not {regime!r}")
        step_code = self.track(track_kind).state(state).deadline_step(regime)
        if step_code is None:
            return None
        step = self.catalogue.step(regime, step_code)
        start = (events or {}).get(step.starts_on, entered_at)
        return due_for_step(start, regime, step_code, tz=tz, catalogue=self.catalogue)

    def is_overdue(
        self,
        track_kind: str,
        state: str,
        entered_at: dt.datetime,
        regime: str,
        tz: str,
        now: dt.datetime,
        *,
        events: Mapping[str, dt.datetime] | None = None,
    ) -> bool:
        """True when a deadline runs in `state` and `now` is past it (met up to and including the due instant)."""
        due = self.deadline_for(track_kind, state, entered_at, regime, tz, events=events)
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        return due is not None and now > due


# --- module-level API on the packaged workflow ----------------------------------------------------------------------


@cache
def load_workflow() -> Workflow:
    """The validated workflow from the package's data file, read once per process."""
    return read_workflow(WORKFLOW_FILE)


def start(intake: str) -> Opening:
    return load_workflow().start(intake)


def open_track(kind: str) -> Opening:
    return load_workflow().open_track(kind)


def available(track_kind: str, state: str, role: str, *, overdue: bool = False) -> list[Transition]:
    return load_workflow().available(track_kind, state, role, overdue=overdue)


def apply(
    track_kind: str,
    state: str,
    transition_code: str,
    role: str,
    inputs: Mapping[str, Any] | None = None,
    *,
    overdue: bool = False,
    children: Iterable[tuple[str, str]] = (),
    today: dt.date | None = None,
) -> Outcome:
    """`Workflow.apply` on the packaged workflow."""
    return load_workflow().apply(
        track_kind, state, transition_code, role, inputs, overdue=overdue, children=children, today=today
    )


def deadline_for(
    track_kind: str,
    state: str,
    entered_at: dt.datetime,
    regime: str,
    tz: str,
    *,
    events: Mapping[str, dt.datetime] | None = None,
) -> dt.datetime | None:
    """`Workflow.deadline_for` on the packaged workflow."""
    return load_workflow().deadline_for(track_kind, state, entered_at, regime, tz, events=events)


def is_overdue(
    track_kind: str,
    state: str,
    entered_at: dt.datetime,
    regime: str,
    tz: str,
    now: dt.datetime,
    *,
    events: Mapping[str, dt.datetime] | None = None,
) -> bool:
    """`Workflow.is_overdue` on the packaged workflow."""
    return load_workflow().is_overdue(track_kind, state, entered_at, regime, tz, now, events=events)


# --- loading and validation -----------------------------------------------------------------------------------------


def _sourced(e: Entry) -> tuple[str, str, str]:
    """source, note and legal basis are optional here; a source must be a URL."""
    source, note, basis = e.text("source", ""), e.text("note", ""), e.text("legal_basis", "")
    if source and not source.startswith(("http://", "https://")):
        raise e.error(f"source must be an http(s) URL, not {source!r}")
    return source, note, basis


def _unique(filename: str, what: str, codes: Iterable[str]) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise WorkflowError(filename, f"{what} {code}", "duplicate code")
        seen.add(code)


def _marks(e: Entry, key: str = "marks") -> tuple[str, ...]:
    marks = e.strs(key, default=[])
    for m in marks:
        if m not in STARTS_ON:
            raise e.error(f"unknown clock event {m!r} in {key} (catalogue STARTS_ON: {', '.join(STARTS_ON)})")
    return marks


def _deadline(e: Entry, catalogue: Catalogue) -> Mapping[str, str]:
    raw = e.get("deadline", "")
    if isinstance(raw, str):
        pairs = dict.fromkeys(CASE_REGIMES, raw) if raw else {}
    elif isinstance(raw, dict) and all(isinstance(v, str) for v in raw.values()):
        pairs = {str(k): v for k, v in raw.items() if v}
    else:
        raise e.error(f"deadline must be a step code, a table {{ pemilu = ..., pilkada = ... }} or '', not {raw!r}")
    for regime, code in pairs.items():
        if regime not in CASE_REGIMES:
            raise e.error(f"deadline names unknown regime {regime!r} (known: {', '.join(CASE_REGIMES)})")
        try:
            catalogue.step(regime, code)
        except KeyError:
            known = ", ".join(s.code for s in catalogue.steps(regime))
            raise e.error(
                f"unknown deadline step {code!r} for regime {regime!r} (procedures.toml has: {known})"
            ) from None
    return MappingProxyType(pairs)


def _roles(filename: str, root: Entry) -> tuple[tuple[Role, ...], dict[str, tuple[str, ...]]]:
    roles = []
    for i, table in enumerate(root.tables("role")):
        e = root.child(f"role #{i + 1} {table.get('code', '?')}", table)
        roles.append(Role(e.code(lower=True), e.text("name"), e.flag("acts")))
    _unique(filename, "role", (r.code for r in roles))
    codes = {r.code for r in roles}
    groups: dict[str, tuple[str, ...]] = {}
    for i, table in enumerate(root.tables("role_group")):
        e = root.child(f"role_group #{i + 1} {table.get('code', '?')}", table)
        code = e.code(lower=True)
        members = e.strs("roles", non_empty=True)
        for m in members:
            if m not in codes:
                raise e.error(f"unknown role {m!r}")
        if code in groups:
            raise e.error("duplicate code")
        groups[code] = members
    return tuple(roles), groups


def _transition(
    e: Entry,
    track_kind: str,
    states: Mapping[str, State],
    roles: Mapping[str, Role],
    groups: Mapping[str, tuple[str, ...]],
    track_kinds: Sequence[str],
    catalogue: Catalogue,
) -> Transition:
    code = e.code(lower=True)
    sources = e.strs("from", non_empty=True)
    target = e.text("to")
    for s in (*sources, target):
        if s not in states:
            raise e.error(f"unknown state {s!r} (track {track_kind} has: {', '.join(states)})")
    for s in sources:
        if states[s].terminal:
            raise e.error(f"transition from terminal state {s!r}")
    expanded: list[str] = []
    for r in e.strs("roles", non_empty=True):
        if r.startswith("@"):
            if r[1:] not in groups:
                raise e.error(f"unknown role group {r!r}")
            expanded += groups[r[1:]]
        elif r in roles:
            expanded.append(r)
        else:
            raise e.error(f"unknown role {r!r} (known: {', '.join(roles)})")
    for r in expanded:
        if not roles[r].acts:
            raise e.error(f"role {r!r} is read-only (acts = false) and may not take a transition")
    requires = e.strs("requires", default=[])
    optional = e.strs("optional", default=[])
    for k in (*requires, *optional):
        if k not in INPUT_KINDS or k == "tracks":
            raise e.error(f"unknown input kind {k!r} (known: {', '.join(k for k in INPUT_KINDS if k != 'tracks')})")
    if set(requires) & set(optional):
        raise e.error(f"inputs both required and optional: {', '.join(sorted(set(requires) & set(optional)))}")
    opens = e.strs("opens", default=[])
    for k in opens:
        if k not in track_kinds or k in (_BAWASLU, track_kind):
            children = ", ".join(t for t in track_kinds if t != _BAWASLU)
            raise e.error(f"cannot open track {k!r} (child tracks: {children})")
    choose = e.flag("choose", False)
    if choose and len(opens) < 2:
        raise e.error("choose = true needs at least two tracks in opens")
    by_open_raw = e.get("requires_if_opens", {})
    if not isinstance(by_open_raw, dict):
        raise e.error("requires_if_opens must be a table { track = [input kinds] }")
    requires_if_opens: dict[str, tuple[str, ...]] = {}
    for kind, kinds in by_open_raw.items():
        if kind not in opens:
            raise e.error(f"requires_if_opens names {kind!r}, which this transition does not open")
        sub = e.child(f"{e.label} requires_if_opens", {"v": kinds}).strs("v", non_empty=True)
        for k in sub:
            if k not in INPUT_KINDS or k == "tracks":
                raise e.error(f"unknown input kind {k!r} in requires_if_opens.{kind}")
        requires_if_opens[kind] = sub
    when_overdue = e.flag("when_overdue", False)
    if when_overdue and not any(states[s].deadline for s in sources):
        raise e.error("when_overdue = true but none of its source states has a deadline")
    takes_sanction = "sanction" in requires or "sanction" in optional
    sanction_for = e.strs("sanction_for", default=[])
    sanction_levels = e.strs("sanction_levels", default=[])
    if takes_sanction != bool(sanction_for and sanction_levels):
        raise e.error("sanction_for and sanction_levels are needed exactly when the transition takes a sanction")
    for st in sanction_for:
        if st not in SUBJECT_TYPES:
            raise e.error(f"unknown subject type {st!r} in sanction_for (known: {', '.join(SUBJECT_TYPES)})")
    for level in sanction_levels:
        if level not in SANCTION_LEVELS:
            raise e.error(f"unknown sanction level {level!r} (catalogue levels: {', '.join(SANCTION_LEVELS)})")
        fitting = (s for s in catalogue.sanctions if s.in_force and s.level == level)
        if not any(set(s.applies_to) & set(sanction_for) for s in fitting):
            raise e.error(f"no sanction in force of level {level!r} for {', '.join(sanction_for)} in sanctions.toml")
    source, note, basis = _sourced(e)
    return Transition(
        code=code,
        sources=sources,
        target=target,
        label=e.text("label"),
        roles=tuple(dict.fromkeys(expanded)),
        requires=requires,
        optional=optional,
        opens=opens,
        choose=choose,
        requires_if_opens=MappingProxyType(requires_if_opens),
        marks=_marks(e),
        when_overdue=when_overdue,
        children_closed=e.flag("children_closed", False),
        sanction_for=sanction_for,
        sanction_levels=sanction_levels,
        legal_basis=basis,
        source=source,
        note=note,
    )


def _reachable(starts: Iterable[str], edges: Mapping[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    todo = list(starts)
    while todo:
        s = todo.pop()
        if s not in seen:
            seen.add(s)
            todo += edges.get(s, set())
    return seen


def _check_graph(filename: str, wf: Workflow) -> None:
    opened = {k for t in wf.tracks for tr in t.transitions for k in tr.opens}
    for track in wf.tracks:
        label = f"track {track.kind}"
        if track.kind != _BAWASLU and track.kind not in opened:
            raise WorkflowError(filename, label, "no transition opens this track")
        edges: dict[str, set[str]] = {}
        for tr in track.transitions:
            for src in tr.sources:
                edges.setdefault(src, set()).add(tr.target)
        reached = _reachable(wf.entry_states(track.kind), edges)
        for s in track.states:
            if s.code not in reached:
                raise WorkflowError(filename, f"{label} state {s.code}", "unreachable from the entry states")
            if not s.terminal and not edges.get(s.code, set()) - {s.code}:
                raise WorkflowError(filename, f"{label} state {s.code}", "non-terminal state with no way out")
            if not s.terminal and not any(track.state(x).terminal for x in _reachable([s.code], edges)):
                raise WorkflowError(filename, f"{label} state {s.code}", "no terminal state can be reached from it")


def read_workflow(path: Path = WORKFLOW_FILE, *, catalogue: Catalogue | None = None) -> Workflow:
    """Read and validate a workflow file (uncached; tests use it on edited copies)."""
    cat = catalogue or load_catalogue()
    filename = path.name
    root = read_toml(path, error=WorkflowError)
    version = root.text("version")
    roles, groups = _roles(filename, root)
    role_map = {r.code: r for r in roles}

    requirements = []
    for i, table in enumerate(root.tables("requirement")):
        e = root.child(f"requirement #{i + 1} {table.get('code', '?')}", table)
        kind = e.text("kind")
        if kind not in ("formal", "materiil"):
            raise e.error(f"kind must be formal or materiil, not {kind!r}")
        requirements.append(Requirement(e.code(lower=True), kind, e.text("name"), e.text("legal_basis", "")))
    _unique(filename, "requirement", (r.code for r in requirements))

    track_tables = root.tables("track")
    track_kinds = [str(t.get("kind", "?")) for t in track_tables]
    _unique(filename, "track", track_kinds)
    if _BAWASLU not in track_kinds:
        raise root.error("no 'bawaslu' track: cases start there")
    tracks = []
    for i, table in enumerate(track_tables):
        te = root.child(f"track #{i + 1} {table.get('kind', '?')}", table)
        kind = te.code("kind", lower=True)
        states = []
        for j, st in enumerate(te.tables("state")):
            e = root.child(f"track {kind} state #{j + 1} {st.get('code', '?')}", st)
            code = e.code(lower=True)
            terminal = e.flag("terminal")
            deadline = _deadline(e, cat)
            if terminal and deadline:
                raise e.error("a terminal state cannot have a deadline")
            states.append(State(code, e.text("name"), terminal, deadline, e.text("note", "")))
        _unique(filename, f"track {kind} state", (s.code for s in states))
        state_map = {s.code: s for s in states}
        initial = te.text("initial_state")
        if initial not in state_map:
            raise te.error(f"unknown initial_state {initial!r}")
        if state_map[initial].terminal:
            raise te.error(f"initial_state {initial!r} is terminal")
        transitions = [
            _transition(
                root.child(f"track {kind} transition #{j + 1} {tt.get('code', '?')}", tt),
                kind,
                state_map,
                role_map,
                groups,
                track_kinds,
                cat,
            )
            for j, tt in enumerate(te.tables("transition"))
        ]
        _unique(filename, f"track {kind} transition", (t.code for t in transitions))
        source, note, basis = _sourced(te)
        tracks.append(
            Track(
                kind=kind,
                name=te.text("name"),
                description=te.text("description"),
                initial_state=initial,
                marks=_marks(te),
                states=tuple(states),
                transitions=tuple(transitions),
                legal_basis=basis,
                source=source,
                note=note,
            )
        )
    bawaslu_states: dict[str, State] = {s.code: s for s in next(t for t in tracks if t.kind == _BAWASLU).states}

    intakes = []
    for i, table in enumerate(root.tables("intake")):
        e = root.child(f"intake #{i + 1} {table.get('code', '?')}", table)
        code = e.code(lower=True)
        initial = e.text("initial_state")
        if initial not in bawaslu_states or bawaslu_states[initial].terminal:
            raise e.error(f"initial_state {initial!r} is not a non-terminal state of the bawaslu track")
        number_code = e.text("number_code")
        if number_code != INTAKE_CODES.get(code, ""):
            raise e.error(f"number_code {number_code!r} does not match registration.INTAKE_CODES for {code!r}")
        source, note, basis = _sourced(e)
        intakes.append(
            Intake(code, e.text("name"), e.text("description"), initial, _marks(e), number_code, basis, source, note)
        )
    _unique(filename, "intake", (i.code for i in intakes))
    if not intakes:
        raise root.error("no [[intake]]")

    reg = root.get("registration")
    if not isinstance(reg, dict):
        raise root.error("missing [registration] table")
    try:
        numbering = numbering_from_table(reg)
    except ValueError as exc:
        raise WorkflowError(filename, "registration", str(exc)) from None
    if set(numbering.election_codes) != set(CASE_REGIMES):
        raise WorkflowError(filename, "registration", f"election_codes must cover exactly {', '.join(CASE_REGIMES)}")

    wf = Workflow(
        version=version,
        roles=roles,
        requirements=tuple(requirements),
        intakes=tuple(intakes),
        tracks=(),
        numbering=numbering,
        catalogue=cat,
    )
    # tracks know their workflow (for the diagram's entry states); frozen, so rebuild them with the back-reference
    linked = tuple(
        Track(**{f: getattr(t, f) for f in Track.__dataclass_fields__ if f != "_workflow"}, _workflow=wf)
        for t in tracks
    )
    object.__setattr__(wf, "tracks", linked)
    _check_graph(filename, wf)
    return wf
