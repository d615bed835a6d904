"""Password rules beyond Django's (length ≥ 12, not common, not all digits, not like the user's name).

Following NIST SP 800-63B: no composition rules (they make passwords predictable), but refuse words an attacker
of *this* system tries first — the application's and institutions' names, the election — and the username.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CONTEXT_WORDS = ("netral", "bawaslu", "panwaslu", "panwascam", "pemilu", "pilkada", "kemendagri", "bkn", "asn")


class ContextWordsValidator:
    """Refuses a password that is mostly a context word or the username with a few digits or symbols around it."""

    def validate(self, password: str, user: Any = None) -> None:
        letters = re.sub(r"[^a-z]", "", password.lower())
        words = [*CONTEXT_WORDS]
        if user is not None and (username := getattr(user, "username", "")):
            words.append(re.sub(r"[^a-z]", "", username.lower()))
        remaining = letters
        for word in filter(None, words):
            remaining = remaining.replace(word, "")
        if remaining != letters and len(remaining) < 6:
            raise ValidationError(
                _("Kata sandi terlalu mudah ditebak: jangan hanya memakai nama aplikasi, lembaga atau pengguna."),
                code="password_context_word",
            )

    def get_help_text(self) -> str:
        return _("Kata sandi tidak boleh hanya berupa nama aplikasi, lembaga, pemilu atau nama pengguna.")
