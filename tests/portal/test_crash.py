"""SIGKILL during submissions: no half-stored report, no orphan file, no acknowledged report lost.

A real `netral serve` (gunicorn, 2 workers) on a temporary SQLite data folder takes multipart submissions from 8
threads; after the first acknowledgements the whole process group is killed with SIGKILL mid-stream. After a
restart: every submission that got its receipt page back exists whole (case, both evidence rows, files with the
SHA-256 in the rows, the receipt hash); no case lacks evidence; files no row references (written by a request the
kill interrupted before its commit) are only ever fresh leftovers, which `portal_sweep` removes, after which no
unreferenced file remains.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.portal.portal_server import portal_env, start, submit_over_http
from tests.servers import NETRAL, django

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n"

CHECK = """
import json, hashlib
from pathlib import Path
from django.conf import settings
from netral.cases.models import Case, Evidence
from netral.cases import evidence_files
from netral.portal.models import Receipt
from netral.portal.receipt import hash_code
root = Path(settings.MEDIA_ROOT)
cases = []
for case in Case.objects.all():
    ev = [(e.file_path, e.sha256, hashlib.sha256((root / e.file_path).read_bytes()).hexdigest()
           if (root / e.file_path).exists() else None) for e in Evidence.objects.filter(case=case)]
    cases.append({"summary": case.summary, "evidence": ev, "receipt": Receipt.objects.filter(case=case).exists()})
receipts = {r.code_hash for r in Receipt.objects.all()}
codes = json.loads(Path(settings.DATA_DIR, "codes.json").read_text())
found = {c: hash_code(c) in receipts for c in codes}
refs = Evidence.objects.exclude(file_path="").values_list("file_path", flat=True)
orphans = [str(p) for p in evidence_files.orphans(root, refs)]
temps = [str(p) for p in (root / "evidence").glob(".upload-*")] if (root / "evidence").exists() else []
print(json.dumps({"cases": cases, "found": found, "orphans": orphans, "temps": temps}))
"""


def test_sigkill_during_submissions_loses_nothing_acknowledged_and_leaves_nothing_half(tmp_path: Path) -> None:
    env = portal_env(tmp_path, NETRAL_RECEIPT_TIME_COST="1", NETRAL_RECEIPT_MEMORY_KIB="8192")
    subprocess.run([*NETRAL, "migrate"], env=env, check=True, capture_output=True)
    server = start(env, workers=2)
    day = dt.date.today().isoformat()
    acknowledged: dict[str, tuple[str, list[str]]] = {}
    lock = threading.Lock()
    enough = threading.Event()

    def one(i: int) -> None:
        summary = f"Uji kill {i:03d}"
        files = [(f"foto-{i}.png", PNG + i.to_bytes(4, "big") * 40), (f"dok-{i}.pdf", PDF + b"x" * (2000 + i))]
        try:
            code = submit_over_http(server.url, summary, files, day=day, timeout=20)
        except Exception:
            return  # interrupted by the kill: may or may not be stored, but never half
        with lock:
            acknowledged[summary] = (code, [hashlib.sha256(c).hexdigest() for _, c in files])
            if len(acknowledged) >= 8:
                enough.set()

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=8) as pool:
        for i in range(40):
            pool.submit(one, i)
        enough.wait(timeout=45)
        time.sleep(0.15)  # let more requests get mid-flight
        server.kill()  # SIGKILL to the whole process group
    assert len(acknowledged) >= 8, "the server acknowledged too few reports before the kill"
    assert len(acknowledged) < 40, "the kill came after every submission finished: nothing was interrupted"

    (tmp_path / "codes.json").write_text(json.dumps([code for code, _ in acknowledged.values()]))
    restarted = start(env, workers=1)
    try:
        before = json.loads(django(env, CHECK))
        subprocess.run([*NETRAL, "manage", "portal_sweep", "--grace", "0"], env=env, check=True, capture_output=True)
        after = json.loads(django(env, CHECK))
        # the restarted server takes reports again
        code = submit_over_http(restarted.url, "Setelah restart", [("a.png", PNG + b"restart")], day=day)
        assert len(code) == 16
    finally:
        restarted.kill()

    cases = {c["summary"]: c for c in after["cases"]}
    for summary, (code, hashes) in acknowledged.items():
        assert summary in cases, f"acknowledged report {summary} lost"
        assert after["found"][code], "the receipt of an acknowledged report does not open it"
        assert sorted(sha for _, sha, _ in cases[summary]["evidence"]) == sorted(hashes)
    for case in after["cases"]:
        assert case["receipt"], f"case without receipt: {case['summary']}"
        assert len(case["evidence"]) == 2, f"half-stored case: {case['summary']}"
        for path, sha, on_disk in case["evidence"]:
            assert on_disk == sha, f"file {path} missing or altered"
    assert len(before["orphans"]) <= 8, "more leftovers than requests in flight"
    assert after["orphans"] == []
    assert after["temps"] == [], "half-written temporary upload left behind"
    print(
        f"\ncrash test: {len(acknowledged)} acknowledged, {len(after['cases'])} stored whole, "
        f"{len(before['orphans'])} orphan files and {len(before['temps'])} partial uploads swept, "
        f"{time.monotonic() - started:.1f} s"
    )
