"""The objects the authorisation matrix fills URLs with: one of each kind in Kabupaten Banjar (63.03), the owner
side, and users of every role in roles.toml, plus an outsider of the same role in Barito Kuala (63.04) or, for the
provincial role, Kalimantan Tengah (62).

Objects are made through the same services the pages use, so they are as real as production ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from tests.cases.conftest import ALUH_ALUH, BANJAR, BARITO_KUALA
from tests.monitor.triage_texts import VIOLATION_BANJAR, article
from tests.people import staff_user

from netral.accounts.models import User
from netral.accounts.roles import role_table
from netral.cases.models import Case, Track
from netral.cases.services.intake import NewCase, do_receive_case
from netral.geo.models import Region
from netral.monitor.models import Alert, FetchRun, Item, Source, WatchTerm
from netral.monitor.services.ingest import ingest
from netral.prevention.models import Campaign
from netral.prevention.services.campaigns import AgencyInput, do_create_agency, do_create_campaign
from netral.prevention.services.events import CircularInput, EventInput, do_save_circular, do_save_event
from netral.rules.models import Election

#: where a regional role's owner-side user works: every object below lies inside it
OWNER_REGION = {"provinsi": "63", "kabupaten_kota": BANJAR, "kecamatan": ALUH_ALUH}
#: the outsider of the same role: same level, another jurisdiction
OUTSIDER_REGION = {"provinsi": "62", "kabupaten_kota": BARITO_KUALA, "kecamatan": "63.04.01"}
MISSING = 987_654  # an id no object has: the page must answer 404, not 500


@dataclass
class World:
    users: dict[str, User]  # role → owner-side user (Banjar / Kalsel / Aluh-Aluh, or national)
    outsiders: dict[str, User]  # role → the same role in another jurisdiction (regional roles only)
    values: dict[str, str] = field(default_factory=dict)  # object kind → id or code used in URLs


def _level(levels: list[str]) -> str | None:
    """The most local level a regional role may have (the narrowest jurisdiction is the strictest test)."""
    for level in ("kecamatan", "kabupaten_kota", "provinsi"):
        if level in levels:
            return level
    return None


def _users() -> tuple[dict[str, User], dict[str, User]]:
    users: dict[str, User] = {}
    outsiders: dict[str, User] = {}
    for code, role in role_table().roles.items():
        level = _level(list(role.levels))
        users[code] = staff_user(f"pemilik-{code}", code, OWNER_REGION[level] if level else None)
        if level:
            outsiders[code] = staff_user(f"luar-{code}", code, OUTSIDER_REGION[level])
    return users, outsiders


def _case(actor: User) -> Case:
    new = NewCase(
        intake="laporan",
        election=Election.objects.get(code="pilkada_2024"),
        summary="Camat hadir pada kampanye pasangan calon (data uji matriks akses)",
        event_region=Region.objects.get(code=ALUH_ALUH),
        description="Uraian sintetis untuk pengujian matriks akses.",
        event_place="Lapangan desa",
        received_at=None,
        reporter={"name": "Pelapor Uji", "nik": "6303010101010001", "phone": "0811"},
        reported_persons=[
            {
                "name": "Terlapor Uji",
                "position": "Camat",
                "agency": "Pemerintah Kabupaten Banjar",
                "subject_type": "asn",
                "region": Region.objects.get(code=BANJAR),
            }
        ],
        violation_codes=[],
    )
    return do_receive_case(actor, new)


def build_world() -> World:
    users, outsiders = _users()
    owner = users["bawaslu_kabkota"]
    banjar = Region.objects.get(code=BANJAR)
    election = Election.objects.get(code="pilkada_2024")
    case = _case(owner)
    track = Track.objects.filter(case=case).first()
    assert track is not None
    ingest([article(VIOLATION_BANJAR, "matriks-akses")])
    alert = Alert.objects.get()
    item = Item.objects.get()
    source = Source.objects.create(kind="feed", name="Kabar Uji", url="https://kabar.invalid/rss.xml", owner=banjar)
    run = FetchRun.objects.create(source=source, started_at=timezone.now(), status=Source.Status.OK)
    watch = WatchTerm.objects.create(kind=WatchTerm.Kind.KEYWORD, term="kampanye uji", owner=banjar, created_by=owner)
    agency = do_create_agency(
        owner,
        AgencyInput(
            name="Dinas Uji Matriks",
            kind="pemerintah_kabupaten_kota",
            region=banjar,
            headcount=10,
            contact_name="Narahubung Uji",
            contact_email="kepegawaian@uji.invalid",
        ),
    )
    campaign: Campaign = do_create_campaign(owner, agency, election)
    starts = timezone.now() + dt.timedelta(days=3)
    event = do_save_event(
        owner,
        EventInput(
            title="Sosialisasi netralitas uji",
            kind="sosialisasi",
            region=banjar,
            starts_at=starts,
            place="Aula kecamatan",
            organiser="Bawaslu Banjar",
            audience="asn",
            is_public=False,
        ),
    )
    circular = do_save_circular(
        owner,
        CircularInput(
            kind="surat_edaran",
            number="001/SE/UJI/2026",
            date=dt.date(2026, 1, 5),
            issuer="Bupati Banjar",
            subject="Netralitas ASN (uji)",
            addressees="Seluruh ASN",
            region=banjar,
            is_public=False,
        ),
    )
    values = {
        "case": str(case.pk),
        "track": str(track.pk),
        "transition": "registrasi",
        "alert": str(alert.pk),
        "item": str(item.pk),
        "source": str(source.pk),
        "run": str(run.pk),
        "watch": str(watch.pk),
        "agency": str(agency.pk),
        "campaign": str(campaign.pk),
        "event": str(event.pk),
        "circular": str(circular.pk),
        "sign_token": campaign.token,
        "region": BANJAR,
        "missing": str(MISSING),
    }
    return World(users, outsiders, values)
