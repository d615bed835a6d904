"""The lead's monitor services end to end on SQLite: ingestion, stories, alert routing, watchlist, triage, search."""

from __future__ import annotations

import pytest
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
from netral.cases.models import Evidence, Intake
from netral.cases.services.intake import NewCase
from netral.geo.models import Region
from netral.monitor.models import Alert, Item, Story
from netral.monitor.search import search_items
from netral.monitor.services.alerts import (
    AlertRefused,
    alerts_visible_to,
    do_dismiss,
    do_dismiss_many,
    do_open_as_case,
    items_visible_to,
)
from netral.monitor.services.watchlist import WatchlistRefused, do_add_term, do_deactivate_term, terms_visible_to
from netral.rules.models import Election

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.monitor.triage_fixtures"]


def test_a_violation_story_raises_one_alert_in_the_kecamatan_where_it_happened(ingest_articles: Ingest) -> None:
    report = ingest_articles(article(VIOLATION_BANJAR, "camat-kampanye"), article(HARMLESS_BANJAR, "jembatan"))
    assert (report.stored, report.alerts) == (2, 1)
    alert = Alert.objects.get()
    assert alert.region_code == "63.03.01"  # Aluh Aluh, Kabupaten Banjar
    assert alert.reasons[0]["kind"] == "violation"
    assert alert.facts["violation_codes"][:1] == ["D4"]
    assert alert.facts["persons"][0]["name"] == "Ahmad Fauzi"


def test_ingesting_the_same_items_again_stores_nothing_twice(ingest_articles: Ingest) -> None:
    items = (article(VIOLATION_BANJAR, "camat-kampanye"), article(HARMLESS_BANJAR, "jembatan"))
    ingest_articles(*items)
    again = ingest_articles(*items)
    assert (again.received, again.stored, again.repeated, again.alerts) == (2, 0, 2, 0)
    assert Item.objects.count() == 2 and Alert.objects.count() == 1


def test_the_same_text_from_another_outlet_joins_the_story_and_keeps_one_alert(ingest_articles: Ingest) -> None:
    ingest_articles(article(VIOLATION_BANJAR, "camat-kampanye"))
    report = ingest_articles(article(VIOLATION_BANJAR, "salinan", outlet="Warta Martapura"))
    assert (report.stored, report.alerts) == (1, 0)
    story = Story.objects.get()
    assert story.item_count == 2
    assert story.outlets == ["Kabar Banua", "Warta Martapura"]
    assert Alert.objects.count() == 1


def test_a_regency_sees_its_own_alerts_and_never_its_neighbours(
    ingest_articles: Ingest, banjar: User, tanah_laut: User, ri: User, bkn: User
) -> None:
    ingest_articles(article(VIOLATION_BANJAR, "banjar"), article(VIOLATION_TANAH_LAUT, "tala"))
    banjar_alerts = list(alerts_visible_to(banjar).values_list("region_code", flat=True))
    tala_alerts = list(alerts_visible_to(tanah_laut).values_list("region_code", flat=True))
    assert banjar_alerts == ["63.03.01"]
    assert [code.rsplit(".", 1)[0] for code in tala_alerts] == ["63.01"]
    assert alerts_visible_to(ri).count() == 2
    assert alerts_visible_to(bkn).count() == 0
    assert items_visible_to(bkn).count() == 0


def test_a_watch_term_raises_an_alert_on_the_next_ingest(ingest_articles: Ingest, banjar: User) -> None:
    assert ingest_articles(article(AGENCY_BANJAR, "buku")).alerts == 0
    term = do_add_term(banjar, kind="instansi", term="Dinas Pendidikan")
    assert term.owner_code == "63.03"
    assert AuditEntry.objects.filter(action="monitor.watch_term_added").exists()
    report = ingest_articles(article(AGENCY_BANJAR.replace("buku", "seragam"), "seragam"))
    assert report.alerts == 1
    alert = Alert.objects.get()
    assert alert.reasons == [
        {"kind": "watchlist", "term": "Dinas Pendidikan", "term_kind": "instansi", "term_id": term.pk}
    ]
    assert alert in alerts_visible_to(banjar)


def test_a_deactivated_watch_term_no_longer_raises_alerts(ingest_articles: Ingest, banjar: User) -> None:
    term = do_add_term(banjar, kind="kata", term="buku pelajaran")
    do_deactivate_term(term, banjar)
    assert ingest_articles(article(AGENCY_BANJAR, "buku")).alerts == 0
    with pytest.raises(WatchlistRefused):
        do_deactivate_term(term, banjar)


