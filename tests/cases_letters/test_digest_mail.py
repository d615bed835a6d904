"""The daily deadline digest: Indonesian subject with counts, overdue first then by due time, each time in its
case's own zone, escaped HTML with a plain-text body, and nothing at all when nothing is due."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from pytest_django.fixtures import SettingsWrapper

from netral.cases.digest_mail import DigestItem, compose_digest

SITE = "https://netral.example.go.id"
UTC = dt.UTC


def item(label: str, *, due: dt.datetime, zone: str = "Asia/Jakarta", overdue: bool = False, **kw: str) -> DigestItem:
    return DigestItem(
        case_label=label,
        case_title=kw.get("title", f"Perkara {label}"),
        track_name=kw.get("track", "Bawaslu"),
        state_name=kw.get("state", "Kajian awal"),
        due_at=due,
        zone=zone,
        url=f"{SITE}/perkara/{label.replace('/', '-')}/",
        overdue=overdue,
    )


@pytest.fixture
def items() -> list[DigestItem]:
    return [
        item("003/LP/PB/Kab/63.03/X/2024", due=dt.datetime(2024, 10, 16, 2, 0, tzinfo=UTC), zone="Asia/Makassar"),
        item("001/Reg/TM/PB/Kab/63.03/X/2024", due=dt.datetime(2024, 10, 14, 9, 0, tzinfo=UTC), overdue=True),
        item("007/Reg/LP/PB/Kab/94.71/X/2024", due=dt.datetime(2024, 10, 15, 23, 0, tzinfo=UTC), zone="Asia/Jayapura"),
        item(
            "002/Reg/LP/PB/Kab/62.02/X/2024",
            due=dt.datetime(2024, 10, 13, 16, 59, tzinfo=UTC),
            zone="Asia/Jakarta",
            overdue=True,
        ),
        item("004/LP/PB/Kota/63.71/X/2024", due=dt.datetime(2024, 10, 15, 3, 0, tzinfo=UTC), zone="Asia/Makassar"),
    ]


def compose(items: list[DigestItem]) -> mail.EmailMultiAlternatives:
    return compose_digest("Nur Hidayati", "nur@example.go.id", items, site_url=SITE, today=dt.date(2024, 10, 15))


def html_of(message: mail.EmailMultiAlternatives) -> str:
    [(content, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return str(content)


def test_the_subject_counts_overdue_and_upcoming_deadlines(items: list[DigestItem]) -> None:
    assert compose(items).subject == "[Netral] 2 tenggat terlewat, 3 segera jatuh tempo"
    assert compose([i for i in items if i.overdue]).subject == "[Netral] 2 tenggat terlewat"
    assert compose([i for i in items if not i.overdue][:1]).subject == "[Netral] 1 segera jatuh tempo"


def test_overdue_cases_come_first_then_the_rest_by_due_time(items: list[DigestItem]) -> None:
    message = compose(items)
    expected = [
        "002/Reg/LP/PB/Kab/62.02/X/2024",  # overdue, earliest
        "001/Reg/TM/PB/Kab/63.03/X/2024",  # overdue
        "004/LP/PB/Kota/63.71/X/2024",  # 15 Oct 03:00 UTC
        "007/Reg/LP/PB/Kab/94.71/X/2024",  # 15 Oct 23:00 UTC (already the 16th in Jayapura)
        "003/LP/PB/Kab/63.03/X/2024",  # 16 Oct 02:00 UTC
    ]
    for body in (message.body, html_of(message)):
        positions = [body.index(label) for label in expected]
        assert positions == sorted(positions)


def test_each_time_is_shown_in_its_cases_zone_with_its_label(items: list[DigestItem]) -> None:
    message = compose(items)
    for body in (message.body, html_of(message)):
        assert "Minggu, 13 Oktober 2024, pukul 23.59 WIB" in body
        assert "Selasa, 15 Oktober 2024, pukul 11.00 WITA" in body
        assert "Rabu, 16 Oktober 2024, pukul 08.00 WIT" in body
        assert "Rabu, 16 Oktober 2024, pukul 10.00 WITA" in body


def test_every_case_has_its_link_and_the_footer_says_why(items: list[DigestItem]) -> None:
    message = compose(items)
    html = html_of(message)
    for i in items:
        assert i.url in message.body
        assert f'href="{i.url}"' in html
    assert "Anda menerima surel ini karena menangani perkara" in message.body
    assert "Anda menerima surel ini karena menangani perkara" in html
    assert "per 15 Oktober 2024" in message.body


def test_what_users_typed_is_escaped_in_html_and_kept_plain_in_text() -> None:
    hostile = item(
        "005/LP/PB/Kab/63.03/X/2024",
        due=dt.datetime(2024, 10, 16, 2, 0, tzinfo=UTC),
        title='Camat <script>alert("x")</script> & kawan',
    )
    message = compose([hostile])
    html = html_of(message)
    assert "<script>" not in html
    assert "Camat &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; kawan" in html
    assert 'Camat <script>alert("x")</script> & kawan' in message.body


def test_an_empty_digest_is_refused_so_nothing_is_sent() -> None:
    with pytest.raises(ValueError, match="at least one item"):
        compose([])


def test_a_naive_due_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        compose([item("006/LP/PB/Kab/63.03/X/2024", due=dt.datetime(2024, 10, 16, 9, 0))])


def test_the_digest_is_sent_with_a_plain_text_body_and_an_html_alternative(
    items: list[DigestItem], settings: SettingsWrapper
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.DEFAULT_FROM_EMAIL = "Netral <netral@example.go.id>"
    assert compose(items).send() == 1
    [sent] = mail.outbox
    assert sent.to == ["Nur Hidayati <nur@example.go.id>"]
    assert sent.from_email == "Netral <netral@example.go.id>"
    raw = sent.message().as_string()
    assert "multipart/alternative" in raw
    assert "text/plain" in raw and "text/html" in raw
    assert sent.subject == "[Netral] 2 tenggat terlewat, 3 segera jatuh tempo"
