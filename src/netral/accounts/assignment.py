"""`check_assignment`: which region a role may be given (its *wilayah tugas*, the jurisdiction)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from netral.accounts.roles import role_table
from netral.geo.models import Level, Region

__all__ = ["check_assignment"]


def check_assignment(role: str, region: Region | None) -> None:
    """Raise ValidationError (keyed by field, in Indonesian) unless `region` fits `role`.

    National roles take no region; Bawaslu Provinsi a provinsi; Bawaslu Kabupaten/Kota a kabupaten/kota;
    Panwascam a kecamatan; a PPK officer the provinsi or kabupaten/kota whose government employs the ASN.
    """
    if not role:
        if region is not None:
            raise ValidationError({"jurisdiction": _("Pilih peran dulu: wilayah tugas tanpa peran tidak berlaku.")})
        return
    spec = role_table().roles.get(role)
    if spec is None:
        raise ValidationError({"role": _("Peran “%(role)s” tidak dikenal.") % {"role": role}})
    if spec.is_national:
        if region is not None:
            message = _("Peran %(role)s berlaku nasional; kosongkan wilayah tugas.") % {"role": spec.name}
            raise ValidationError({"jurisdiction": message})
        return
    separator = " " + _("atau") + " "  # outside an f-string, so makemessages finds it
    levels = separator.join(str(Level(level).label) for level in spec.levels)
    if region is None:
        message = _("Peran %(role)s memerlukan wilayah tugas tingkat %(levels)s.")
        raise ValidationError({"jurisdiction": message % {"role": spec.name, "levels": levels}})
    if region.level not in spec.levels:
        message = _("Peran %(role)s memerlukan wilayah tingkat %(levels)s; %(region)s adalah %(level)s.")
        values = {
            "role": spec.name,
            "levels": levels,
            "region": region.display_name,
            "level": region.get_level_display(),
        }
        raise ValidationError({"jurisdiction": message % values})
