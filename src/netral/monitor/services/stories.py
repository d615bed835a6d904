"""Grouping items into stories: the same text, or a near-duplicate by MinHash/LSH confirmed by `dedup.same_story`.

Candidates come from two places: items stored earlier (their LSH band keys in `ItemBand`) and the items of the
batch in hand (an in-memory `BandIndex`). Each batch costs three queries, not one per item.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import cast
from urllib.parse import urlsplit

from netral.monitor import dedup
from netral.monitor.models import Item, ItemBand, Story
from netral.monitor.prepare import Prepared


@dataclass(slots=True)
class _Known:
    """An item a new one may join: its story, signature and text."""

    story: Story
    signature: dedup.Signature
    text: str


@dataclass
class StoryGrouper:
    """Places the prepared items of one batch into stories; `save()` writes the new and changed stories."""

    now: dt.datetime
    _index: dedup.BandIndex = field(default_factory=dedup.BandIndex)
    _batch: list[_Known] = field(default_factory=list)
    _by_hash: dict[str, Story] = field(default_factory=dict)
    _stored_by_band: dict[int, list[int]] = field(default_factory=dict)
    _stored: dict[int, _Known] = field(default_factory=dict)
    _new: list[Story] = field(default_factory=list)
    _joined: dict[int, Story] = field(default_factory=dict)
    _touched: dict[int, tuple[Story, list[Prepared]]] = field(default_factory=dict)

    def load(self, prepared: list[Prepared]) -> None:
        """Fetch, in three queries, the stored items that share a content hash or a band key with the batch."""
        hashes = {p.content_hash for p in prepared}
        keys = {key for p in prepared for key in p.bands}
        exact = Item.objects.filter(content_hash__in=hashes).select_related("story").order_by("pk")
        for item in exact:
            self._by_hash.setdefault(item.content_hash, item.story)
        by_band: dict[int, list[int]] = defaultdict(list)
        for key, item_id in ItemBand.objects.filter(key__in=keys).values_list("key", "item_id"):
            by_band[key].append(item_id)
        self._stored_by_band = by_band
        ids = {i for ids in by_band.values() for i in ids}
        for item in Item.objects.filter(pk__in=ids).select_related("story").only("signature", "text", "story"):
            self._stored[item.pk] = _Known(item.story, dedup.signature_from_bytes(bytes(item.signature)), item.text)

    def _best(self, p: Prepared, signature: dedup.Signature) -> Story | None:
        candidates = [
            self._stored[i] for key in p.bands for i in self._stored_by_band.get(key, ()) if i in self._stored
        ]
        candidates += [self._batch[cast(int, i)] for i in self._index.candidates(signature)]
        best: tuple[float, Story] | None = None
        for known in {id(k): k for k in candidates}.values():
            score = dedup.estimate(signature, known.signature)
            if (best is None or score > best[0]) and dedup.same_story(
                p.raw.text, known.text, signature, known.signature
            ):
                best = (score, known.story)
        return best[1] if best else None

    def place(self, p: Prepared, region_code: str) -> Story:
        """The story the item belongs to; a new (unsaved) one when it matches nothing."""
        signature = dedup.signature_from_bytes(p.signature)
        story = self._by_hash.get(p.content_hash) or self._best(p, signature)
        if story is None:
            story = Story(
                title=(p.raw.title or p.raw.text.strip().split("\n", 1)[0])[:500],
                first_seen=self.now,
                last_seen=self.now,
                first_published=p.raw.published,
                item_count=0,
                outlets=[],
                region_id=region_code or None,
                region_code=region_code,  # bulk_create skips Story.save(), which would copy it
            )
            self._new.append(story)
        elif story.pk and story.pk not in self._joined:
            self._joined[story.pk] = story
        self._grow(story, p, region_code)
        self._by_hash.setdefault(p.content_hash, story)
        self._index.add_keys(len(self._batch), p.bands)
        self._batch.append(_Known(story, signature, p.raw.text))
        self._touched.setdefault(id(story), (story, []))[1].append(p)
        return story

    def _grow(self, story: Story, p: Prepared, region_code: str) -> None:
        story.item_count += 1
        story.last_seen = self.now
        outlet = p.raw.outlet or urlsplit(p.url).hostname or ""
        if outlet and outlet not in story.outlets:
            story.outlets = [*story.outlets, outlet]
        published = p.raw.published
        if published and (story.first_published is None or published < story.first_published):
            story.first_published = published
        if not story.region_id and region_code:
            story.region_id = story.region_code = region_code

    def save(self) -> None:
        Story.objects.bulk_create(self._new)
        for story in self._joined.values():
            story.save(update_fields=["item_count", "last_seen", "outlets", "first_published", "region", "region_code"])

    def counts(self) -> tuple[int, int]:
        """(new stories, stored stories that gained items)."""
        return len(self._new), len(self._joined)

    def touched(self) -> list[tuple[Story, list[Prepared]]]:
        """Every story that gained items in this batch, with those items."""
        return list(self._touched.values())
