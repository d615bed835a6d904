"""Where `netral.text.analyze` spends its time: per component, per module and per function.

Over `--docs` recombined articles (default 2,000, ~8 MB), after a warm-up call:
1. per pipeline component: each component of `get_pipeline()` is wrapped with a timer (no profiler running), and
   the time outside the components (building the `Doc`, the result) is shown as "outside components";
2. cProfile: own time (tottime) summed per source file, then the top functions by own and by cumulative time.
The raw profile is saved to `bench/out/profile_text.prof` (`python -m pstats` or snakeviz can read it).

    .venv/bin/python bench/profile_text.py --docs 2000 --top 25
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import corpus

PROFILE = corpus.OUT_DIR / "profile_text.prof"
HOT = 6  # functions whose callers are listed


class Timed:
    """A component wrapper adding its own wall time to `seconds`; same name, requires and assigns."""

    def __init__(self, component: Any) -> None:
        self.component = component
        self.name = getattr(component, "name", type(component).__name__)
        self.requires = getattr(component, "requires", ())
        self.assigns = getattr(component, "assigns", ())
        self.seconds = 0.0

    def __call__(self, doc: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return self.component(doc)
        finally:
            self.seconds += time.perf_counter() - t0


def per_component(analyze: Any, texts: Sequence[str]) -> None:
    try:
        from netral.text.pipeline import get_pipeline
    except ImportError:
        print("per-component timing: netral.text.pipeline.get_pipeline not found, skipped\n")
        return
    pipeline = get_pipeline()
    original = pipeline.components
    timed = [Timed(c) for c in original]
    pipeline.components = tuple(timed)  # type: ignore[arg-type]  # Timed has the Component attributes per instance
    try:
        gc.collect()
        t0 = time.perf_counter()
        for text in texts:
            analyze(text)
        total = time.perf_counter() - t0
    finally:
        pipeline.components = original
    print(f"Per component over {len(texts):,} documents: {total:.2f} s, {len(texts) / total:.0f} documents/s")
    print(f"  {'component':<34}{'s':>8}{'%':>7}{'ms/doc':>9}")
    rows = [(t.name, t.seconds) for t in sorted(timed, key=lambda t: -t.seconds)]
    rows.append(("outside components", total - sum(t.seconds for t in timed)))
    for name, seconds in rows:
        print(f"  {name:<34}{seconds:>8.2f}{100 * seconds / total:>7.1f}{1000 * seconds / len(texts):>9.3f}")
    print()


def where(filename: str, funcname: str) -> str:
    """A short label for the source of a profiled function: `netral/text/x.py`, `re`, or the built-in."""
    if filename == "~":
        return funcname  # built-in, e.g. "<method 'finditer' of 're.Pattern' objects>"
    path = Path(filename)
    parts = path.parts
    if "netral" in parts:
        return "/".join(parts[parts.index("netral") :])
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1]
    return path.stem if path.suffix == ".py" else filename


def profile(analyze: Any, texts: Sequence[str], top: int) -> None:
    profiler = cProfile.Profile()
    gc.collect()
    profiler.enable()
    for text in texts:
        analyze(text)
    profiler.disable()
    profiler.dump_stats(PROFILE)
    stats = pstats.Stats(profiler)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for (_, _, tt, _, _) in raw.values())
    by_source: dict[str, float] = defaultdict(float)
    charged: dict[str, float] = defaultdict(float)  # built-ins (re, str methods) charged to the calling file
    for (filename, _, funcname), (_, _, tt, _, callers) in raw.items():
        by_source[where(filename, funcname)] += tt
        if filename != "~" or not callers:
            charged[where(filename, funcname)] += tt
            continue
        for (c_file, _, c_func), edge in callers.items():
            charged[where(c_file, c_func)] += edge[2]
    print(f"cProfile over {len(texts):,} documents: {total:.2f} s of own time (profiler overhead included)")
    for title, table in [
        ("Own time by source (file, package, or built-in)", by_source),
        ("Own time by source, built-ins (regex, str methods) charged to the file calling them", charged),
    ]:
        print(f"{title}:")
        for label, tt in sorted(table.items(), key=lambda kv: -kv[1])[:top]:
            print(f"  {100 * tt / total:6.1f}%  {tt:7.2f} s  {label}")
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(key).print_stats(top)
        body = out.getvalue()
        start = body.find("   ncalls")
        print(f"\nTop {top} functions by {key}:")
        print(body[start:].rstrip())
    print(f"\nCallers of the top {HOT} functions by own time (calls, cumulative s along that edge):")
    hot = sorted(raw.items(), key=lambda kv: -kv[1][2])[:HOT]
    for (filename, line, funcname), (_, _, tt, _, callers) in hot:
        label = funcname if filename == "~" else f"{where(filename, funcname)}:{line}({funcname})"
        print(f"  {label}  own {tt:.2f} s")
        for (c_file, c_line, c_func), edge in sorted(callers.items(), key=lambda kv: -kv[1][3])[:4]:
            print(f"      ← {where(c_file, c_func)}:{c_line}({c_func})  {edge[1]:,} calls, {edge[3]:.2f} s")
    print(f"\nProfile saved to {PROFILE}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="profile netral.text.analyze")
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--seed", type=int, default=corpus.SEED)
    parser.add_argument("--skip-cprofile", action="store_true")
    args = parser.parse_args(argv)

    from netral.text import analyze

    texts = corpus.build(args.docs, seed=args.seed)
    size = sum(len(t.encode()) for t in texts)
    print(f"{len(texts):,} recombined articles, {size / 1e6:.2f} MB\n")
    analyze(texts[0])  # warm-up: gazetteers, compiled patterns
    per_component(analyze, texts)
    if not args.skip_cprofile:
        corpus.OUT_DIR.mkdir(parents=True, exist_ok=True)
        profile(analyze, texts, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
