"""The hash chain in plain Python: a pinned hash for a known entry, and every kind of break that verify names."""

from __future__ import annotations

import dataclasses
import datetime as dt

from netral.audit.chain import GENESIS, Link, canonical, compute_hash, verify

WHEN = dt.datetime(2024, 11, 27, 1, 2, 3, 456789, tzinfo=dt.UTC)


def _chain(length: int) -> list[Link]:
    links, prev = [], GENESIS
    for n in range(1, length + 1):
        link = Link(n, WHEN, 7, "pengawas", "case.registered", "cases.case", str(n), "63.03", {"n": n}, prev)
        link = dataclasses.replace(link, hash=compute_hash(link))
        links.append(link)
        prev = link.hash
    return links


def test_a_known_entry_hashes_to_a_pinned_value() -> None:
    # If this changes, every stored chain stops verifying: bump chain.FORMAT and keep the old format readable.
    link = _chain(1)[0]
    assert canonical(link).startswith(b'netral-audit-v1\n{"action":"case.registered","actor_id":7,')
    assert b'"created_at":"2024-11-27T01:02:03.456789Z"' in canonical(link)
    assert compute_hash(link) == "e791fb64b9bf1bdc82fd014adf8dcbadc1d87418708c8328db0f40990f75704e"


def test_the_same_moment_in_another_zone_hashes_the_same() -> None:
    link = _chain(1)[0]
    wita = dt.timezone(dt.timedelta(hours=8))
    assert compute_hash(dataclasses.replace(link, created_at=WHEN.astimezone(wita))) == link.hash


def test_an_intact_chain_verifies_with_its_count_and_head() -> None:
    links = _chain(5)
    report = verify(links)
    assert report.ok and report.count == 5
    assert report.head_sequence == 5 and report.head_hash == links[-1].hash


def test_an_empty_chain_verifies() -> None:
    report = verify([])
    assert report.ok and report.count == 0 and report.head_hash == GENESIS


def test_an_edited_entry_is_named_by_its_hash_mismatch() -> None:
    links = _chain(4)
    links[2] = dataclasses.replace(links[2], data={"n": 99})
    report = verify(links)
    assert report.broken is not None
    assert (report.broken.sequence, report.broken.kind) == (3, "edited")
    assert report.count == 2


def test_a_deleted_entry_shows_as_a_gap() -> None:
    links = _chain(4)
    del links[1]
    report = verify(links)
    assert report.broken is not None
    assert (report.broken.sequence, report.broken.kind) == (2, "missing")
    assert "#2 hilang" in report.broken.message


def test_an_edit_with_a_recomputed_hash_breaks_the_next_link() -> None:
    links = _chain(4)
    forged = dataclasses.replace(links[1], data={"n": 99})
    links[1] = dataclasses.replace(forged, hash=compute_hash(forged))
    report = verify(links)
    assert report.broken is not None
    assert (report.broken.sequence, report.broken.kind) == (3, "relinked")


def test_swapping_two_entries_numbers_breaks_their_hashes() -> None:
    links = _chain(4)
    links[1], links[2] = dataclasses.replace(links[2], sequence=2), dataclasses.replace(links[1], sequence=3)
    report = verify(links)
    assert report.broken is not None
    assert (report.broken.sequence, report.broken.kind) == (2, "edited")


def test_cutting_off_the_newest_entries_is_caught_only_against_a_published_head() -> None:
    links = _chain(5)
    published = links[-1].hash
    assert verify(links[:3]).ok  # without an outside anchor, a shorter chain looks whole
    report = verify(links[:3], published=published)
    assert report.broken is not None and report.broken.kind == "truncated"
    assert verify(links, published=links[2].hash).ok  # a head published earlier stays in a longer chain
