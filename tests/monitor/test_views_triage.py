"""The alert queue and triage pages through Django's test client: scope, filters, bulk dismissal, open as a case."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.monitor.triage_texts import (
    AGENCY_BANJAR,
    PASSWORD,
    VIOLATION_BANJAR,
    VIOLATION_TANAH_LAUT,
    Ingest,
    article,
)

from netral.accounts.models import User
from netral.cases.models import Case, Evidence
from netral.monitor.models import Alert

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.monitor.triage_fixtures"]


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def two_alerts(ingest_articles: Ingest) -> tuple[Alert, Alert]:
    ingest_articles(article(VIOLATION_BANJAR, "banjar"), article(VIOLATION_TANAH_LAUT, "tala"))
    return Alert.objects.get(region_code__startswith="63.03"), Alert.objects.get(region_code__startswith="63.01")


def test_the_queue_asks_for_login_first(client: Client) -> None:
    response = client.get("/pantauan/")
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_users_without_monitoring_get_404_like_the_case_pages(bkn: User, two_alerts: tuple[Alert, Alert]) -> None:
    client = client_for(bkn)
    for url in (
        "/pantauan/",
        f"/pantauan/peringatan/{two_alerts[0].pk}/",
        "/pantauan/cari/?q=kampanye",
        "/pantauan/sumber/",
    ):
        assert client.get(url).status_code == 404, url


def test_the_banjar_queue_lists_banjar_alerts_only(banjar: User, two_alerts: tuple[Alert, Alert]) -> None:
    mine, theirs = two_alerts
    page = client_for(banjar).get("/pantauan/").content.decode()
    assert f"/pantauan/peringatan/{mine.pk}/" in page
    assert f"/pantauan/peringatan/{theirs.pk}/" not in page
    assert "Aluh Aluh" in page and "WITA" in page  # Kalimantan Selatan is in WITA
    assert "Baru: 1" in page


def test_alerts_of_another_regency_answer_404_on_every_page(banjar: User, two_alerts: tuple[Alert, Alert]) -> None:
    _mine, theirs = two_alerts
    client = client_for(banjar)
    assert client.get(f"/pantauan/peringatan/{theirs.pk}/").status_code == 404
    assert client.get(f"/pantauan/peringatan/{theirs.pk}/buka/").status_code == 404
    assert client.post(f"/pantauan/peringatan/{theirs.pk}/abaikan/", {"reason": "x"}).status_code == 404
    assert client.post(f"/pantauan/peringatan/{theirs.pk}/gabung/", {"case": "1"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Alert.Status.NEW


def test_the_queue_filters_by_reason_status_region_and_text(
    banjar: User, ingest_articles: Ingest, two_alerts: tuple[Alert, Alert]
) -> None:
    from netral.monitor.services.watchlist import do_add_term

    do_add_term(banjar, kind="instansi", term="Dinas Pendidikan")
    ingest_articles(article(AGENCY_BANJAR, "buku"))
    client = client_for(banjar)
    watch = Alert.objects.get(reasons__icontains="watchlist")
    violation = two_alerts[0]
    page = client.get("/pantauan/?reason=daftar-pantau").content.decode()
    assert f"peringatan/{watch.pk}/" in page and f"peringatan/{violation.pk}/" not in page
    page = client.get("/pantauan/?reason=pelanggaran").content.decode()
    assert f"peringatan/{watch.pk}/" not in page and f"peringatan/{violation.pk}/" in page
    page = client.get("/pantauan/?region=63.03.05").content.decode()  # Martapura
    assert f"peringatan/{watch.pk}/" in page and f"peringatan/{violation.pk}/" not in page
    page = client.get("/pantauan/?q=Fauzi").content.decode()
    assert f"peringatan/{violation.pk}/" in page and f"peringatan/{watch.pk}/" not in page
    page = client.get("/pantauan/?status=diabaikan").content.decode()
    assert "Tidak ada peringatan yang cocok" in page


def test_bulk_dismissal_with_a_reason_empties_the_queue(banjar: User, two_alerts: tuple[Alert, Alert]) -> None:
    mine, theirs = two_alerts
    client = client_for(banjar)
    refused = client.post("/pantauan/abaikan/", {"alert": [mine.pk], "reason": ""}, follow=True)
    assert "Tuliskan alasan" in refused.content.decode()
    response = client.post("/pantauan/abaikan/", {"alert": [mine.pk, theirs.pk], "reason": "Berita ulang"}, follow=True)
    assert "1 peringatan diabaikan" in response.content.decode()
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.status, mine.dismissed_reason, theirs.status) == ("diabaikan", "Berita ulang", "baru")


def test_the_alert_page_shows_facts_reasons_and_items(banjar: User, two_alerts: tuple[Alert, Alert]) -> None:
    page = client_for(banjar).get(f"/pantauan/peringatan/{two_alerts[0].pk}/").content.decode()
    assert "Ahmad Fauzi" in page and "Camat Aluh Aluh" in page
    assert "D4" in page and "Dugaan pelanggaran" in page
    assert "https://kabar-banua.example/berita/banjar" in page
    assert "mengajak warga memilih" in page  # the evidence sentence
    assert "Buka sebagai perkara baru" in page


def test_the_open_as_case_form_is_prefilled_from_the_extraction(banjar: User, two_alerts: tuple[Alert, Alert]) -> None:
    form = client_for(banjar).get(f"/pantauan/peringatan/{two_alerts[0].pk}/buka/").context["form"]
    assert form.initial["intake"] == "informasi_awal"
    assert form.initial["event_region"] == "63.03.01"
    assert form.initial["person_name"] == "Ahmad Fauzi"
    assert form.initial["event_date"] == "2024-11-12"
    assert "D4" in form.initial["violations"]
    assert {value for value, _label in form.fields["intake"].choices} == {"informasi_awal", "temuan"}


def test_opening_as_a_case_redirects_to_the_case_with_the_story_as_evidence(
    banjar: User, two_alerts: tuple[Alert, Alert]
) -> None:
    alert = two_alerts[0]
    client = client_for(banjar)
    form = client.get(f"/pantauan/peringatan/{alert.pk}/buka/").context["form"]
    data = {name: value for name, value in form.initial.items() if name != "anonymous"}
    data["summary"] = "Camat Aluh Aluh hadir di kampanye (disunting)"
    data["person_subject_type"] = "asn"
    response = client.post(f"/pantauan/peringatan/{alert.pk}/buka/", data)
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/perkara/{case.pk}/"
    assert (case.intake, case.summary, case.event_region_id) == (
        "informasi_awal",
        "Camat Aluh Aluh hadir di kampanye (disunting)",
        "63.03.01",
    )
    assert Evidence.objects.filter(case=case, url="https://kabar-banua.example/berita/banjar").exists()
    alert.refresh_from_db()
    assert (alert.status, alert.case_id) == ("dibuka", case.pk)
    again = client.get(f"/pantauan/peringatan/{alert.pk}/buka/", follow=True)
    assert "sudah ditindaklanjuti" in again.content.decode()


def test_the_open_as_case_form_explains_what_is_missing(banjar: User, two_alerts: tuple[Alert, Alert]) -> None:
    response = client_for(banjar).post(f"/pantauan/peringatan/{two_alerts[0].pk}/buka/", {"intake": "laporan"})
    assert response.status_code == 200
    assert Case.objects.count() == 0
    assert response.context["form"].errors["summary"]


def test_attaching_to_an_existing_case_by_number(banjar: User, two_alerts: tuple[Alert, Alert]) -> None:
    from netral.cases.services.intake import NewCase, do_receive_case
    from netral.geo.models import Region
    from netral.rules.models import Election

    case = do_receive_case(
        banjar,
        NewCase(
            intake="informasi_awal",
            election=Election.objects.get(code="pilkada_2024"),
            summary="Camat hadir di kampanye",
            event_region=Region.objects.get(code="63.03"),
        ),
    )
    client = client_for(banjar)
    lookup = client.get(f"/pantauan/peringatan/{two_alerts[0].pk}/cari-perkara/?case=kampanye").content.decode()
    assert "Camat hadir di kampanye" in lookup
    response = client.post(f"/pantauan/peringatan/{two_alerts[0].pk}/gabung/", {"case": f"#{case.pk}"})
    assert response["Location"] == f"/perkara/{case.pk}/"
    assert Evidence.objects.filter(case=case).count() == 1
    assert Alert.objects.get(pk=two_alerts[0].pk).status == "digabung"


def test_dismissing_one_alert_from_its_page(banjar: User, two_alerts: tuple[Alert, Alert]) -> None:
    client = client_for(banjar)
    response = client.post(f"/pantauan/peringatan/{two_alerts[0].pk}/abaikan/", {"reason": "Bukan ASN"})
    assert response["Location"] == "/pantauan/"
    assert Alert.objects.get(pk=two_alerts[0].pk).dismissed_reason == "Bukan ASN"


def test_triage_actions_need_a_post_and_csrf(banjar: User, two_alerts: tuple[Alert, Alert]) -> None:
    client = Client(enforce_csrf_checks=True)
    client.login(username=banjar.username, password=PASSWORD)
    assert client.get(f"/pantauan/peringatan/{two_alerts[0].pk}/abaikan/").status_code == 405
    assert client.post(f"/pantauan/peringatan/{two_alerts[0].pk}/abaikan/", {"reason": "x"}).status_code == 403
    assert client.post("/pantauan/abaikan/", {"alert": [two_alerts[0].pk], "reason": "x"}).status_code == 403
