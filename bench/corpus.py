"""Deterministic benchmark corpus: articles recombined from the paragraphs of the dev texts.

The dev texts (`/work/shared/corpus/dev/docs/*.json`, keys "url" and "text") are news excerpts and must not be
copied into the repository, so the benchmark corpus is generated on demand into `bench/out/` (git-ignored).
Each article takes a lead paragraph (the first paragraph of a dev text) and then body paragraphs drawn from all
texts until it reaches a target length drawn from a log-normal distribution (mean ~4 KB, clipped to
0.8–16 KB), so 2,000 articles come to about 8 MB. The same seed gives the same articles.

    .venv/bin/python bench/corpus.py --docs 2000 --out bench/out/corpus-2000
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DEV_DIR = Path("/work/shared/corpus/dev/docs")
BENCH_DIR = Path(__file__).resolve().parent
OUT_DIR = BENCH_DIR / "out"
SEED = 20241014
MEAN_BYTES = 4000
MIN_BYTES = 800
MAX_BYTES = 16000
SIGMA = 0.55  # spread of the log-normal length distribution


@dataclass(frozen=True, slots=True)
class ParagraphPool:
    leads: tuple[str, ...]  # first paragraph of each dev text
    body: tuple[str, ...]  # every other paragraph


def load_pool(dev_dir: Path = DEV_DIR) -> ParagraphPool:
    files = sorted(dev_dir.glob("*.json"))
    if not files:
        raise SystemExit(f"no dev texts in {dev_dir}")
    leads: list[str] = []
    body: list[str] = []
    for path in files:
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        paragraphs = [p.strip() for p in text.splitlines() if p.strip()]
        if paragraphs:
            leads.append(paragraphs[0])
            body.extend(paragraphs[1:])
    return ParagraphPool(tuple(leads), tuple(body))


def iter_articles(n: int, *, seed: int = SEED, pool: ParagraphPool | None = None) -> Iterator[str]:
    """Yield `n` recombined articles; the same `seed` and pool always give the same articles."""
    pool = pool or load_pool()
    rng = random.Random(seed)
    mu = math.log(MEAN_BYTES) - SIGMA**2 / 2  # so that the mean of the log-normal is MEAN_BYTES
    for _ in range(n):
        target = min(MAX_BYTES, max(MIN_BYTES, int(rng.lognormvariate(mu, SIGMA))))
        parts = [rng.choice(pool.leads)]
        size = len(parts[0].encode())
        while size < target:
            paragraph = rng.choice(pool.body)
            parts.append(paragraph)
            size += len(paragraph.encode()) + 1
        yield "\n".join(parts) + "\n"


def build(n: int, *, seed: int = SEED) -> list[str]:
    return list(iter_articles(n, seed=seed))


def write_corpus(n: int, out: Path | None = None, *, seed: int = SEED) -> Path:
    """Write `n` articles as `00000.txt`… into `out` (default `bench/out/corpus-N`); reuse it if already there."""
    out = out or OUT_DIR / f"corpus-{n}"
    stamp = out / ".manifest"  # hidden, no .json suffix: readers take *.txt and *.json
    manifest = {"docs": n, "seed": seed, "mean_bytes": MEAN_BYTES, "sigma": SIGMA}
    if stamp.exists() and json.loads(stamp.read_text()) == manifest:
        return out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    width = max(5, len(str(n - 1)))
    for i, text in enumerate(iter_articles(n, seed=seed)):
        (out / f"{i:0{width}d}.txt").write_text(text, encoding="utf-8")
    stamp.write_text(json.dumps(manifest))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, help="output directory (default bench/out/corpus-N)")
    args = parser.parse_args(argv)
    out = write_corpus(args.docs, args.out, seed=args.seed)
    files = sorted(out.glob("*.txt"))
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} articles, {size / 1e6:.2f} MB, mean {size / max(1, len(files)):.0f} bytes → {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
