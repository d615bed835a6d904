"""The case-handling models, one small module per subject.

* `case` — the case itself (`Case`) and its SKB violation types (`CaseViolationType`);
* `people` — who reported it (`ReporterIdentity`, kept apart so every read is explicit), who is reported
  (`ReportedPerson`, *terlapor*) and the witnesses (`Witness`);
* `evidence` — files and links (`Evidence`) and generated letters (`GeneratedFile`);
* `track` — the workflow tracks (`Track`), their timeline (`TrackEvent`) and the case's clock events (`ClockEvent`).

Times are stored in UTC; they are shown in the zone of the event region.
"""

from netral.cases.models.case import Case, CaseViolationType, Intake, Regime
from netral.cases.models.evidence import Evidence, GeneratedFile
from netral.cases.models.people import ReportedPerson, ReporterIdentity, SubjectType, Witness
from netral.cases.models.track import ClockEvent, Track, TrackEvent

__all__ = [
    "Case",
    "CaseViolationType",
    "ClockEvent",
    "Evidence",
    "GeneratedFile",
    "Intake",
    "Regime",
    "ReportedPerson",
    "ReporterIdentity",
    "SubjectType",
    "Track",
    "TrackEvent",
    "Witness",
]
