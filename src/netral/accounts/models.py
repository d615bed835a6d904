"""The custom user model, in place from the first migration so later fields need no swap."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff member: Bawaslu at any level, BKN, PPK/BKPSDM, Kesbangpol, analysts.

    Public reporters have no account: they follow their report with a receipt code.
    """

    full_name = models.CharField(_("nama lengkap"), max_length=200, blank=True)
    agency = models.CharField(_("instansi"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self) -> str:
        return self.full_name or self.username
