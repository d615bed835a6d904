"""`netral serve`: the web app (gunicorn) and the task worker together, for the embedded default.

The worker runs in this process; gunicorn runs as a child that this process supervises: when either stops,
both stop. Production runs them separately (README "Production").
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading

from netral.cli import setup_django
from netral.core.commands.worker import run_worker


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default=os.environ.get("NETRAL_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("NETRAL_PORT", "8000")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("NETRAL_WEB_WORKERS", "2")))
    parser.add_argument("--no-worker", action="store_true", help="serve the web app only")


def _watch(web: subprocess.Popen[bytes]) -> None:
    """When the web server exits (e.g. the port is taken), stop the worker too."""
    web.wait()
    os.kill(os.getpid(), signal.SIGTERM)


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from netral.core.scheduler import start_in_thread

    call_command("collectstatic", interactive=False, verbosity=0)
    # Evidence files of submissions cut off by a crash (written before their commit) are swept before serving.
    call_command("portal_sweep", grace=60, verbosity=0)
    command = [
        sys.executable, "-m", "gunicorn", "netral.wsgi",
        "--bind", f"{args.host}:{args.port}",
        "--workers", str(args.workers), "--threads", "4",
        "--access-logfile", "-", "--graceful-timeout", "10",
    ]  # fmt: skip
    web = subprocess.Popen(command)  # noqa: S603 - fixed argument list, no shell
    host = "localhost" if args.host in ("127.0.0.1", "0.0.0.0") else args.host  # noqa: S104
    print(f"\nNetral berjalan di http://{host}:{args.port}/  (basis data: {settings.DATABASES['default']['ENGINE']})")
    print(f"Halaman admin: http://{host}:{args.port}/admin/")
    print("Tekan Ctrl+C untuk berhenti.\n", flush=True)
    try:
        if args.no_worker:
            return web.wait()
        threading.Thread(target=_watch, args=(web,), daemon=True).start()
        start_in_thread()
        run_worker("*", 1.0, None)
    finally:
        if web.poll() is None:
            web.terminate()
            web.wait(timeout=15)
    return web.returncode or 0
