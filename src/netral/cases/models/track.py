"""Tracks of a case and what happened on them.

A **track** is one line of handling with its own state (workflow.toml): every case has a `bawaslu` track; the
plenary decision opens child tracks (`asn`, `gakkumdu`, `dkpp`, `internal_tni_polri`, `village`). `due_at` is
the deadline running in the current state (None when none runs), recomputed after every transition from the
case's clock events in the event region's zone. `ppk_region_code` is the government whose PPK (*Pejabat Pembina
Kepegawaian*, the civil servant's employer) or regent the asn/village track is addressed to: PPK officers see a
case only through it.

A **track event** is one line of the timeline: which transition, from → to, who (and in which role), when, and
the cleaned inputs. A **clock event** is a moment the deadlines count from (`report_received`, …); a later mark
replaces the earlier one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.cases.models.case import Case


class Track(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tracks")
    kind = models.CharField(_("jalur"), max_length=30)
    state = models.CharField(_("status"), max_length=40)
    entered_at = models.DateTimeField(_("masuk status"))
    due_at = models.DateTimeField(_("batas waktu"), null=True, blank=True, db_index=True)
    ended = models.BooleanField(_("berakhir"), default=False)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children", verbose_name=_("induk")
    )
    opened_by = models.CharField(_("dibuka oleh tindakan"), max_length=60, blank=True)
    ppk_region_code = models.CharField(_("wilayah PPK"), max_length=13, blank=True, db_index=True)

    class Meta:
        verbose_name = _("jalur")
        verbose_name_plural = _("jalur")
        ordering = ["pk"]
        indexes = [models.Index(fields=["kind", "state"])]

    def __str__(self) -> str:
        return f"{self.case_id}/{self.kind}: {self.state}"


class TrackEvent(models.Model):
    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="events")
    transition = models.CharField(_("tindakan"), max_length=60)
    from_state = models.CharField(_("dari"), max_length=40, blank=True)
    to_state = models.CharField(_("ke"), max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("peran"), max_length=30, blank=True)
    at = models.DateTimeField(_("waktu"))
    inputs = models.JSONField(_("isian"), default=dict, blank=True)
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("riwayat")
        verbose_name_plural = _("riwayat")
        ordering = ["at", "pk"]
        # Sanctions on the dashboards and map are events of a few transitions among hundreds of thousands.
        indexes = [models.Index(fields=["transition", "track"])]

    def __str__(self) -> str:
        return f"{self.track_id}: {self.transition}"


class ClockEvent(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="clock_events")
    code = models.CharField(_("peristiwa"), max_length=40)
    at = models.DateTimeField(_("waktu"))

    class Meta:
        verbose_name = _("peristiwa tenggat")
        verbose_name_plural = _("peristiwa tenggat")
        constraints = [models.UniqueConstraint(fields=["case", "code"], name="unique_clock_event")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.code}"
