"""Prevention pages through Django's test client: signing, verification, access by region, events, circulars."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from tests.prevention.conftest import NIPS, PASSWORD, PDF, csv_bytes

from netral.accounts.models import User
from netral.prevention.models import Campaign, Circular, Event, Pledge
from netral.prevention.services.campaigns import PledgeInput, do_sign_pledge
from netral.rules.models import ViolationType

pytestmark = pytest.mark.django_db


def logged_in(user: User) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def sign(client: Client, campaign: Campaign, name: str, nip: str, **extra: str) -> Any:
    data = {"full_name": name, "nip": nip, "position": "Analis", "unit": "Bidang A", "agree": "on", **extra}
    return client.post(reverse("prevention:sign", args=[campaign.token]), data)


def test_an_employee_signs_without_an_account_and_lands_on_the_verification_page(campaign: Campaign) -> None:
    client = Client(enforce_csrf_checks=True)
    page = client.get(reverse("prevention:sign", args=[campaign.token]))
    assert page.status_code == 200
    assert "Ikrar Netralitas Aparatur" in page.content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert token is not None
    response = sign(client, campaign, "Siti Rahmawati Putri", "19850312 201001 1 002", csrfmiddlewaretoken=token[1])
    pledge = Pledge.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("prevention:verify", args=[pledge.code])


def test_signing_without_the_csrf_token_is_refused(campaign: Campaign) -> None:
    response = sign(Client(enforce_csrf_checks=True), campaign, "Pegawai Uji", NIPS[0])
    assert response.status_code == 403
    assert not Pledge.objects.exists()


def test_a_repeated_nip_gets_an_indonesian_message_and_no_second_pledge(campaign: Campaign) -> None:
    sign(Client(), campaign, "Pegawai Uji", NIPS[0])
    response = sign(Client(), campaign, "Pegawai Uji", NIPS[0])
    assert response.status_code == 400
    assert "sudah menandatangani ikrar pada kampanye ini" in response.content.decode()
    assert Pledge.objects.count() == 1


def test_an_unknown_signing_token_answers_404(campaign: Campaign) -> None:
    assert Client().get(reverse("prevention:sign", args=["bukan-token"])).status_code == 404


def test_signing_is_rate_limited_per_client_address(campaign: Campaign, settings: Any) -> None:
    settings.NETRAL_PREVENTION_SIGN_RATE = "2/h"
    codes = [sign(Client(), campaign, "Pegawai Uji", nip).status_code for nip in NIPS[:3]]
    assert codes == [302, 302, 429]
    assert Pledge.objects.count() == 2


def test_verification_lookups_are_rate_limited(campaign: Campaign, settings: Any) -> None:
    settings.NETRAL_PREVENTION_VERIFY_RATE = "2/m"
    url = reverse("prevention:verify", args=["ABCDEFGHJKMNPQRSTVWX"])
    assert [Client().get(url).status_code for _ in range(3)] == [404, 404, 429]


def test_the_verification_page_shows_no_nip_and_no_full_name_and_carries_a_qr_svg(campaign: Campaign) -> None:
    pledge = do_sign_pledge(
        campaign, PledgeInput("Siti Rahmawati Putri", NIPS[1], "Analis Kebijakan", "Bidang Rahasia")
    )
    response = Client().get(reverse("prevention:verify", args=[pledge.code]))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Ikrar ini asli" in text and "S. R. P." in text and pledge.code in text
    assert campaign.agency.name in text and campaign.election.name in text
    for secret in (NIPS[1], "Siti", "Rahmawati", "Analis Kebijakan", "Bidang Rahasia", "1990"):
        assert secret not in text.replace(campaign.election.name, "")
    assert re.search(r'<svg[^>]*class="qr"', text)
    assert "style=" not in text
    assert f"/pencegahan/verifikasi/{pledge.code}/" in text


def test_an_unknown_or_malformed_pledge_code_answers_404(campaign: Campaign) -> None:
    assert Client().get(reverse("prevention:verify", args=["ABCDEFGHJKMNPQRSTVWX"])).status_code == 404
    assert Client().get(reverse("prevention:verify", args=["<script>"])).status_code == 404


STAFF_PAGES = ("agency", "campaign", "pact_download", "template")


def _urls(campaign: Campaign) -> list[str]:
    return [
        reverse("prevention:agency", args=[campaign.agency.pk]),
        reverse("prevention:campaign", args=[campaign.pk]),
        reverse("prevention:pact_download", args=[campaign.pk]),
        reverse("prevention:template", args=[campaign.pk]),
    ]


def test_owners_see_the_campaign_pages_and_an_officer_of_another_regency_gets_404(
    banjar: User, kalsel: User, ppk: User, batola: User, administrator: User, analyst: User, campaign: Campaign
) -> None:
    logged_in(banjar).post(reverse("prevention:pact_upload", args=[campaign.pk]), {"file": _upload(PDF)})
    for owner in (banjar, kalsel, ppk):
        client = logged_in(owner)
        for url in _urls(campaign):
            assert client.get(url).status_code == 200, (owner.username, url)
    for outsider in (batola, administrator, analyst):
        client = logged_in(outsider)
        for url in _urls(campaign):
            assert client.get(url).status_code == 404, (outsider.username, url)
        assert client.post(reverse("prevention:import", args=[campaign.pk]), {}).status_code == 404
    for url in _urls(campaign):
        assert Client().get(url).status_code == 302  # to the login page


def test_lists_show_only_agencies_in_the_users_region(banjar: User, batola: User, campaign: Campaign) -> None:
    name = campaign.agency.name
    assert name in logged_in(banjar).get(reverse("prevention:agencies")).content.decode()
    assert name not in logged_in(batola).get(reverse("prevention:agencies")).content.decode()
    assert name not in logged_in(batola).get(reverse("prevention:coverage")).content.decode()


def _upload(data: bytes, name: str = "pakta.pdf") -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_the_campaign_page_reports_an_imports_bad_rows(banjar: User, campaign: Campaign) -> None:
    client = logged_in(banjar)
    data = csv_bytes("Nama,NIP", f"Pegawai Uji Satu,{NIPS[0]}", "Pegawai Uji Dua,198502312010011002")
    response = client.post(
        reverse("prevention:import", args=[campaign.pk]), {"file": _upload(data, "daftar.csv")}, follow=True
    )
    text = response.content.decode()
    assert "1 ikrar baru, 0 sudah tercatat, 1 baris ditolak" in text
    assert "baris 3: NIP 19850231… tidak valid: tanggal lahir 31-02-1985 tidak ada" in text
    assert "1985************02" in text  # staff see a masked NIP in the list
    assert NIPS[0] not in text


def test_creating_an_agency_and_campaign_through_the_pages(banjar: User, election: Any) -> None:
    client = logged_in(banjar)
    response = client.post(
        reverse("prevention:agencies"),
        {"name": "Kantor Uji", "kind": "instansi_vertikal", "region": "63.03", "headcount": "30"},
    )
    assert response.status_code == 302
    response = client.post(response["Location"], {"election": election.code, "expected": "28"}, follow=True)
    assert "0 dari 28 pegawai" in response.content.decode()
    refused = client.post(
        reverse("prevention:agencies"),
        {"name": "Kantor Lain", "kind": "instansi_vertikal", "region": "63.04", "headcount": "30"},
    )
    assert refused.status_code == 400  # 63.04 is not among the choices of a Banjar officer


def test_events_are_created_in_the_regions_zone_listed_filtered_and_shown_in_the_public_calendar(
    banjar: User, batola: User
) -> None:
    client = logged_in(banjar)
    data = {
        "title": "Sosialisasi netralitas untuk kepala desa",
        "kind": "sosialisasi",
        "region": "63.03",
        "starts_at": "2099-03-02T09:00",
        "ends_at": "2099-03-02T12:00",
        "place": "Aula Uji",
        "organiser": "Bawaslu Kabupaten Banjar",
        "speakers": "Narasumber Uji — Anggota Bawaslu",
        "audience": "kepala_desa",
        "audience_count": "80",
        "minutes": "Catatan internal rapat uji",
        "is_public": "on",
    }
    response = client.post(reverse("prevention:event_new"), data)
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.starts_at.isoformat() == "2099-03-02T01:00:00+00:00"  # 09.00 WITA
    listing = client.get(reverse("prevention:events"), {"q": "kepala desa", "when": "upcoming"}).content.decode()
    assert "Sosialisasi netralitas untuk kepala desa" in listing and "09.00 WITA" in listing
    assert (
        "Tidak ada kegiatan yang cocok" in client.get(reverse("prevention:events"), {"kind": "rakor"}).content.decode()
    )
    calendar = Client().get(reverse("prevention:calendar")).content.decode()
    assert "Sosialisasi netralitas untuk kepala desa" in calendar and "Narasumber Uji" in calendar
    assert "Catatan internal" not in calendar
    assert logged_in(batola).get(reverse("prevention:event", args=[event.pk])).status_code == 404
    bad = client.post(reverse("prevention:event_new"), {**data, "ends_at": "2099-03-02T08:00"})
    assert "Waktu selesai tidak boleh sebelum waktu mulai" in bad.content.decode()


def test_circulars_are_registered_searchable_linked_to_the_rules_and_private_ones_stay_private(
    banjar: User, batola: User
) -> None:
    client = logged_in(banjar)
    violation = ViolationType.objects.order_by("position").first()
    assert violation is not None
    base = {
        "kind": "surat_edaran",
        "date": "2024-09-01",
        "issuer": "Bupati Uji",
        "addressees": "Kepala perangkat daerah",
        "region": "63.03",
        "violation_types": [violation.code],
    }
    response = client.post(
        reverse("prevention:circular_new"),
        {**base, "number": "SE-UJI/01", "subject": "Netralitas ASN di media sosial", "is_public": "on",
         "file": _upload(PDF, "edaran.pdf")},
    )  # fmt: skip
    assert response.status_code == 302
    client.post(reverse("prevention:circular_new"), {**base, "number": "SE-UJI/02", "subject": "Catatan internal"})
    public, private = Circular.objects.order_by("number")
    assert public.sha256 and list(public.violation_types.all()) == [violation]
    found = Client().get(reverse("prevention:circulars"), {"q": "media sosial"}).content.decode()
    assert "SE-UJI/01" in found and "SE-UJI/02" not in found
    assert "SE-UJI/01" in Client().get(reverse("prevention:circulars"), {"q": violation.code}).content.decode()
    assert Client().get(reverse("prevention:circular", args=[private.pk])).status_code == 404
    assert logged_in(batola).get(reverse("prevention:circular", args=[private.pk])).status_code == 404
    assert client.get(reverse("prevention:circular", args=[private.pk])).status_code == 200
    assert Client().get(reverse("prevention:circular_file", args=[public.pk])).status_code == 200
    duplicate = client.post(reverse("prevention:circular_new"), {**base, "number": "se-uji/01", "subject": "Lagi"})
    assert "sudah mencatat surat bernomor" in duplicate.content.decode()


def test_coverage_shows_figures_per_agency_and_region_and_analysts_see_figures_only(
    banjar: User, analyst: User, campaign: Campaign
) -> None:
    for nip in NIPS[:3]:
        do_sign_pledge(campaign, PledgeInput("Pegawai Uji", nip, "", ""))
    text = logged_in(banjar).get(reverse("prevention:coverage")).content.decode()
    assert "3 dari 10 pegawai yang diharapkan telah berikrar (30%)" in text
    assert "Kabupaten Banjar" in text and "Kalimantan Selatan" in text
    for_analyst = logged_in(analyst).get(reverse("prevention:coverage")).content.decode()
    assert "3 / 10" in for_analyst
    assert reverse("prevention:campaign", args=[campaign.pk]) not in for_analyst
    data = logged_in(analyst).get(reverse("prevention:coverage_json")).json()
    assert {r["code"]: r["percent"] for r in data["regions"]} == {"63": 30, "63.03": 30}
    assert logged_in(analyst).get(reverse("prevention:overview")).status_code == 302


STAFF_ONLY = ("agencies", "events", "event_new", "circular_new")


@pytest.mark.parametrize("name", STAFF_ONLY)
def test_staff_pages_need_a_login_and_the_prevention_capability(name: str, administrator: User, ppk: User) -> None:
    url = reverse(f"prevention:{name}")
    assert Client().get(url).status_code == 302
    assert logged_in(administrator).get(url).status_code == 404
    assert logged_in(ppk).get(url).status_code == 200


def test_the_overview_sends_readers_of_statistics_to_the_coverage_figures(administrator: User, ppk: User) -> None:
    url = reverse("prevention:overview")
    assert Client().get(url).status_code == 302
    assert logged_in(administrator).get(url)["Location"] == reverse("prevention:coverage")
    assert logged_in(ppk).get(url).status_code == 200


def test_event_and_circular_pages_of_another_regency_answer_404(banjar: User, batola: User) -> None:
    client = logged_in(banjar)
    client.post(
        reverse("prevention:event_new"),
        {"title": "Rakor internal", "kind": "rakor", "region": "63.03", "starts_at": "2099-01-05T10:00",
         "place": "Kantor", "organiser": "Bawaslu", "audience": "pengawas", "audience_count": "9"},
    )  # fmt: skip
    event = Event.objects.get()
    assert not event.is_public
    client.post(
        reverse("prevention:material_add", args=[event.pk]), {"title": "Bahan", "file": _upload(PDF, "bahan.pdf")}
    )
    material = event.materials.get()
    outsider = logged_in(batola)
    for url in (
        reverse("prevention:event", args=[event.pk]),
        reverse("prevention:event_edit", args=[event.pk]),
        reverse("prevention:material", args=[event.pk, material.pk]),
    ):
        assert outsider.get(url).status_code == 404, url
        assert client.get(url).status_code == 200, url
    assert Client().get(reverse("prevention:material", args=[event.pk, material.pk])).status_code == 404
    assert "Rakor internal" not in Client().get(reverse("prevention:calendar")).content.decode()
    assert outsider.post(reverse("prevention:material_add", args=[event.pk]), {}).status_code == 404
