"""Sources, uploads (with the column mapping of social exports), the watchlist, item search and item pages."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_tasks_db.models import DBTaskResult
from tests.monitor.local_site import LocalSite, running
from tests.monitor.triage_texts import (
    AGENCY_BANJAR,
    HARMLESS_BANJAR,
    VIOLATION_BANJAR,
    VIOLATION_TANAH_LAUT,
    Ingest,
    article,
)

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.monitor.models import Alert, FetchRun, Item, Source, WatchTerm
from netral.monitor.tasks import fetch_source_task

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.monitor.triage_fixtures"]


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def site() -> Iterator[LocalSite]:
    yield from running()


@pytest.fixture
def private_hosts(settings: object) -> None:
    settings.NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS = True  # type: ignore[attr-defined]


# --- Sources -----------------------------------------------------------------------------------------------------


def rss(*entries: tuple[str, str, str]) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link><description>{text}</description>"
        "<pubDate>Tue, 12 Nov 2024 03:00:00 GMT</pubDate></item>"
        for title, link, text in entries
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar Banua</title>{items}</channel></rss>'


def test_a_supervisor_adds_a_feed_and_fetches_it_now(
    banjar: User,
    site: LocalSite,
    private_hosts: None,
) -> None:
    page = site.url("/berita/camat")
    site.add("/rss.xml", rss(("Camat hadir di kampanye", page, VIOLATION_BANJAR)), content_type="application/rss+xml")
    title = "<title>Camat hadir di kampanye</title>"
    site.add(
        "/berita/camat", f"<html><head>{title}</head><body><article><p>{VIOLATION_BANJAR}</p></article></body></html>"
    )
    client = client_for(banjar)
    form = client.get("/pantauan/sumber/tambah/").context["form"]
    assert form.fields["owner"].initial == "63.03"
    response = client.post(
        "/pantauan/sumber/tambah/",
        {"kind": "feed", "name": "Kabar Banua", "url": site.url("/rss.xml"), "interval_minutes": 30, "owner": "63.03"},
    )
    source = Source.objects.get()
    assert response["Location"] == f"/pantauan/sumber/{source.pk}/"
    assert (source.owner_code, source.interval_minutes, source.next_fetch_at is not None) == ("63.03", 30, True)
    assert AuditEntry.objects.filter(action="monitor.source_added").exists()
    # "Fetch now" enqueues the worker's task; the test runs what the worker would run.
    client.post(f"/pantauan/sumber/{source.pk}/ambil/")
    queued = DBTaskResult.objects.get(task_path__endswith="fetch_source_task")
    assert queued.args_kwargs["args"] == [source.pk]
    fetch_source_task.func(source.pk)
    run = FetchRun.objects.get(source=source)
    assert (run.status, run.received, run.alerts) == ("ok", 1, 1)
    page_html = client.get(f"/pantauan/sumber/{source.pk}/").content.decode()
    assert "Riwayat pengambilan" in page_html and "Berhasil" in page_html
    assert Alert.objects.get().region_code == "63.03.01"


def test_a_feed_that_fails_shows_its_error_and_failures(banjar: User, site: LocalSite, private_hosts: None) -> None:
    from netral.monitor.services.sources import do_add_source, fetch_source

    source = do_add_source(banjar, kind="feed", name="Rusak", url=site.url("/hilang.xml"), owner=banjar.jurisdiction)
    fetch_source(source)
    listing = client_for(banjar).get("/pantauan/sumber/").content.decode()
    assert "Gagal" in listing and "404" in listing


def test_the_add_form_refuses_a_too_short_interval(banjar: User) -> None:
    response = client_for(banjar).post(
        "/pantauan/sumber/tambah/",
        {"kind": "feed", "name": "Cepat", "url": "https://contoh.example/rss", "interval_minutes": 1, "owner": "63.03"},
    )
    assert response.status_code == 200 and not Source.objects.exists()
    assert response.context["form"].errors["interval_minutes"]


def test_a_regency_cannot_edit_or_fetch_a_neighbours_source(banjar: User, tanah_laut: User) -> None:
    from netral.monitor.services.sources import do_add_source

    theirs = do_add_source(
        tanah_laut, kind="feed", name="Tala", url="https://tala.example/rss", owner=tanah_laut.jurisdiction
    )
    client = client_for(banjar)
    assert client.get(f"/pantauan/sumber/{theirs.pk}/").status_code == 404
    assert client.post(f"/pantauan/sumber/{theirs.pk}/ambil/").status_code == 404
    assert "Tala" not in client.get("/pantauan/sumber/").content.decode()


def test_editing_a_source_disables_it(banjar: User) -> None:
    from netral.monitor.services.sources import do_add_source

    source = do_add_source(
        banjar, kind="feed", name="Banua", url="https://banua.example/rss", owner=banjar.jurisdiction
    )
    client_for(banjar).post(
        f"/pantauan/sumber/{source.pk}/",
        {"name": "Banua Pos", "url": "https://banua.example/rss", "interval_minutes": 120},
    )
    source.refresh_from_db()
    assert (source.name, source.interval_minutes, source.enabled) == ("Banua Pos", 120, False)
    assert AuditEntry.objects.filter(action="monitor.source_changed").exists()


# --- Uploads -----------------------------------------------------------------------------------------------------

SOCIAL_CSV = (
    "isi_unggahan;akun;dibuat;tautan\n"
    f'"{VIOLATION_BANJAR}";@warga_banjar;12/11/2024 10:00;https://sosmed.example/p/1\n'
    ";@kosong;12/11/2024 11:00;https://sosmed.example/p/2\n"
    f'"{HARMLESS_BANJAR}";@warga_banjar;kemarin sore;https://sosmed.example/p/3\n'
)


def test_a_social_export_is_mapped_then_imported_with_its_row_problems(banjar: User) -> None:
    client = client_for(banjar)
    upload = SimpleUploadedFile("ekspor.csv", SOCIAL_CSV.encode(), content_type="text/csv")
    response = client.post("/pantauan/unggah/", {"file": upload, "owner": "63.03", "platform": "X"})
    assert response["Location"] == "/pantauan/unggah/kolom/"
    mapping = client.get("/pantauan/unggah/kolom/")
    columns = {value for value, _label in mapping.context["form"].fields["col_text"].choices}
    assert {"isi_unggahan", "akun", "dibuat", "tautan"} <= columns
    assert mapping.context["form"].initial.get("col_url") == "tautan"
    response = client.post(
        "/pantauan/unggah/kolom/",
        {"col_text": "isi_unggahan", "col_author": "akun", "col_published": "dibuat", "col_url": "tautan"},
    )
    run = FetchRun.objects.get()
    assert response["Location"] == f"/pantauan/unggah/{run.pk}/"
    assert (run.received, run.stored, run.alerts) == (2, 2, 1)
    result = client.get(response["Location"]).content.decode()
    assert "baris 3: kolom teks kosong" in result
    assert "kemarin sore" in result  # an unreadable date is reported, the post kept
    assert Item.objects.filter(outlet="X @warga_banjar").count() == 2


def test_the_mapping_step_requires_the_text_column(banjar: User) -> None:
    client = client_for(banjar)
    client.post("/pantauan/unggah/", {"file": SimpleUploadedFile("e.csv", SOCIAL_CSV.encode()), "owner": "63.03"})
    response = client.post("/pantauan/unggah/kolom/", {"col_text": ""})
    assert "Pilih kolom yang berisi teks unggahan" in response.content.decode()
    assert not FetchRun.objects.exists()


def test_a_whatsapp_export_is_recognised_and_imported(banjar: User) -> None:
    chat = (
        "12/11/24 08.15 - Rina: Selamat pagi semua\n"
        f"12/11/24 08.17 - Dodi: {VIOLATION_BANJAR}\n"
        "12/11/24 08.20 - Rina: <Media tidak disertakan>\n"
    )
    response = client_for(banjar).post(
        "/pantauan/unggah/",
        {"file": SimpleUploadedFile("Chat WhatsApp dengan Warga Aluh.txt", chat.encode()), "owner": "63.03"},
    )
    run = FetchRun.objects.get()
    assert response["Location"] == f"/pantauan/unggah/{run.pk}/"
    assert run.source.kind == "whatsapp" and run.stored >= 1 and run.alerts == 1


def test_uploads_are_for_source_managers_only(bkn: User) -> None:
    assert client_for(bkn).get("/pantauan/unggah/").status_code == 404


# --- Watchlist ---------------------------------------------------------------------------------------------------


def test_a_watch_term_added_in_the_page_raises_an_alert_on_the_next_ingest(
    banjar: User, ingest_articles: Ingest
) -> None:
    client = client_for(banjar)
    response = client.post("/pantauan/daftar-pantau/", {"kind": "instansi", "term": "Dinas Pendidikan"})
    assert response["Location"] == "/pantauan/daftar-pantau/"
    assert "Dinas Pendidikan" in client.get("/pantauan/daftar-pantau/").content.decode()
    ingest_articles(article(AGENCY_BANJAR, "buku"))
    alert = Alert.objects.get()
    assert f"/pantauan/peringatan/{alert.pk}/" in client.get("/pantauan/?reason=daftar-pantau").content.decode()


def test_the_watchlist_form_explains_mistakes(banjar: User) -> None:
    response = client_for(banjar).post("/pantauan/daftar-pantau/", {"kind": "wilayah", "term": ""})
    assert "Pilih wilayah yang dipantau" in response.content.decode()
    response = client_for(banjar).post("/pantauan/daftar-pantau/", {"kind": "kata", "term": "ab"})
    assert "paling sedikit 3 huruf" in response.content.decode()
    assert not WatchTerm.objects.exists()


def test_deactivating_a_term_of_another_regency_is_404(banjar: User, tanah_laut: User) -> None:
    from netral.monitor.services.watchlist import do_add_term

    term = do_add_term(tanah_laut, kind="nama", term="Budi Santoso")
    assert client_for(banjar).post(f"/pantauan/daftar-pantau/{term.pk}/nonaktifkan/").status_code == 404
    client_for(tanah_laut).post(f"/pantauan/daftar-pantau/{term.pk}/nonaktifkan/")
    term.refresh_from_db()
    assert not term.active


# --- Search and items --------------------------------------------------------------------------------------------


def test_search_highlights_words_with_the_same_stem(banjar: User, ingest_articles: Ingest) -> None:
    ingest_articles(
        article(VIOLATION_BANJAR, "banjar"), article(HARMLESS_BANJAR, "jembatan"), article(VIOLATION_TANAH_LAUT, "tala")
    )
    page = client_for(banjar).get("/pantauan/cari/?q=berkampanye").content.decode()
    assert "<mark>kampanye</mark>" in page
    assert "Pelaihari" not in page and "jembatan" not in page
    assert "1 hasil" in page


def test_search_without_results_says_so(banjar: User, ingest_articles: Ingest) -> None:
    ingest_articles(article(HARMLESS_BANJAR, "jembatan"))
    assert "Tidak ada berita yang cocok" in client_for(banjar).get("/pantauan/cari/?q=pencoblosan").content.decode()


def test_search_results_escape_the_text(banjar: User, ingest_articles: Ingest) -> None:
    ingest_articles(article(HARMLESS_BANJAR + " <script>alert(1)</script>", "jahat"))
    page = client_for(banjar).get("/pantauan/cari/?q=jembatan").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_the_item_page_and_its_raw_form_as_a_download(banjar: User, tanah_laut: User, ingest_articles: Ingest) -> None:
    ingest_articles(article(VIOLATION_BANJAR, "banjar"))
    item = Item.objects.get()
    client = client_for(banjar)
    page = client.get(f"/pantauan/item/{item.pk}/").content.decode()
    assert "Dugaan pelanggaran dilaporkan" in page and f"/pantauan/peringatan/{Alert.objects.get().pk}/" in page
    raw = client.get(f"/pantauan/item/{item.pk}/asli/")
    assert raw["Content-Type"] == "application/octet-stream"
    assert raw["Content-Disposition"] == f'attachment; filename="item-{item.pk}.html"'
    assert raw.content == zlib.decompress(bytes(item.raw))
    assert VIOLATION_BANJAR.encode() in raw.content
    assert client_for(tanah_laut).get(f"/pantauan/item/{item.pk}/").status_code == 404
    assert client_for(tanah_laut).get(f"/pantauan/item/{item.pk}/asli/").status_code == 404


def test_a_large_upload_goes_to_the_worker_and_its_file_is_removed(
    banjar: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netral.monitor.tasks import ingest_upload_task
    from netral.monitor.views import upload

    monkeypatch.setattr(upload, "SYNC_LIMIT", 100)  # this small text counts as "large"
    text = f"{VIOLATION_BANJAR}\n\n{HARMLESS_BANJAR}\n".encode()
    response = client_for(banjar).post(
        "/pantauan/unggah/", {"file": SimpleUploadedFile("catatan.txt", text), "kind": "file", "owner": "63.03"}
    )
    assert response["Location"] == "/pantauan/sumber/?tampil=unggahan"
    assert not FetchRun.objects.exists()
    queued = DBTaskResult.objects.get(task_path__endswith="ingest_upload_task")
    args = queued.args_kwargs["args"]
    assert args[0] == banjar.pk and args[1] == "file" and args[3:] == ["catatan.txt", "63.03", {}]
    result = ingest_upload_task.func(*args)
    assert result["status"] == "ok" and result["alerts"] == 1
    assert not Path(args[2]).exists()


def test_a_large_upload_the_worker_would_refuse_is_refused_at_once(
    banjar: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netral.monitor.views import upload

    monkeypatch.setattr(upload, "SYNC_LIMIT", 10)
    data = {"file": SimpleUploadedFile("a.txt", HARMLESS_BANJAR.encode()), "kind": "file", "owner": ""}
    response = client_for(banjar).post("/pantauan/unggah/", data)
    assert "Sumber nasional hanya dapat dikelola Bawaslu RI" in response.content.decode()
    assert not DBTaskResult.objects.exists()
