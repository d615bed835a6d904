"""Generated cases with realistic skew, for the insights benchmark and the dashboard screenshots.

Everything is invented and seeded (reproducible). The skew follows what Bawaslu's published figures show in
shape, not in number: a few provinces and regencies carry most cases (Zipf weights), Pilkada 2024 dominates with
a peak in the campaign weeks before voting day, ASN are most of the reported persons, and most cases end without
a proven violation (not registered or stopped); a minority reach a sanction on the ASN track.
Written with bulk_create in batches (no signals, no audit entries: this is test data, never production), each
batch with its fact rows (`netral.insights.facts`), as the case services would write them.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from netral.cases.models import Case, CaseViolationType, ReportedPerson, Track, TrackEvent
from netral.geo.models import Level, Region
from netral.insights.facts import refresh_facts
from netral.monitor.models import Alert, Story

__all__ = ["Generated", "generate"]

ELECTIONS = (  # code, regime, voting day, share of cases, spread (days) before voting day
    ("pilkada_2024", "pilkada", dt.date(2024, 11, 27), 0.6, 45),
    ("pemilu_2024", "pemilu", dt.date(2024, 2, 14), 0.32, 50),
    ("pilkada_2020", "pilkada", dt.date(2020, 12, 9), 0.08, 40),
)
INTAKES = (("laporan", 0.45), ("temuan", 0.42), ("informasi_awal", 0.13))
VIOLATIONS = (
    ("D9", 18), ("E1", 14), ("D3", 10), ("E4", 9), ("D1", 8), ("D5", 7), ("E2", 6), ("D12", 5), ("E6", 4),
    ("D2", 3), ("D7", 3), ("E3", 3), ("D10", 2), ("D4", 2), ("E5", 2), ("D6", 1), ("D8", 1), ("D11", 1),
    ("D13", 1), ("E7", 1),
)  # fmt: skip
SUBJECTS = (
    ("asn", 0.7, ("Camat", "Kepala Dinas", "Guru", "Lurah", "Sekretaris Daerah", "Kepala Sekolah", "Staf")),
    ("village", 0.2, ("Kepala Desa", "Perangkat Desa", "Sekretaris Desa")),
    ("regional_head", 0.04, ("Bupati", "Wali Kota", "Wakil Bupati")),
    ("tni", 0.015, ("Babinsa",)),
    ("polri", 0.015, ("Bhabinkamtibmas",)),
    ("other", 0.03, ("Pendamping Desa",)),
)
AGENCIES = ("Pemerintah Daerah", "Dinas Pendidikan", "Dinas Kesehatan", "Sekretariat Daerah", "Kecamatan", "Desa")
# How the bawaslu track ends: (share, [(transition, to_state, days)...]); "most cases end not proven".
ENDINGS = (
    (0.22, (("tolak_registrasi", "tidak_diregistrasi", 3),)),
    (0.38, (("registrasi", "teregistrasi", 2), ("mulai_kajian", "kajian", 3), ("ajukan_pleno", "pleno", 4),
            ("putuskan_tidak_ditindaklanjuti", "dihentikan", 2))),
    (0.25, (("registrasi", "teregistrasi", 2), ("mulai_kajian", "kajian", 3), ("ajukan_pleno", "pleno", 4),
            ("putuskan_teruskan", "diteruskan", 2))),
    (0.15, (("registrasi", "teregistrasi", 2),)),
)  # fmt: skip
AT_KECAMATAN = 0.8  # share of cases recorded at a kecamatan of the regency rather than at the regency itself
SANCTIONED = 0.55  # of the forwarded cases, the share whose ASN track ends in a sanction


@dataclass(frozen=True)
class Generated:
    cases: int
    tracks: int
    events: int
    alerts: int


def _zipf(n: int, s: float = 1.1) -> list[float]:
    return [1 / (i + 1) ** s for i in range(n)]


def _places(rng: random.Random) -> tuple[list[str], list[float]]:
    """Regencies/cities with Zipf weights: provinces shuffled, then regencies within each."""
    regencies: dict[str, list[str]] = {}
    for code, province in Region.objects.filter(level=Level.KABUPATEN_KOTA, is_active=True).values_list(
        "code", "province_code"
    ):
        regencies.setdefault(province, []).append(code)
    provinces = sorted(regencies)
    rng.shuffle(provinces)
    places, weights = [], []
    for p_weight, province in zip(_zipf(len(provinces), 1.0), provinces, strict=True):
        codes = sorted(regencies[province])
        rng.shuffle(codes)
        inner = _zipf(len(codes), 0.9)
        total = sum(inner)
        for w, code in zip(inner, codes, strict=True):
            places.append(code)
            weights.append(p_weight * w / total)
    return places, weights


def _moment(rng: random.Random, voting_day: dt.date, spread: int) -> dt.datetime:
    days = min(abs(rng.gauss(0, spread)), 150) - 2  # a peak just before voting day, a tail reaching back
    day = voting_day - dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(1 + rng.randrange(10), rng.randrange(60)), tzinfo=dt.UTC)


def generate(
    n: int, *, seed: int = 7, alerts: int | None = None, batch: int = 5000, regions: Sequence[str] = ()
) -> Generated:
    """`n` cases (and n/5 alerts unless `alerts` says otherwise), spread over the country or over `regions`."""
    rng = random.Random(seed)
    places, weights = (list(regions), _zipf(len(regions), 0.5)) if regions else _places(rng)
    below: dict[str, list[str]] = {}
    for code, parent in Region.objects.filter(level=Level.KECAMATAN, parent_id__in=places).values_list(
        "code", "parent_id"
    ):
        below.setdefault(parent, []).append(code)
    election_weights = [e[3] for e in ELECTIONS]
    counts = [0, 0, 0, 0]
    for start in range(0, n, batch):
        size = min(batch, n - start)
        with transaction.atomic():
            counts = [
                a + b for a, b in zip(counts, _batch(rng, size, places, weights, election_weights, below), strict=True)
            ]
    alert_count = n // 5 if alerts is None else alerts
    _alerts(rng, alert_count, places, weights)
    return Generated(cases=counts[0], tracks=counts[1], events=counts[2], alerts=alert_count)


def _batch(
    rng: random.Random,
    size: int,
    places: list[str],
    weights: list[float],
    election_weights: list[float],
    below: dict[str, list[str]],
) -> list[int]:
    cases = []
    for _ in range(size):
        code, regime, voting_day, _share, spread = rng.choices(ELECTIONS, election_weights)[0]
        region = rng.choices(places, weights)[0]
        if below.get(region) and rng.random() < AT_KECAMATAN:
            region = rng.choice(below[region])
        cases.append(
            Case(
                intake=rng.choices([i for i, _ in INTAKES], [w for _, w in INTAKES])[0],
                regime=regime,
                election_id=code,
                summary="Perkara sintetis untuk uji kinerja",
                event_region_id=region,
                event_region_code=region,
                received_at=_moment(rng, voting_day, spread),
                workflow_version="2026.1",
            )
        )
    Case.objects.bulk_create(cases)
    violations, people, tracks, plans = [], [], [], []
    for case in cases:
        codes = {
            rng.choices([c for c, _ in VIOLATIONS], [w for _, w in VIOLATIONS])[0] for _ in range(rng.randint(1, 2))
        }
        violations += [CaseViolationType(case=case, violation_type_id=c) for c in codes]
        subject, _w, positions = rng.choices(SUBJECTS, [s[1] for s in SUBJECTS])[0]
        people.append(
            ReportedPerson(
                case=case,
                name="Terlapor Sintetis",
                position=rng.choice(positions),
                agency=rng.choice(AGENCIES),
                subject_type=subject,
            )
        )
        steps = rng.choices([e[1] for e in ENDINGS], [e[0] for e in ENDINGS])[0]
        first = "informasi_awal" if case.intake == "informasi_awal" else "diterima"
        if first == "informasi_awal":
            steps = (("arsipkan_informasi", "informasi_diarsipkan", 5),)
        at, state, history = case.received_at, first, [("terima", "", first, case.received_at)]
        for transition, target, days in steps:
            at = at + dt.timedelta(days=days * rng.uniform(0.3, 2.2))
            history.append((transition, state, target, at))
            state = target
        ended = state in {"tidak_diregistrasi", "dihentikan", "informasi_diarsipkan"}
        tracks.append(Track(case=case, kind="bawaslu", state=state, entered_at=at, ended=ended))
        plans.append((history, state == "diteruskan" and rng.random() < SANCTIONED, at))
        case.closed = ended
        if state not in {"diterima", "tidak_diregistrasi", "informasi_diarsipkan"}:
            case.registration_number = f"SIM-{case.pk}"
    Case.objects.bulk_update(cases, ["closed", "registration_number"])
    CaseViolationType.objects.bulk_create(violations)
    ReportedPerson.objects.bulk_create(people)
    Track.objects.bulk_create(tracks)
    events, children = [], []
    for track, (history, sanctioned, at) in zip(tracks, plans, strict=True):
        events += [TrackEvent(track=track, transition=t, from_state=f, to_state=s, at=a) for t, f, s, a in history]
        if track.state == "diteruskan":
            state = "sanksi_dijatuhkan" if sanctioned else "menunggu_ppk"
            children.append((Track(case=track.case, kind="asn", state=state, entered_at=at, parent=track), at))
    Track.objects.bulk_create([c for c, _ in children])
    for child, at in children:
        events.append(TrackEvent(track=child, transition="buka", from_state="", to_state="dirujuk", at=at))
        if child.state == "sanksi_dijatuhkan":
            later = at + dt.timedelta(days=rng.randint(10, 60))
            events.append(
                TrackEvent(
                    track=child, transition="catat_sanksi", from_state="menunggu_ppk", to_state=child.state, at=later
                )
            )
    TrackEvent.objects.bulk_create(events, batch_size=5000)
    refresh_facts([case.pk for case in cases])
    return [len(cases), len(tracks) + len(children), len(events), 0]


def _alerts(rng: random.Random, n: int, places: list[str], weights: list[float]) -> None:
    for start in range(0, n, 5000):
        size = min(5000, n - start)
        stories, moments = [], []
        for _ in range(size):
            region = rng.choices(places, weights)[0]
            at = _moment(rng, ELECTIONS[0][2], 40)
            stories.append(
                Story(title="Berita sintetis", first_seen=at, last_seen=at, region_id=region, region_code=region)
            )
            moments.append(at)
        Story.objects.bulk_create(stories)
        Alert.objects.bulk_create(
            [
                Alert(story=s, region_id=s.region_id, region_code=s.region_code, created_at=at, updated_at=at)
                for s, at in zip(stories, moments, strict=True)
            ]
        )
