"""Which jurisdiction each role takes, checked by `check_assignment` and by the user model's `clean()`."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from netral.accounts.assignment import check_assignment
from netral.accounts.models import Role, User
from netral.geo.models import Region

pytestmark = pytest.mark.django_db

KALSEL, BANJAR, ALUH_ALUH, DESA = "63", "63.03", "63.03.01", "63.03.01.2001"


def _region(code: str | None) -> Region | None:
    return Region.objects.get(code=code) if code else None


@pytest.mark.parametrize(
    ("role", "code"),
    [
        (Role.BAWASLU_RI, None),
        (Role.BKN_REVIEWER, None),
        (Role.ANALYST, None),
        (Role.ADMINISTRATOR, None),
        (Role.BAWASLU_PROVINSI, KALSEL),
        (Role.BAWASLU_KABKOTA, BANJAR),
        (Role.PANWASCAM, ALUH_ALUH),
        (Role.PPK_OFFICER, KALSEL),
        (Role.PPK_OFFICER, BANJAR),
        ("", None),
    ],
)
def test_each_role_accepts_the_level_it_works_at(role: str, code: str | None) -> None:
    check_assignment(role, _region(code))


@pytest.mark.parametrize(
    ("role", "code", "message"),
    [
        (Role.BAWASLU_RI, KALSEL, "Peran Bawaslu RI berlaku nasional; kosongkan wilayah tugas."),
        (Role.ANALYST, BANJAR, "Peran Analis berlaku nasional"),
        (Role.BAWASLU_PROVINSI, None, "Peran Bawaslu Provinsi memerlukan wilayah tugas tingkat Provinsi."),
        (
            Role.BAWASLU_PROVINSI,
            BANJAR,
            "Peran Bawaslu Provinsi memerlukan wilayah tingkat Provinsi; Kabupaten Banjar adalah Kabupaten/Kota.",
        ),
        (Role.BAWASLU_KABKOTA, ALUH_ALUH, "memerlukan wilayah tingkat Kabupaten/Kota; Kecamatan Aluh Aluh"),
        (Role.PANWASCAM, DESA, "Peran Panwaslu Kecamatan memerlukan wilayah tingkat Kecamatan"),
        (Role.PPK_OFFICER, ALUH_ALUH, "tingkat Provinsi atau Kabupaten/Kota"),
        (Role.PPK_OFFICER, None, "memerlukan wilayah tugas tingkat Provinsi atau Kabupaten/Kota"),
        ("", BANJAR, "Pilih peran dulu"),
    ],
)
def test_a_jurisdiction_of_the_wrong_level_is_refused_in_indonesian(role: str, code: str | None, message: str) -> None:
    with pytest.raises(ValidationError) as exc:
        check_assignment(role, _region(code))
    assert message in exc.value.message_dict["jurisdiction"][0]


def test_an_unknown_role_is_refused() -> None:
    with pytest.raises(ValidationError) as exc:
        check_assignment("lurah", None)
    assert exc.value.message_dict["role"] == ["Peran “lurah” tidak dikenal."]


def test_the_user_model_validates_its_own_assignment() -> None:
    user = User(username="panwascam.aluh", role=Role.PANWASCAM, jurisdiction=Region.objects.get(code=BANJAR))
    user.set_unusable_password()
    with pytest.raises(ValidationError) as exc:
        user.full_clean()
    assert "jurisdiction" in exc.value.message_dict


def test_a_superuser_made_from_the_command_line_is_an_administrator() -> None:
    admin = User.objects.create_superuser("admin", "admin@example.go.id", "kata-sandi-yang-panjang")
    assert admin.role == Role.ADMINISTRATOR and admin.jurisdiction is None
