"""Fact tables: the case figures the dashboards group, one narrow row per counted case and one per step taken.

Aggregating the case tables themselves reads every case, SKB type, track and event once per breakdown (and sorts
every event of a track to measure its steps). These rows hold what the dashboards group by, already joined and
measured, so a dashboard reads one narrow table instead of five wide ones. They are derived data: written by
`netral.insights.facts.refresh_case_facts` in the same transaction as the case services that change a case, and
rebuilt from the case tables by `netral facts --rebuild`. A case merged into another has no row (it counts
nowhere).

Lists inside a row (SKB types, subject types, tracks) are written " A B C " — sorted, space-separated, with a
space on both sides — so "has type D9" is `LIKE '% D9 %'` and the rows group by the whole list. The codes come
from the data files (rules catalogue, workflow, subject types) and never contain a space or a colon (tested).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.cases.models import Case


class CaseFact(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, primary_key=True, related_name="+")
    region_code = models.CharField(max_length=13, db_index=True)  # Case.event_region_code
    election = models.CharField(max_length=40)  # the election's code
    intake = models.CharField(max_length=20)
    closed = models.BooleanField()
    received_on = models.DateField()  # the day received, in settings.TIME_ZONE (the dashboards' date filters)
    received_week = models.DateField()  # the Monday of that week, in settings.TIME_ZONE
    sanctions = models.PositiveIntegerField()  # track events of the case that recorded a sanction
    violations = models.TextField()  # its SKB types: " D9 E1 "
    subjects = models.TextField()  # the subject types of its reported persons: " asn village "
    # Its tracks that ended or are on the bawaslu track, as kind:state:ended (1 or 0), with repeats:
    # " asn:sanksi_dijatuhkan:1 bawaslu:diteruskan:0 " (stages and outcomes).
    tracks = models.TextField()

    class Meta:
        verbose_name = _("fakta perkara")
        verbose_name_plural = _("fakta perkara")

    def __str__(self) -> str:
        return f"fakta perkara {self.case_id}"


class StepFact(models.Model):
    """A step taken on a track of a counted case: the time spent in the state it left (from the event that
    entered that state to this one, on the same track). The first event of a track only opens it: no row."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")  # the same id as its CaseFact row
    region_code = models.CharField(max_length=13, db_index=True)  # the case's, so a region needs no join
    kind = models.CharField(max_length=30)  # the track's kind
    state = models.CharField(max_length=40)  # the state left
    regime = models.CharField(max_length=10)  # the case's regime (deadlines differ)
    spent_us = models.BigIntegerField()  # microseconds in the state

    class Meta:
        verbose_name = _("fakta langkah")
        verbose_name_plural = _("fakta langkah")

    def __str__(self) -> str:
        return f"langkah {self.kind}:{self.state} perkara {self.case_id}"
