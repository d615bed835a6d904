"""`netral demo`: make a fresh install usable at once — a first administrator whose login is printed.

The generated password is also kept in the data folder (mode 0600) so a later `scripts/start` can remind the
user where to find it; change it after the first login.
"""

from __future__ import annotations

import argparse
import os
import secrets

from netral.cli import setup_django

PASSWORD_FILE = "first-admin.txt"  # noqa: S105 - a file name, not a password


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--username", default="admin")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.conf import settings
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    path = settings.DATA_DIR / PASSWORD_FILE
    if not user_model.objects.filter(is_superuser=True).exists():
        password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser(
            username=args.username, email="", password=password, full_name="Administrator Netral"
        )
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(f"{args.username}\n{password}\n")
        print(f"Administrator pertama: {args.username} / {password}")
    elif path.exists():
        username = path.read_text().split()[0]
        print(f"Administrator pertama: {username} (kata sandi awal tersimpan di {path})")
    return 0
