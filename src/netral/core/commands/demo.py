"""`netral demo`: make a fresh install usable at once — a first administrator, demo staff in four roles and a
few invented cases at different stages, with every generated login printed.

Generated passwords are also kept in the data folder (mode 0600) so a later `scripts/start` can say where to find
them; change them after the first login. Users that already exist keep their passwords.
"""

from __future__ import annotations

import argparse
import os
import secrets
from pathlib import Path

from netral.cli import setup_django

LOGINS_FILE = "demo-logins.txt"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--username", default="admin", help="the first administrator's user name")
    parser.add_argument("--no-cases", action="store_true", help="create the users but no demonstration cases")


def _remember(path: Path, logins: dict[str, str]) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a") as fh:
        fh.writelines(f"{username} {password}\n" for username, password in logins.items())


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from netral.cases.demo import load_demo_cases

    logins: dict[str, str] = {}
    user_model = get_user_model()
    if not user_model.objects.filter(is_superuser=True).exists():
        logins[args.username] = secrets.token_urlsafe(12)
        user_model.objects.create_superuser(
            username=args.username, email="", password=logins[args.username], full_name="Administrator Netral"
        )
    logins.update(load_demo_cases(with_cases=not args.no_cases))
    from netral.prevention.demo import load_demo_prevention

    load_demo_prevention()
    from netral.monitor.demo import load_demo_monitor

    load_demo_monitor()
    path = settings.DATA_DIR / LOGINS_FILE
    if logins:
        _remember(path, logins)
        print("Akun baru (kata sandi hanya ditampilkan sekali; juga disimpan di " + str(path) + "):")
        for username, password in logins.items():
            print(f"  {username:<16} {password}")
    elif path.exists():
        print(f"Akun demo sudah ada; kata sandi awalnya tersimpan di {path}")
    print("Akun Bawaslu dan Panwascam (melihat identitas pelapor) wajib verifikasi dua langkah: saat pertama masuk,")
    print("pindai kode QR dengan aplikasi autentikator di ponsel (FreeOTP, Aegis, Google Authenticator).")
    return 0
