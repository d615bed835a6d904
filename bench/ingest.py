"""End-to-end ingest of generated news items: throughput, story (near-duplicate) quality and memory.

Generates `--items` items (default 100,000) with `bench/ingest_data.py` — distinct stories recombined from the
corpus plus ~17 % planted re-posts — and feeds them to the real service
(`netral.monitor.services.ingest.ingest`) on a fresh Netral database: a new SQLite file in a temporary data
folder (migrated with `netral migrate`), or `--database-url` (PostgreSQL: the database must exist and be empty
or migratable). Prints items/s end to end, wall time, the service's report (stories created…), pairwise dedup
precision and recall against the planted groups, peak RSS of this process and of its children, and the load
average. The issue's goal: 100,000 items in under 10 minutes on 2 cores, precision and recall ≥ 0.95.

`--dedup-only` skips Django: signatures in a process pool, then the service's grouping rule in memory
(`BandIndex` candidates, best estimate passing `same_story` joins its story, else a new story). It also checks
the generator: the Jaccard estimates of planted re-posts against their original, and the highest estimate
between candidate pairs from different groups (distinct items must be genuinely different stories).

    .venv/bin/python bench/ingest.py --quick                    # 5,000 items end to end
    .venv/bin/python bench/ingest.py                            # 100,000 items end to end
    .venv/bin/python bench/ingest.py --dedup-only               # 100,000 items, dedup logic alone
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np

import ingest_data
from netral.monitor import dedup

ROOT = Path(__file__).resolve().parent.parent
GOAL_SECONDS = 600.0
GOAL_QUALITY = 0.95
QUICK_ITEMS = 5000


def peak_memory() -> str:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return f"peak RSS: this process {own:.0f} MiB, largest child process {children:.0f} MiB"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average: {one:.2f} {five:.2f} {fifteen:.2f} (1/5/15 min) on {os.cpu_count()} CPUs"


def print_quality(truth: list[int], predicted: list[int]) -> dict[str, float]:
    scores = ingest_data.pair_counts(truth, predicted)
    print(
        f"dedup over pairs: precision {scores['precision']:.4f}, recall {scores['recall']:.4f} "
        f"({scores['correct_pairs']:,} correct of {scores['predicted_pairs']:,} predicted, "
        f"{scores['true_pairs']:,} planted)"
    )
    return scores


# -- dedup only --------------------------------------------------------------------------------------------------


def run_dedup_only(n: int, workers: int) -> None:
    started = time.perf_counter()
    items = list(ingest_data.iter_items(n))
    texts = [item.text for item, _ in items]
    truth = [group for _, group in items]
    variants = [item.variant for item, _ in items]
    generated = time.perf_counter()
    print(f"generated {n:,} items ({sum(map(len, texts)) / 1e6:.0f} MB) in {generated - started:.1f} s")

    with Pool(workers) as pool:
        signatures = pool.map(dedup.signature, texts, chunksize=250)
    signed = time.perf_counter()
    print(f"signatures: {n / (signed - generated):,.0f} items/s with {workers} worker processes")

    index = dedup.BandIndex()
    story_of: list[int] = []
    stories = 0
    candidates_seen = 0
    cross_max = 0.0
    cross_over = 0
    for i, (text, sig) in enumerate(zip(texts, signatures, strict=True)):
        best, best_estimate = -1, 0.0
        for j in index.candidates(sig):
            assert isinstance(j, int)
            candidates_seen += 1
            estimate = dedup.estimate(sig, signatures[j])
            if truth[j] != truth[i]:
                cross_max = max(cross_max, estimate)
                cross_over += estimate >= dedup.THRESHOLD
            if estimate > best_estimate and dedup.same_story(text, texts[j], sig, signatures[j]):
                best, best_estimate = j, estimate
        if best >= 0:
            story_of.append(story_of[best])
        else:
            story_of.append(stories)
            stories += 1
        index.add(i, sig)
    grouped = time.perf_counter()
    print(
        f"grouping: {n / (grouped - signed):,.0f} items/s in one process, {candidates_seen:,} candidates checked, "
        f"{stories:,} stories ({len(set(truth)):,} planted groups)"
    )
    total = grouped - started
    print(f"total {total:.1f} s, {n / total:,.0f} items/s (generation included)")
    print_quality(truth, story_of)
    report_generator(truth, variants, signatures, cross_max, cross_over)


def report_generator(
    truth: list[int], variants: list[str], signatures: list[Any], cross_max: float, cross_over: int
) -> None:
    """How similar planted re-posts are to their original, and how dissimilar the distinct items are."""
    first: dict[int, int] = {}
    estimates: list[float] = []
    kinds: dict[str, list[float]] = {}
    for i, group in enumerate(truth):
        if group not in first:
            first[group] = i
            continue
        estimate = dedup.estimate(signatures[i], signatures[first[group]])
        estimates.append(estimate)
        for kind in variants[i].split("+"):
            kinds.setdefault(kind, []).append(estimate)
    if estimates:
        low = np.percentile(estimates, [0, 1, 5, 50])
        print(
            f"re-post vs original, estimated Jaccard: min {low[0]:.2f}, 1 % {low[1]:.2f}, 5 % {low[2]:.2f}, "
            f"median {low[3]:.2f}; below THRESHOLD {dedup.THRESHOLD}: "
            f"{sum(e < dedup.THRESHOLD for e in estimates)} of {len(estimates):,}"
        )
        for kind, values in sorted(kinds.items()):
            print(f"  {kind:>14}: n={len(values):>6,}  min {min(values):.2f}  median {np.median(values):.2f}")
    print(
        f"distinct items among LSH candidates: highest estimate {cross_max:.2f}, "
        f"{cross_over} candidate pairs at or above THRESHOLD"
    )


# -- end to end --------------------------------------------------------------------------------------------------


def prepare_database(database_url: str | None) -> Path:
    data = Path(tempfile.mkdtemp(prefix="netral-bench-ingest-"))
    os.environ["NETRAL_DATA_DIR"] = str(data)
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{data / 'netral.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "netral.settings"
    started = time.perf_counter()
    # Our own fixed command, no shell.
    subprocess.run([sys.executable, "-m", "netral.cli", "migrate"], check=True, cwd=ROOT, capture_output=True)  # noqa: S603
    print(f"fresh database {os.environ['DATABASE_URL']} migrated in {time.perf_counter() - started:.1f} s")
    return data


def run_end_to_end(n: int, workers: int, database_url: str | None) -> None:
    prepare_database(database_url)
    import django

    django.setup()
    from netral.monitor.models import Item
    from netral.monitor.services.ingest import ingest

    truth_by_url: dict[str, int] = {}

    def raw_items() -> Iterator[Any]:
        for item, group in ingest_data.iter_items(n):
            truth_by_url[item.url] = group
            yield item.raw_item()

    step = max(1000, n // 20)
    started = time.perf_counter()
    done = [0, step]  # items so far, next count to print at

    def progress(batch: int) -> None:  # the service reports each batch's size
        done[0] += batch
        if done[0] >= done[1] or done[0] == n:
            done[1] = done[0] + step
            elapsed = time.perf_counter() - started
            print(f"  {done[0]:>7,} items, {elapsed:6.1f} s, {done[0] / max(elapsed, 1e-9):,.0f} items/s", flush=True)

    report = ingest(raw_items(), workers=workers, progress=progress)
    wall = time.perf_counter() - started
    print(f"ingested {n:,} items in {wall:.1f} s: {n / wall:,.0f} items/s end to end (generation included)")
    counts = ("received", "stored", "repeated", "stories_new", "stories_joined", "alerts", "flagged_language")
    print("report: " + ", ".join(f"{name} {getattr(report, name):,}" for name in counts))

    stored = dict(Item.objects.values_list("url", "story_id"))
    truth: list[int] = []
    predicted: list[int] = []
    missing = 0
    for url, group in truth_by_url.items():
        story = stored.get(url, stored.get(url.rstrip("/")))
        if story is None:
            missing += 1
            continue
        truth.append(group)
        predicted.append(story)
    if missing:
        print(f"  {missing:,} generated URLs not found among stored items (not counted below)")
    print(f"stories in the database: {len(set(predicted)):,} ({len(set(truth)):,} planted groups)")
    scores = print_quality(truth, predicted)
    met = wall < GOAL_SECONDS * n / 100_000 and min(scores["precision"], scores["recall"]) >= GOAL_QUALITY
    print(
        f"goal (100,000 items < 10 min, P and R ≥ {GOAL_QUALITY}), scaled to {n:,} items: {'met' if met else 'NOT met'}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--database-url", help="default: a fresh SQLite file in a temporary folder")
    parser.add_argument("--quick", action="store_true", help=f"smoke run: {QUICK_ITEMS:,} items")
    parser.add_argument("--dedup-only", action="store_true", help="dedup logic in memory, no Django")
    args = parser.parse_args(argv)
    n = QUICK_ITEMS if args.quick else args.items
    print(load())
    if args.dedup_only:
        run_dedup_only(n, args.workers)
    else:
        run_end_to_end(n, args.workers, args.database_url)
    print(peak_memory())
    print(load())
    return 0


if __name__ == "__main__":
    sys.exit(main())
