"""Throughput of the Indonesian text pipeline (`netral.text.analyze`) beside a spaCy peer.

Three measurements, printed as a table and written to `bench/out/text_throughput.json`:

1. in-process, one core (the process is pinned to one CPU): `analyze()` over `--docs` recombined articles
   (default 10,000) → documents/s, MB/s; memory: tracemalloc peak while analysing (results discarded), the
   cold start (import + first call) of a fresh process with its tracemalloc peak and max RSS, and this
   process's max RSS;
2. in-process, one core: the spaCy peer (`bench/spacy_peer.py`: blank "id" + EntityRuler over the same
   gazetteers) over the same documents, and the ratio;
3. whole process over `--whole-process-docs` generated `.txt` files (default 2,000, ~8 MB):
   `netral analyze --format jsonl DIR > /dev/null` and `python bench/spacy_peer.py DIR > /dev/null`, one warm-up
   run each (whose output is checked: one line per document) then best of `--repeat` runs; wall seconds,
   documents/s, documents/s per core of the machine, CPU seconds, max RSS, and the goals from the issue:
   `netral analyze` ≥ 3× the peer and ≥ 400 documents/s/core.

    .venv/bin/python bench/text_throughput.py                       # the full run, about 3 minutes
    .venv/bin/python bench/text_throughput.py --docs 2000 --skip-spacy
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import corpus

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
VENV_BIN = Path(sys.executable).parent
SUMMARY = corpus.OUT_DIR / "text_throughput.json"
GNU_TIME = shutil.which("time", path="/usr/bin:/bin")  # GNU time, for the max RSS of whole-process runs

#: From the issue: the peer as a whole process over 2,000 recombined articles (~8 MB) took about 7.4 s here.
ISSUE_PEER_SECONDS = 7.4
ISSUE_PEER_DOCS = 2000
GOAL_SPEEDUP = 3.0
GOAL_DOCS_PER_S_PER_CORE = 400.0
LOAD_WARNING = 0.5  # 1-minute load average (beyond our own) above which other work skews the figures

#: Run in a fresh interpreter: cold start of the pipeline (import + first call) and the memory it takes.
#: VmHWM, not ru_maxrss: ru_maxrss would include the RSS of the (big) benchmark process it was forked from.
COLD_START = """
import json, re, sys, time
t0 = time.perf_counter()
from netral.text import analyze
analyze(sys.argv[1])
seconds = time.perf_counter() - t0
hwm = int(re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read()).group(1)) * 1024
print(json.dumps({"seconds": seconds, "vmhwm": hwm}))
"""
COLD_START_TRACED = """
import json, sys, tracemalloc
tracemalloc.start()
from netral.text import analyze
analyze(sys.argv[1])
current, peak = tracemalloc.get_traced_memory()
print(json.dumps({"traced_current": current, "traced_peak": peak}))
"""


def load_note(summary: dict[str, Any], when: str, ours: float = 0.0) -> str:
    """The 1-minute load average, recorded in the summary; other work on the machine skews every figure.

    `ours` is what this benchmark itself adds to the load at that point (one busy process: ~1).
    """
    load = os.getloadavg()[0]
    summary.setdefault("load_average_1min", {})[when] = round(load, 2)
    busy = "  ← other work is running: figures are pessimistic" if load > LOAD_WARNING + ours else ""
    return f"Load average (1 min) {when}: {load:.2f}{busy}"


def mb(n_bytes: float) -> float:
    return n_bytes / 1e6


def maxrss_self() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def cpus() -> set[int]:
    return os.sched_getaffinity(0)


def python_last_line(code: str, arg: str) -> str | None:
    """Run `code` in a fresh interpreter of this venv; its last line of output, or None if it failed."""
    # Our own fixed code and a generated document as its argument, no shell: nothing untrusted runs.
    proc = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code, arg], capture_output=True, text=True, check=False, cwd=ROOT
    )
    if proc.returncode != 0:
        print(f"  (fresh-process probe failed: {proc.stderr.strip().splitlines()[-1:]})", file=sys.stderr)
        return None
    return proc.stdout.strip().splitlines()[-1]


def timed_loop(fn: Callable[[str], Any], texts: Sequence[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) for fn over all texts, garbage collector left on as in production."""
    gc.collect()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for text in texts:
        fn(text)
    return time.perf_counter() - wall0, time.process_time() - cpu0


# -- 1. netral in-process --------------------------------------------------------------------------------------


