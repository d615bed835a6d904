"""`netral manage portal_sweep`: remove evidence files no row refers to (left by a crash before the commit)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from netral.portal.services import sweep_orphans


class Command(BaseCommand):
    help = "Hapus berkas bukti yatim (tanpa baris di basis data), misalnya sisa server yang mati saat menyimpan."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--grace", type=float, default=3600, help="keep files younger than this (seconds)")

    def handle(self, *args: Any, **options: Any) -> None:
        removed = sweep_orphans(grace_seconds=options["grace"])
        self.stdout.write(f"{len(removed)} berkas yatim dihapus")
