"""Standing people and a case factory for the case tests.

Owner side: Bawaslu Kabupaten Banjar (63.03), Bawaslu Provinsi Kalimantan Selatan (63), BKN, the PPK of
Kabupaten Banjar. Outsiders: Bawaslu Kabupaten Barito Kuala (63.04), the PPK of Barito Kuala, an analyst,
an administrator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from tests.people import staff_user

from netral.accounts.models import User
from netral.cases.models import Case
from netral.cases.services.intake import NewCase, do_receive_case
from netral.geo.models import Region
from netral.rules.models import Election

BANJAR, BARITO_KUALA, KALSEL = "63.03", "63.04", "63"
ALUH_ALUH = "63.03.01"
WIB, WITA = dt.timezone(dt.timedelta(hours=7)), dt.timezone(dt.timedelta(hours=8))


_user = staff_user


@pytest.fixture
def banjar(db: None) -> User:
    return _user("bawaslu-banjar", "bawaslu_kabkota", BANJAR)


@pytest.fixture
def kalsel(db: None) -> User:
    return _user("bawaslu-kalsel", "bawaslu_provinsi", KALSEL)


@pytest.fixture
def bkn(db: None) -> User:
    return _user("bkn", "bkn_reviewer", None)


@pytest.fixture
def ppk(db: None) -> User:
    return _user("ppk-banjar", "ppk_officer", BANJAR)


@pytest.fixture
def batola(db: None) -> User:
    return _user("bawaslu-batola", "bawaslu_kabkota", BARITO_KUALA)


@pytest.fixture
def ppk_batola(db: None) -> User:
    return _user("ppk-batola", "ppk_officer", BARITO_KUALA)


@pytest.fixture
def analyst(db: None) -> User:
    return _user("analis", "analyst", None)


@pytest.fixture
def administrator(db: None) -> User:
    return _user("admin-sistem", "administrator", None)


MakeCase = Callable[..., Case]


@pytest.fixture
def make_case(banjar: User) -> MakeCase:
    def make(
        intake: str = "laporan",
        *,
        election: str = "pilkada_2024",
        region: str = ALUH_ALUH,
        actor: User | None = None,
        anonymous: bool = False,
        received_at: dt.datetime | None = None,
        **fields: Any,
    ) -> Case:
        new = NewCase(
            intake=intake,
            election=Election.objects.get(code=election),
            summary=fields.pop("summary", "Camat hadir pada kampanye pasangan calon"),
            event_region=Region.objects.get(code=region),
            description="Uraian sintetis untuk pengujian.",
            event_place="Lapangan desa",
            received_at=received_at,
            reporter=None if anonymous else {"name": "Pelapor Uji", "nik": "6303010101010001", "phone": "0811"},
            reported_persons=fields.pop(
                "reported_persons",
                [
                    {
                        "name": "Terlapor Uji",
                        "position": "Camat",
                        "agency": "Pemerintah Kabupaten Banjar",
                        "subject_type": "asn",
                        "region": Region.objects.get(code=BANJAR),
                    }
                ],
            ),
            violation_codes=fields.pop("violation_codes", []),
            **fields,
        )
        return do_receive_case(actor or banjar, new)

    return make


@pytest.fixture
def referred_case(make_case: MakeCase, banjar: User) -> Case:
    """A case forwarded by the plenary to BKN (asn, addressed to Kabupaten Banjar's PPK) and Gakkumdu."""
    from django.utils import timezone

    from netral.cases.models import Track
    from netral.cases.services import do_transition, suggest_registration_number

    case = make_case()
    today = timezone.localdate().isoformat()

    def bawaslu() -> Track:
        return Track.objects.get(case=case, kind="bawaslu")

    do_transition(bawaslu(), "registrasi", banjar, {"registration": suggest_registration_number(case)})
    do_transition(bawaslu(), "mulai_kajian", banjar, {})
    do_transition(bawaslu(), "ajukan_pleno", banjar, {"study": {"conclusion": "Terbukti"}})
    letter = {"number": "001/PP/2024", "date": today}
    do_transition(
        bawaslu(),
        "putuskan_teruskan",
        banjar,
        {"decision": letter, "recommendation_letter": letter, "tracks": ["asn", "gakkumdu"]},
    )
    return case
