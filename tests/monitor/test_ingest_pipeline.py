"""Ingestion end to end on the real database: stored once, grouped into stories, alerts where the event happened."""

from __future__ import annotations

import datetime as dt

import pytest

from netral.audit.models import AuditEntry
from netral.monitor.models import Alert, Item, ItemBand, Story, WatchTerm
from netral.monitor.services.ingest import ingest
from netral.monitor.sources.base import RawItem

VIOLATION = (
    "Bawaslu Kabupaten Banjar menemukan seorang camat di Kecamatan Aluh Aluh yang berstatus ASN menghadiri "
    "kampanye pasangan calon bupati dan mengajak warga memilih calon nomor urut 2 pada Pilkada 2024.\n\n"
    "Ketua Bawaslu Banjar mengatakan camat tersebut diduga melanggar netralitas ASN. Temuan itu sedang dikaji "
    "dan hasilnya akan diteruskan kepada Badan Kepegawaian Negara.\n\n"
    "Menurut pengawas, acara itu dihadiri ratusan warga dari beberapa desa di sekitar kecamatan tersebut."
)
HARMLESS = (
    "Pemerintah Kabupaten Tanah Laut menggelar lomba perahu hias di sungai untuk memperingati hari jadi daerah. "
    "Puluhan perahu dari berbagai desa ikut serta dan warga memadati tepian sungai sejak pagi.\n\n"
    "Panitia menyiapkan hadiah bagi tiga perahu terbaik, sementara pedagang kecil ramai berjualan di sekitar lokasi."
)
ENGLISH = (
    "The regional government held a boat parade on the river to celebrate the anniversary of the district. "
    "Dozens of decorated boats took part and residents lined the banks from early morning."
)
PUBLISHED = dt.datetime(2024, 10, 1, 9, 0, tzinfo=dt.UTC)


def _item(text: str, url: str, outlet: str, title: str = "") -> RawItem:
    return RawItem(
        kind="file", raw=text.encode(), raw_type="text/plain", text=text, title=title, url=url, outlet=outlet,
        published=PUBLISHED,
    )  # fmt: skip


def _repost(text: str) -> str:
    return "BACA JUGA: Harga cabai naik menjelang akhir pekan\n\n" + text + "\n\nEditor: Redaksi Contoh"


@pytest.mark.django_db
def test_the_same_items_ingested_twice_are_stored_once() -> None:
    items = [_item(VIOLATION, "https://kabar.test/a?utm_source=x", "Kabar"), _item(HARMLESS, "", "Arsip")]
    first = ingest(items)
    second = ingest(items)

    assert (first.stored, first.repeated) == (2, 0)
    assert (second.stored, second.repeated) == (0, 2)
    assert Item.objects.count() == 2
    assert Item.objects.get(outlet="Kabar").url == "https://kabar.test/a"  # canonical, tracking parameter dropped


@pytest.mark.django_db
def test_a_repost_elsewhere_joins_the_story_and_a_different_article_opens_another() -> None:
    ingest([_item(VIOLATION, "https://kabar.test/a", "Kabar Banua", title="Camat hadiri kampanye")])
    report = ingest(
        [
            _item(_repost(VIOLATION), "https://warta.test/b", "Warta Selatan"),
            _item(HARMLESS, "https://kabar.test/c", "Kabar Banua"),
        ]
    )

    assert (report.stories_new, report.stories_joined) == (1, 1)
    story = Story.objects.get(title="Camat hadiri kampanye")
    assert story.item_count == 2
    assert story.outlets == ["Kabar Banua", "Warta Selatan"]
    assert Story.objects.count() == 2
    assert ItemBand.objects.count() == 3 * len(ItemBand.objects.filter(item__outlet="Warta Selatan"))


@pytest.mark.django_db
def test_a_violation_story_raises_one_alert_in_the_region_where_it_happened() -> None:
    report = ingest(
        [_item(VIOLATION, "https://kabar.test/a", "Kabar"), _item(HARMLESS, "https://kabar.test/c", "Kabar")]
    )
    ingest([_item(_repost(VIOLATION), "https://warta.test/b", "Warta")])

    assert report.alerts == 1
    alert = Alert.objects.get()
    assert alert.region_code == "63.03.01"  # Kecamatan Aluh Aluh, Kabupaten Banjar
    assert alert.reasons[0]["kind"] == "violation"
    assert "D4" in alert.facts["violation_codes"]
    assert alert.story.item_count == 2  # the re-post grew the story, no second alert
    assert AuditEntry.objects.get(action="monitor.alerts_raised").data == {"alerts": [alert.pk]}


@pytest.mark.django_db
def test_a_watched_name_raises_an_alert_for_a_story_without_a_violation() -> None:
    WatchTerm.objects.create(kind=WatchTerm.Kind.KEYWORD, term="perahu hias", owner_id="63.01")
    WatchTerm.objects.create(kind=WatchTerm.Kind.KEYWORD, term="perahu", owner_id="63.03", active=False)

    ingest([_item(HARMLESS, "https://kabar.test/c", "Kabar")])

    alert = Alert.objects.get()
    assert [r["term"] for r in alert.reasons] == ["perahu hias"]
    assert alert.region_code.startswith("63.01")


@pytest.mark.django_db
def test_items_in_another_language_are_kept_flagged_and_not_analysed() -> None:
    report = ingest([_item(ENGLISH, "https://news.test/en", "News")])

    item = Item.objects.get()
    assert report.flagged_language == 1
    assert (item.language, item.language_kept, item.analysis) == ("en", False, {})


@pytest.mark.django_db(transaction=False)
def test_two_worker_processes_store_what_one_process_stores() -> None:
    items = [_item(VIOLATION, f"https://kabar.test/{i}", f"Outlet {i % 3}") for i in range(6)]
    items += [_item(HARMLESS, f"https://lain.test/{i}", "Lain") for i in range(4)]
    report = ingest(items, workers=2, batch_size=4)

    assert (report.received, report.stored, report.stories_new) == (10, 10, 2)
    assert Alert.objects.count() == 1