def bench_netral(texts: Sequence[str], n_bytes: int, trace_docs: int) -> dict[str, Any]:
    result: dict[str, Any] = {}
    probe = texts[0]
    cold = python_last_line(COLD_START, probe)
    if cold is not None:
        info = json.loads(cold)
        result["cold_start_seconds"] = info["seconds"]
        result["cold_start_vmhwm_bytes"] = info["vmhwm"]
    traced = python_last_line(COLD_START_TRACED, probe)
    if traced is not None:
        info = json.loads(traced)
        result["cold_start_traced_peak_bytes"] = info["traced_peak"]
        result["cold_start_traced_retained_bytes"] = info["traced_current"]

    from netral.text import analyze

    analyze(probe)  # loads gazetteers and compiles patterns outside the timed loop
    wall, cpu = timed_loop(analyze, texts)
    result.update(
        docs=len(texts),
        bytes=n_bytes,
        seconds=wall,
        cpu_seconds=cpu,
        docs_per_s=len(texts) / wall,
        mb_per_s=mb(n_bytes) / wall,
        ms_per_doc=1000 * wall / len(texts),
    )

    # Serialisation as the CLI does it (to_dict + json), timed apart from the analysis.
    sample = texts[: min(len(texts), 2000)]
    analyses = [analyze(t) for t in sample]
    t0 = time.perf_counter()
    for a in analyses:
        json.dumps(a.to_dict(), ensure_ascii=False)
    result["serialise_ms_per_doc"] = 1000 * (time.perf_counter() - t0) / len(sample)
    del analyses

    # Working memory of the analysis: tracemalloc peak above what is held before, results discarded.
    gc.collect()
    tracemalloc.start()
    base, _ = tracemalloc.get_traced_memory()
    for text in texts[:trace_docs]:
        analyze(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    result["traced_docs"] = min(trace_docs, len(texts))
    result["traced_peak_bytes"] = peak - base
    result["maxrss_bytes"] = maxrss_self()
    return result


# -- 2. spaCy peer in-process ----------------------------------------------------------------------------------


def bench_peer(texts: Sequence[str], n_bytes: int) -> dict[str, Any]:
    from spacy.about import __version__ as spacy_version

    import spacy_peer

    t0 = time.perf_counter()
    nlp = spacy_peer.build_nlp()
    build = time.perf_counter() - t0
    nlp(texts[0])
    gc.collect()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    found = 0
    for doc in nlp.pipe(texts, batch_size=64):  # analysis only, like the netral loop (no conversion to dicts)
        found += len(doc.ents)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return {
        "spacy_version": spacy_version,
        "build_seconds": build,
        "docs": len(texts),
        "seconds": wall,
        "cpu_seconds": cpu,
        "docs_per_s": len(texts) / wall,
        "mb_per_s": mb(n_bytes) / wall,
        "ms_per_doc": 1000 * wall / len(texts),
        "entities": found,
        "maxrss_bytes_after": maxrss_self(),
    }


# -- 3. whole process ------------------------------------------------------------------------------------------


def run_once(cmd: Sequence[str], stdout: Any) -> dict[str, Any]:
    """Wall seconds, CPU seconds (user + sys, the process and its reaped workers) and max RSS of one run.

    The max RSS comes from GNU time (`/usr/bin/time -f %M`) when it is installed: a child forked from this big
    process inherits this process's RSS high-water mark across exec, so our own wait4 figure would be this
    process's size, not the command's. GNU time is small, so the command it forks reports its own peak.
    """
    with tempfile.TemporaryFile() as stderr, tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        full = [GNU_TIME, "-f", "%M", "-o", timing.name, *cmd] if GNU_TIME else list(cmd)
        t0 = time.perf_counter()
        # stderr to a file, not a pipe, so a chatty child cannot block; our fixed commands only.
        proc = subprocess.Popen(full, stdout=stdout, stderr=stderr, cwd=ROOT)  # noqa: S603
        _, status, usage = os.wait4(proc.pid, 0)  # Linux: RUSAGE_BOTH of the child, its reaped workers included
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            stderr.seek(0)
            err = stderr.read().decode(errors="replace")
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{err[-2000:]}")
        lines = timing.read().split()
    maxrss = int(lines[-1]) * 1024 if GNU_TIME and lines and lines[-1].isdigit() else None
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_bytes": maxrss}


def bench_whole(name: str, cmd: Sequence[str], n_docs: int, repeat: int, check_file: Path) -> dict[str, Any]:
    with check_file.open("w") as fh:
        warm = run_once(cmd, fh)
    lines = sum(1 for line in check_file.open(encoding="utf-8") if line.strip())
    runs = []
    with open(os.devnull, "w") as devnull:
        for _ in range(repeat):
            runs.append(run_once(cmd, devnull))
    best = min(runs, key=lambda r: r["wall"])
    n_cpu = len(cpus())
    return {
        "name": name,
        "command": " ".join(str(c) for c in cmd) + " > /dev/null",
        "docs": n_docs,
        "output_lines": lines,
        "warmup_seconds": warm["wall"],
        "runs_seconds": [r["wall"] for r in runs],
        "seconds": best["wall"],
        "cpu_seconds": best["cpu"],
        "cores_busy": best["cpu"] / best["wall"],
        "maxrss_bytes": max((r["maxrss_bytes"] for r in runs if r["maxrss_bytes"]), default=None),
        "docs_per_s": n_docs / best["wall"],
        "docs_per_s_per_core": n_docs / best["wall"] / n_cpu,
        # Less sensitive to other work on the machine than wall time: what one fully available core would do.
        "docs_per_cpu_s": n_docs / best["cpu"] if best["cpu"] else None,
    }


# -- report ----------------------------------------------------------------------------------------------------


def fmt_mb(n_bytes: float | None) -> str:
    return "n/a" if n_bytes is None else f"{n_bytes / 2**20:.1f} MiB"


def row(label: str, *values: str) -> None:
    print(f"  {label:<50}" + "".join(f"{v:>16}" for v in values))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="netral.text throughput beside a spaCy peer")
    parser.add_argument("--docs", type=int, default=10_000, help="in-process documents (default 10000)")
    parser.add_argument("--whole-process-docs", type=int, default=2000, help="files for the whole-process runs")
    parser.add_argument("--repeat", type=int, default=3, help="timed whole-process runs each (best is kept)")
    parser.add_argument("--trace-docs", type=int, default=1000, help="documents analysed under tracemalloc")
    parser.add_argument("--skip-spacy", action="store_true", help="do not run the spaCy peer")
    parser.add_argument("--skip-whole-process", action="store_true")
    parser.add_argument("--seed", type=int, default=corpus.SEED)
    parser.add_argument("--json", type=Path, default=SUMMARY, help=f"summary file (default {SUMMARY})")
    args = parser.parse_args(argv)

    all_cpus = cpus()
    summary: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": len(all_cpus),
        "seed": args.seed,
    }

    texts = corpus.build(args.docs, seed=args.seed)
    n_bytes = sum(len(t.encode()) for t in texts)
    summary["corpus"] = {"docs": len(texts), "bytes": n_bytes, "mean_bytes": n_bytes / len(texts)}
    print(f"Corpus: {len(texts):,} recombined articles, {mb(n_bytes):.2f} MB (mean {n_bytes / len(texts):,.0f} B)")
    print(f"Machine: {len(all_cpus)} CPUs, Python {platform.python_version()}")
    print(load_note(summary, "at start") + "\n")

    # 1 and 2 run pinned to one CPU; children spawned later get all CPUs back.
    os.sched_setaffinity(0, {min(all_cpus)})
    try:
        netral = bench_netral(texts, n_bytes, args.trace_docs)
        peer = None if args.skip_spacy else bench_peer(texts, n_bytes)
    finally:
        os.sched_setaffinity(0, all_cpus)
    summary["in_process"] = {"netral": netral, "spacy_peer": peer}

    print("In-process, one core (this process pinned to one CPU):")
    row("", "netral.text", "spaCy peer")
    row("documents", f"{netral['docs']:,}", f"{peer['docs']:,}" if peer else "skipped")
    row("seconds", f"{netral['seconds']:.2f}", f"{peer['seconds']:.2f}" if peer else "")
    row("documents/s", f"{netral['docs_per_s']:.0f}", f"{peer['docs_per_s']:.0f}" if peer else "")
    row("MB/s", f"{netral['mb_per_s']:.2f}", f"{peer['mb_per_s']:.2f}" if peer else "")
    row("ms/document", f"{netral['ms_per_doc']:.2f}", f"{peer['ms_per_doc']:.2f}" if peer else "")
    row("to_dict + json.dumps, ms/document", f"{netral['serialise_ms_per_doc']:.3f}")
    row(
        f"tracemalloc peak while analysing ({netral['traced_docs']} docs)",
        fmt_mb(netral["traced_peak_bytes"]),
    )
    row("cold start: import + first call, s", f"{netral.get('cold_start_seconds', float('nan')):.2f}")
    row("cold start: tracemalloc peak", fmt_mb(netral.get("cold_start_traced_peak_bytes")))
    row("cold start: tracemalloc retained after first call", fmt_mb(netral.get("cold_start_traced_retained_bytes")))
    row("cold start: peak RSS of that process (VmHWM)", fmt_mb(netral.get("cold_start_vmhwm_bytes")))
    row("max RSS of this process (corpus held, no spaCy)", fmt_mb(netral["maxrss_bytes"]))
    if peer:
        row("peer: build (patterns) s", "", f"{peer['build_seconds']:.2f}")
        ratio = netral["docs_per_s"] / peer["docs_per_s"]
        summary["in_process"]["ratio"] = ratio
        row("ratio netral / peer (documents/s)", f"{ratio:.2f}x")
    print()

    if not args.skip_whole_process:
        n = args.whole_process_docs
        directory = corpus.write_corpus(n, seed=args.seed)
        size = sum(f.stat().st_size for f in directory.glob("*.txt"))
        print(f"Whole process over {n:,} files ({mb(size):.2f} MB) in {directory.relative_to(ROOT)}:")
        print(f"  one warm-up run each (output checked), then best of {args.repeat}; {len(all_cpus)} CPUs")
        print("  " + load_note(summary, "before the whole-process runs", ours=1.0))
        tools = [("netral", [str(VENV_BIN / "netral"), "analyze", "--format", "jsonl", str(directory)])]
        if not args.skip_spacy:
            tools.append(("spaCy peer", [sys.executable, str(BENCH_DIR / "spacy_peer.py"), str(directory)]))
        whole = {}
        with tempfile.TemporaryDirectory(dir=corpus.OUT_DIR) as tmp:
            for name, cmd in tools:
                whole[name] = bench_whole(name, cmd, n, args.repeat, Path(tmp) / "out.jsonl")
        summary["whole_process"] = whole
        row("", *whole)
        for label, key, spec in [
            ("wall seconds (best)", "seconds", "{:.2f}"),
            ("documents/s", "docs_per_s", "{:.0f}"),
            (f"documents/s per core ({len(all_cpus)} cores)", "docs_per_s_per_core", "{:.0f}"),
            ("CPU seconds (user+sys, incl. workers)", "cpu_seconds", "{:.2f}"),
            ("documents per CPU second", "docs_per_cpu_s", "{:.0f}"),
            ("max RSS (largest process)", "maxrss_bytes", None),
            ("output lines (warm-up run)", "output_lines", "{:,}"),
        ]:
            row(label, *(fmt_mb(w[key]) if spec is None else spec.format(w[key]) for w in whole.values()))
        for name, w in whole.items():
            row(f"timed runs, s ({name})", " / ".join(f"{s:.2f}" for s in w["runs_seconds"]))

        ours = whole["netral"]
        goals: dict[str, Any] = {
            "docs_per_s_per_core": ours["docs_per_s_per_core"],
            "docs_per_s_per_core_met": ours["docs_per_s_per_core"] >= GOAL_DOCS_PER_S_PER_CORE,
            "output_complete": ours["output_lines"] == n,
        }
        issue_peer = ISSUE_PEER_SECONDS * n / ISSUE_PEER_DOCS
        goals["speedup_vs_issue_peer"] = issue_peer / ours["seconds"]
        goals["speedup_vs_issue_peer_met"] = goals["speedup_vs_issue_peer"] >= GOAL_SPEEDUP
        if "spaCy peer" in whole:
            goals["speedup_vs_measured_peer"] = whole["spaCy peer"]["seconds"] / ours["seconds"]
            goals["speedup_vs_measured_peer_met"] = goals["speedup_vs_measured_peer"] >= GOAL_SPEEDUP
        summary["goals"] = goals

        def verdict(ok: bool) -> str:
            return "MET" if ok else "NOT MET"

        print("\nGoals (issue): netral analyze ≥ 3x the peer as a whole process, and ≥ 400 documents/s/core")
        if "speedup_vs_measured_peer" in goals:
            row(
                "speedup vs the peer measured now",
                f"{goals['speedup_vs_measured_peer']:.2f}x",
                verdict(goals["speedup_vs_measured_peer_met"]),
            )
        row(
            f"speedup vs the issue's peer ({issue_peer:.2f} s)",
            f"{goals['speedup_vs_issue_peer']:.2f}x",
            verdict(goals["speedup_vs_issue_peer_met"]),
        )
        row(
            "documents/s/core",
            f"{ours['docs_per_s_per_core']:.0f}",
            verdict(goals["docs_per_s_per_core_met"]),
        )
        if ours["docs_per_cpu_s"]:
            row("documents per CPU second (if cores were free)", f"{ours['docs_per_cpu_s']:.0f}", "info")
        row("netral output: one line per document", f"{ours['output_lines']}/{n}", verdict(goals["output_complete"]))

    print("\n" + load_note(summary, "at the end", ours=1.0))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(summary, indent=2) + "\n")
    print(f"\nSummary written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
