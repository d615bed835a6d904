"""`netral createadmin`: a staff administrator, asked interactively or given by options/environment."""

from __future__ import annotations

import argparse
import getpass
import os
import secrets
import sys

from netral.cli import setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--username", default=os.environ.get("NETRAL_ADMIN_USERNAME", ""))
    parser.add_argument("--email", default=os.environ.get("NETRAL_ADMIN_EMAIL", ""))
    parser.add_argument(
        "--generate-password", action="store_true", help="make a strong random password and print it once"
    )
    parser.add_argument(
        "--if-none", action="store_true", help="do nothing when an administrator already exists (for scripts)"
    )


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    user_model = get_user_model()
    if args.if_none and user_model.objects.filter(is_superuser=True).exists():
        print("Administrator sudah ada; tidak ada yang dibuat.")
        return 0
    username = args.username or input("Nama pengguna: ").strip()
    if not username:
        print("Nama pengguna wajib diisi.", file=sys.stderr)
        return 2
    if user_model.objects.filter(username=username).exists():
        print(f"Pengguna '{username}' sudah ada.", file=sys.stderr)
        return 2
    if args.generate_password or (os.environ.get("NETRAL_ADMIN_PASSWORD") is None and not sys.stdin.isatty()):
        password = secrets.token_urlsafe(12)
        shown = True
    else:
        password = os.environ.get("NETRAL_ADMIN_PASSWORD") or getpass.getpass("Kata sandi: ")
        shown = False
    try:
        validate_password(password, user_model(username=username))
    except ValidationError as exc:
        print("Kata sandi ditolak: " + " ".join(exc.messages), file=sys.stderr)
        return 2
    user_model.objects.create_superuser(username=username, email=args.email, password=password)
    print(f"Administrator '{username}' dibuat.")
    if shown:
        print(f"Kata sandi (hanya ditampilkan sekali): {password}")
    return 0