def test_a_region_watch_term_must_lie_in_the_supervisors_jurisdiction(banjar: User, tanah_laut: User) -> None:
    with pytest.raises(WatchlistRefused):
        do_add_term(banjar, kind="wilayah", term="", region=Region.objects.get(code="63.01"))
    term = do_add_term(banjar, kind="wilayah", term="", region=Region.objects.get(code="63.03.01"))
    assert term.term  # the region's name by default
    assert list(terms_visible_to(tanah_laut)) == []


def test_dismissing_needs_a_reason_and_is_audited(ingest_articles: Ingest, banjar: User) -> None:
    ingest_articles(article(VIOLATION_BANJAR, "banjar"))
    alert = Alert.objects.get()
    with pytest.raises(AlertRefused):
        do_dismiss(alert, banjar, "  ")
    do_dismiss(alert, banjar, "Berita lama, sudah ditangani")
    alert.refresh_from_db()
    assert (alert.status, alert.handled_by) == (Alert.Status.DISMISSED, banjar)
    assert AuditEntry.objects.filter(action="monitor.alert_dismissed").count() == 1
    with pytest.raises(AlertRefused):
        do_dismiss(alert, banjar, "lagi")


def test_bulk_dismissal_skips_alerts_outside_the_scope(ingest_articles: Ingest, banjar: User) -> None:
    ingest_articles(article(VIOLATION_BANJAR, "banjar"), article(VIOLATION_TANAH_LAUT, "tala"))
    ids = list(Alert.objects.values_list("pk", flat=True))
    assert do_dismiss_many(ids, banjar, "bukan netralitas") == 1
    assert Alert.objects.filter(status=Alert.Status.NEW).get().region_code.startswith("63.01")


def test_opening_as_a_case_attaches_the_story_links_as_evidence(ingest_articles: Ingest, banjar: User) -> None:
    ingest_articles(article(VIOLATION_BANJAR, "banjar"))
    alert = Alert.objects.get()
    new = NewCase(
        intake=Intake.INFORMASI_AWAL,
        election=Election.objects.get(code="pilkada_2024"),
        summary=alert.facts["summary"],
        event_region=Region.objects.get(code=alert.facts["region_code"]),
    )
    case = do_open_as_case(alert, banjar, new)
    alert.refresh_from_db()
    assert (alert.status, alert.case) == (Alert.Status.OPENED, case)
    assert [e.url for e in Evidence.objects.filter(case=case)] == ["https://kabar-banua.example/berita/banjar"]


def test_an_alert_opens_only_as_initial_information_or_a_finding(ingest_articles: Ingest, banjar: User) -> None:
    ingest_articles(article(VIOLATION_BANJAR, "banjar"))
    new = NewCase(
        intake=Intake.LAPORAN,
        election=Election.objects.get(code="pilkada_2024"),
        summary="Laporan",
        event_region=Region.objects.get(code="63.03"),
    )
    with pytest.raises(AlertRefused):
        do_open_as_case(Alert.objects.get(), banjar, new)


def test_search_finds_kampanye_when_asked_for_berkampanye(ingest_articles: Ingest, banjar: User) -> None:
    ingest_articles(article(VIOLATION_BANJAR, "banjar"), article(HARMLESS_BANJAR, "jembatan"))
    found = list(search_items(items_visible_to(banjar), "berkampanye"))
    assert [item.url for item in found] == ["https://kabar-banua.example/berita/banjar"]
    assert [i.url[-9:] for i in search_items(items_visible_to(banjar), "jembatan pasar")] == ["/jembatan"]
    assert list(search_items(items_visible_to(banjar), "jembatan kampanye")) == []


def test_search_never_shows_items_about_another_regency(ingest_articles: Ingest, banjar: User) -> None:
    ingest_articles(article(VIOLATION_TANAH_LAUT, "tala"))
    assert list(search_items(items_visible_to(banjar), "kampanye")) == []


def test_search_treats_query_syntax_as_plain_words(ingest_articles: Ingest, banjar: User) -> None:
    ingest_articles(article(VIOLATION_BANJAR, "banjar"))
    assert len(list(search_items(items_visible_to(banjar), 'kampanye" * (camat) -'))) == 1
