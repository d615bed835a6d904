"""Demonstration data for prevention: an invented agency with a pledge campaign and a few pledges, an upcoming
socialisation event and a circular. Called by `netral demo` after the demo users exist; runs once.

Names and numbers are invented: the NIPs are structurally valid but belong to nobody.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from netral.accounts.models import User
from netral.geo.models import Region
from netral.prevention.models import Agency
from netral.prevention.services.campaigns import (
    AgencyInput,
    PledgeInput,
    do_create_agency,
    do_create_campaign,
    do_sign_pledge,
)
from netral.prevention.services.events import CircularInput, EventInput, do_save_circular, do_save_event
from netral.rules.models import Election, ViolationType

__all__ = ["DEMO_AGENCY", "load_demo_prevention"]

DEMO_AGENCY = "Dinas Contoh Kabupaten Banjar (demo)"
DEMO_PLEDGES = (
    ("Pegawai Contoh Satu", "198503122010011002", "Analis Kepegawaian", "Bidang Contoh"),
    ("Pegawai Contoh Dua", "199001152015032001", "Pengelola Data", "Sekretariat Contoh"),
    ("Pegawai Contoh Tiga", "198807072023212004", "Penata Layanan", "Bidang Contoh"),  # an NI PPPK
)


def load_demo_prevention(manager_username: str = "bawaslu.banjar") -> bool:
    """Create the demo records once; returns False when they exist already or the demo manager is missing."""
    manager = User.objects.filter(username=manager_username).first()
    if manager is None or Agency.objects.filter(name=DEMO_AGENCY).exists():
        return False
    banjar = Region.objects.get(code="63.03")
    election = Election.objects.order_by("-voting_day").first()
    with transaction.atomic():
        agency = do_create_agency(
            manager,
            AgencyInput(
                name=DEMO_AGENCY,
                kind="pemerintah_kabupaten_kota",
                region=banjar,
                headcount=40,
                contact_name="Narahubung Contoh",
                contact_email="kepegawaian@contoh.invalid",
            ),
        )
        if election is not None:
            campaign = do_create_campaign(manager, agency, election)
            for name, nip, position, unit in DEMO_PLEDGES:
                do_sign_pledge(campaign, PledgeInput(full_name=name, nip=nip, position=position, unit=unit))
        starts = (timezone.now() + dt.timedelta(days=7)).replace(hour=1, minute=0, second=0, microsecond=0)
        do_save_event(
            manager,
            EventInput(
                title="Sosialisasi netralitas ASN (demo)",
                kind="sosialisasi",
                region=banjar,
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=3),
                place="Aula kantor contoh",
                organiser="Bawaslu Kabupaten Banjar",
                speakers="Narasumber Contoh — Anggota Bawaslu Kabupaten",
                audience="asn",
                audience_count=120,
                election=election,
            ),
        )
        circular = CircularInput(
            kind="surat_edaran",
            number="SE-001/CONTOH/2026",
            date=timezone.localdate(),
            issuer="Bupati Contoh (demo)",
            subject="Menjaga netralitas ASN selama tahapan pemilihan (contoh)",
            addressees="Kepala perangkat daerah di lingkungan pemerintah kabupaten (contoh)",
            region=banjar,
            summary="Surat contoh untuk demonstrasi: larangan ikut kampanye dan memakai fasilitas dinas.",
            election=election,
            violation_types=list(ViolationType.objects.order_by("position")[:2]),
        )
        do_save_circular(manager, circular)
    return True
