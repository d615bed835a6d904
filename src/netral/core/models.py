"""Bookkeeping shared by the apps that mirror reference data files into the database."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferenceDataset(models.Model):
    """Which version (checksum) of a reference data file set is loaded, so loading is idempotent."""

    name = models.CharField(_("nama"), max_length=60, unique=True)
    checksum = models.CharField(_("checksum SHA-256"), max_length=64)
    rows = models.PositiveIntegerField(_("jumlah baris"))
    loaded_at = models.DateTimeField(_("dimuat pada"), auto_now=True)

    class Meta:
        verbose_name = _("set data rujukan")
        verbose_name_plural = _("set data rujukan")

    def __str__(self) -> str:
        return f"{self.name} ({self.rows})"


class ScheduleMark(models.Model):
    """When a periodic job last ran, so that several workers start each run once (see `netral.core.scheduler`)."""

    job = models.CharField(max_length=60, primary_key=True)
    last_run = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.job} @ {self.last_run:%Y-%m-%d %H:%M}"


def checksum(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def is_loaded(name: str, digest: str) -> bool:
    return ReferenceDataset.objects.filter(name=name, checksum=digest).exists()


def mark_loaded(name: str, digest: str, rows: int) -> None:
    ReferenceDataset.objects.update_or_create(name=name, defaults={"checksum": digest, "rows": rows})


class RateLimitCounter(models.Model):
    """One fixed-window hit counter of the rate limiter (`netral.core.ratelimit`).

    `scope_key` is a truncated HMAC of the scope and the client key (never a raw address or username);
    `window_start` and `window_end` are whole seconds since the epoch. Rows whose window has ended are pruned.
    """

    scope_key = models.CharField(max_length=32)
    window_start = models.BigIntegerField()
    window_end = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope_key", "window_start"], name="core_ratelimit_window")]
        indexes = [models.Index(fields=["window_end"], name="core_ratelimit_end")]

    def __str__(self) -> str:
        return f"{self.scope_key[:8]}@{self.window_start}: {self.count}"
