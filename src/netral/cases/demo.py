"""Demonstration data for case handling: four staff users and a few synthetic cases at different stages.

`load_demo_cases()` is called by `netral demo`. Names, places and texts are invented for the demo. Passwords are
generated and returned (never hard-coded); users that already exist keep theirs and are not returned.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from netral.accounts.models import User
from netral.cases.models import Case, Track
from netral.cases.services import do_transition, suggest_registration_number
from netral.cases.services.intake import NewCase, do_receive_case
from netral.geo.models import Region
from netral.rules.models import Election

__all__ = ["DEMO_USERS", "DemoUser", "load_demo_cases"]


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    region: str | None
    full_name: str
    agency: str


DEMO_USERS = (
    DemoUser("bawaslu.banjar", "bawaslu_kabkota", "63.03", "Petugas Bawaslu Banjar (demo)", "Bawaslu Kabupaten Banjar"),
    DemoUser(
        "bawaslu.kalsel",
        "bawaslu_provinsi",
        "63",
        "Petugas Bawaslu Kalsel (demo)",
        "Bawaslu Provinsi Kalimantan Selatan",
    ),
    DemoUser("bkn.penelaah", "bkn_reviewer", None, "Penelaah BKN (demo)", "Badan Kepegawaian Negara"),
    DemoUser("ppk.banjar", "ppk_officer", "63.03", "Petugas BKPSDM Banjar (demo)", "BKPSDM Kabupaten Banjar"),
)


def _users() -> tuple[dict[str, User], dict[str, str]]:
    users, passwords = {}, {}
    for spec in DEMO_USERS:
        user = User.objects.filter(username=spec.username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                spec.username,
                password=password,
                role=spec.role,
                jurisdiction=Region.objects.get(code=spec.region) if spec.region else None,
                full_name=spec.full_name,
                agency=spec.agency,
            )
            passwords[spec.username] = password
        users[spec.username] = user
    return users, passwords


def _bawaslu(case: Case) -> Track:
    return Track.objects.get(case=case, kind="bawaslu")


def load_demo_cases(*, with_cases: bool = True) -> dict[str, str]:
    """Create the demo users (and, once, the demo cases). Returns {username: generated password} for new users."""
    with transaction.atomic():
        users, passwords = _users()
        if not with_cases or Case.objects.filter(created_by=users["bawaslu.banjar"]).exists():
            return passwords
        banjar = users["bawaslu.banjar"]
        pilkada = Election.objects.get(code="pilkada_2024")
        aluh = Region.objects.get(code="63.03.01")
        regency = Region.objects.get(code="63.03")
        now = timezone.now()

        def person(name: str, position: str, subject: str = "asn") -> dict[str, object]:
            return {"name": name, "position": position, "agency": "Pemerintah Kabupaten Banjar",
                    "subject_type": subject, "region": regency}  # fmt: skip

        do_receive_case(
            banjar,
            NewCase(
                intake="informasi_awal",
                election=pilkada,
                summary="Unggahan media sosial: kepala dinas mengajak memilih calon tertentu",
                event_region=regency,
                description="Tangkapan layar dikirim tanpa identitas pengirim (data demo).",
                received_at=now - dt.timedelta(hours=5),
                reported_persons=[person("Kepala Dinas Contoh", "Kepala Dinas")],
            ),
        )
        do_receive_case(
            banjar,
            NewCase(
                intake="laporan",
                election=pilkada,
                summary="Kepala desa membagikan atribut pasangan calon di balai desa",
                event_region=aluh,
                event_place="Balai desa (contoh)",
                description="Pelapor melihat pembagian kaus bergambar calon (data demo).",
                received_at=now - dt.timedelta(days=2),
                reporter={"name": "Warga Pelapor Contoh", "phone": "0800000000"},
                reported_persons=[person("Kepala Desa Contoh", "Kepala Desa", "village")],
                violation_codes=[],
            ),
        )
        studied = do_receive_case(
            banjar,
            NewCase(
                intake="temuan",
                election=pilkada,
                summary="Camat hadir dalam kampanye dan berpidato mendukung calon",
                event_region=aluh,
                event_place="Lapangan kecamatan (contoh)",
                received_at=now - dt.timedelta(days=1),
                reported_persons=[person("Camat Contoh", "Camat")],
            ),
        )
        do_transition(
            _bawaslu(studied), "tetapkan_temuan", banjar, {"registration": suggest_registration_number(studied)}
        )
        do_transition(_bawaslu(studied), "mulai_kajian", banjar, {})
    return passwords
