"""Two-factor login for staff: who must use it, enrolment, checking a code, recovery codes, session flags.

Required for every role whose capabilities include "reporter.view" (read from roles.toml, never a list here);
anyone else may enrol. A session is *verified* once its holder passed the second step in this session; the
`TwoFactorMiddleware` keeps an unverified session of such a user away from everything but enrolment or the code
page and logout. Every enrolment, recovery-code renewal and reset writes an audit entry.
"""

from __future__ import annotations

import secrets
import time

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from netral.accounts import secretbox, totp
from netral.accounts.models import RecoveryCode, TOTPDevice, User
from netral.accounts.roles import role_table
from netral.audit.services import Actor, record

__all__ = [
    "RECOVERY_CODE_COUNT",
    "confirm_enrolment",
    "confirmed_device",
    "is_verified",
    "mark_verified",
    "pending_secret",
    "regenerate_recovery_codes",
    "required_for",
    "reset",
    "verify_code",
]

VERIFIED_KEY = "netral.2fa.verified"
RECOVERY_CODE_COUNT = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read from paper


def roles_requiring_two_factor() -> frozenset[str]:
    return frozenset(code for code, spec in role_table().roles.items() if "reporter.view" in spec.capabilities)


def required_for(user: AbstractBaseUser) -> bool:
    return getattr(user, "role", "") in roles_requiring_two_factor()


def confirmed_device(user: AbstractBaseUser) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed_at__isnull=False).first()


def is_verified(session: SessionBase) -> bool:
    return bool(session.get(VERIFIED_KEY))


def mark_verified(session: SessionBase) -> None:
    session[VERIFIED_KEY] = True


# --- Enrolment -------------------------------------------------------------------------------------------------


def pending_secret(user: User) -> str:
    """The secret being enrolled: an unconfirmed device is created once and kept until confirmed."""
    device = TOTPDevice.objects.filter(user=user).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, secret_encrypted=secretbox.encrypt(totp.new_secret()))
    if device.confirmed_at is not None:
        raise ValueError("already enrolled")
    return secretbox.decrypt(device.secret_encrypted)


def confirm_enrolment(user: User, code: str, *, now: float | None = None) -> list[str] | None:
    """Confirm the pending device with a first code; returns the new recovery codes, or None if the code is wrong."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed_at__isnull=True).first()
        if device is None:
            return None
        step = totp.matching_step(secretbox.decrypt(device.secret_encrypted), code, _now(now), device.last_used_step)
        if step is None:
            return None
        device.confirmed_at = timezone.now()
        device.last_used_step = step
        device.save(update_fields=["confirmed_at", "last_used_step"])
        codes = _new_recovery_codes(user)
        record(user, "account.two_factor_enrolled", obj=user)
    return codes


def regenerate_recovery_codes(user: User) -> list[str]:
    with transaction.atomic():
        codes = _new_recovery_codes(user)
        record(user, "account.two_factor_recovery_codes_renewed", obj=user)
    return codes


def reset(user: User, *, by: Actor) -> None:
    """Remove the device and recovery codes (a lost phone); the user enrols again at the next login."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()
        record(by, "account.two_factor_reset", obj=user)


# --- Checking a code -------------------------------------------------------------------------------------------


def verify_code(user: AbstractBaseUser, code: str, *, now: float | None = None) -> bool:
    """A TOTP code from the confirmed device, or an unused recovery code (then used up)."""
    device = confirmed_device(user)
    if device is None:
        return False
    cleaned = code.strip().replace(" ", "")
    if totp.CODE_RE.match(cleaned):
        step = totp.matching_step(secretbox.decrypt(device.secret_encrypted), cleaned, _now(now), device.last_used_step)
        # The conditional update wins once: two requests with the same code cannot both pass.
        return step is not None and bool(
            TOTPDevice.objects.filter(pk=device.pk, last_used_step__lt=step).update(last_used_step=step)
        )
    with transaction.atomic():
        used = RecoveryCode.objects.filter(
            user_id=user.pk, code_hash=_recovery_hash(cleaned), used_at__isnull=True
        ).update(used_at=timezone.now())
        if used:
            left = RecoveryCode.objects.filter(user_id=user.pk, used_at__isnull=True).count()
            record(user, "account.two_factor_recovery_code_used", obj=user, data={"left": left})
    return bool(used)


def unused_recovery_codes(user: AbstractBaseUser) -> int:
    return RecoveryCode.objects.filter(user_id=user.pk, used_at__isnull=True).count()


def _now(now: float | None) -> float:
    return time.time() if now is None else now


def _normalise(code: str) -> str:
    return code.strip().lower().replace("-", "").replace(" ", "")


def _recovery_hash(code: str) -> str:
    # Recovery codes are random (50 bits), so a keyed fast hash suffices; a slow hash is for guessable passwords.
    return salted_hmac("netral.accounts.recovery", _normalise(code)).hexdigest()


def _new_recovery_codes(user: AbstractBaseUser) -> list[str]:
    RecoveryCode.objects.filter(user_id=user.pk).delete()
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    RecoveryCode.objects.bulk_create(RecoveryCode(user_id=user.pk, code_hash=_recovery_hash(c)) for c in codes)
    return codes
