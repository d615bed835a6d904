"""The multi-step form: each step saved server-side, Back/Next keep input, region pickers, completeness, window."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from tests.portal.conftest import fill, steps

from netral.portal.services import completeness, reporting_window

pytestmark = pytest.mark.django_db


def test_each_step_is_saved_and_shown_again_after_going_back(client: Client) -> None:
    client.post("/lapor/langkah/kejadian/", {**steps()["kejadian"], "next": "1"})
    response = client.post("/lapor/langkah/terlapor/", {"name": "Nama Setengah Jadi", "back": "1"})
    assert response.status_code == 302 and response["Location"].endswith("/lapor/langkah/kejadian/")
    page = client.get("/lapor/langkah/kejadian/").content.decode()
    assert "Camat mengajak warga memilih pasangan calon" in page
    assert "Nama Setengah Jadi" in client.get("/lapor/langkah/terlapor/").content.decode()


def test_an_invalid_step_shows_an_error_summary_linked_to_the_field(client: Client) -> None:
    response = client.post("/lapor/langkah/terlapor/", {"name": "", "subject_type": "asn", "nip": "12ab", "next": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in page and 'href="#id_name"' in page and 'href="#id_nip"' in page
    assert "NIP terdiri atas 18 angka" in page


def test_region_pickers_offer_regencies_of_the_province_and_kecamatan_of_the_regency(client: Client) -> None:
    regencies = client.get("/lapor/wilayah/", {"province": "63"}).content.decode()
    assert 'value="63.03"' in regencies and 'value="64.01"' not in regencies
    districts = client.get("/lapor/wilayah/", {"regency": "63.03"}).content.decode()
    assert 'value="63.03.01"' in districts and 'value="63.04.01"' not in districts


def test_region_pickers_work_without_javascript_by_redrawing_the_step(client: Client) -> None:
    response = client.post("/lapor/langkah/tempat-waktu/", {"province": "63", "refresh": "1"})
    assert response.status_code == 302
    page = client.get("/lapor/langkah/tempat-waktu/").content.decode()
    assert 'value="63.03"' in page


def test_the_position_and_agency_fields_suggest_from_reference_data(client: Client) -> None:
    page = client.get("/lapor/langkah/terlapor/").content.decode()
    assert 'list="daftar-jabatan"' in page and '<option value="Kepala Desa">' in page


def test_the_review_lists_what_a_formal_report_still_lacks_in_plain_words(client: Client) -> None:
    fill(client, reporter_address="", reporter_phone="", reporter_email="", reporter_nik="")
    page = client.get("/lapor/kirim/").content.decode()
    assert "Alamat Anda belum diisi." in page
    assert "Nomor telepon atau surel Anda belum diisi" in page
    assert "Lampirkan bukti di bawah" in page


def test_an_anonymous_report_is_told_it_becomes_initial_information() -> None:
    formal, _material = completeness({**_flat(), "mode": "anonymous"})
    assert any("informasi awal" in item for item in formal)


def test_a_complete_named_report_has_no_formal_gaps() -> None:
    formal, material = completeness(_flat(), files=1)
    assert formal == [] and material == []


def test_the_window_comes_from_the_catalogue_and_late_reports_are_flagged(client: Client) -> None:
    old = (dt.date.today() - dt.timedelta(days=40)).isoformat()
    window = reporting_window({**_flat(), "known_date": old})
    assert window is not None and window.late and window.amount == 7 and window.unit == "days"  # pilkada
    fill(client, known_date=old, event_date=old)
    page = client.get("/lapor/langkah/tempat-waktu/").content.decode()
    assert "Batas waktu pelaporan sudah lewat" in page
    assert "melewati batas waktu" in client.get("/lapor/kirim/").content.decode()


def test_the_pemilu_window_counts_working_days() -> None:
    window = reporting_window({**_flat(), "election": "pemilu_2024", "known_date": "2024-02-14"})
    assert window is not None and window.unit == "working_days"
    assert window.due.date() > dt.date(2024, 2, 21)  # 7 working days skip the weekend and holidays


def test_the_review_refuses_to_submit_while_a_step_is_incomplete(client: Client) -> None:
    client.post("/lapor/langkah/kejadian/", {**steps()["kejadian"], "next": "1"})
    response = client.post("/lapor/kirim/", {})
    assert "Ada langkah yang belum lengkap" in response.content.decode()
    from netral.cases.models import Case

    assert not Case.objects.exists()


def _flat() -> dict[str, object]:
    flat: dict[str, object] = {}
    for values in steps().values():
        flat.update(values)
    return flat
