"""What the portal keeps beside a case: the receipt (its Argon2id hash only) and the supervisor's questions.

`Receipt` never holds the code: only `code_hash`, a deterministic Argon2id hash (see `receipt.py` for why
deterministic), unique and indexed so a lookup is one hash plus one index probe. `reporter_ip` stays empty unless
the deployment sets NETRAL_STORE_REPORTER_IP=1.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netral.cases.models import Case


class Receipt(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="portal_receipt")
    code_hash = models.CharField(_("hash kode tanda terima"), max_length=128, unique=True)
    reporter_ip = models.GenericIPAddressField(_("alamat IP pelapor"), null=True, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("tanda terima")
        verbose_name_plural = _("tanda terima")

    def __str__(self) -> str:
        return gettext("tanda terima perkara %(case)s") % {"case": self.case_id}  # never the hash or the code


class Question(models.Model):
    """A question from a supervisor to the reporter, answered through the follow-up page."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="portal_questions")
    text = models.TextField(_("pertanyaan"), max_length=4000)
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(_("ditanyakan"), auto_now_add=True)
    answer = models.TextField(_("jawaban"), max_length=20000, blank=True)
    answered_at = models.DateTimeField(_("dijawab"), null=True, blank=True)

    class Meta:
        verbose_name = _("pertanyaan kepada pelapor")
        verbose_name_plural = _("pertanyaan kepada pelapor")
        ordering = ["asked_at", "pk"]

    def __str__(self) -> str:
        return gettext("pertanyaan %(question)s perkara %(case)s") % {"question": self.pk, "case": self.case_id}
