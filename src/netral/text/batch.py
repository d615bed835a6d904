"""Analyse many files, in parallel when there are many: a process pool with chunked, order-preserving `imap`.

The pipeline and gazetteer are built in the parent before the pool forks, so workers start warm.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from netral.text import analyze, gazetteer
from netral.text.model import Doc
from netral.text.pipeline import get_pipeline
from netral.text.sources import DocumentError, read

#: Below this many files one process is faster than starting a pool.
PARALLEL_FROM = 64
CHUNK = 16

Renderer = Callable[[str, dict[str, Any]], str]


def analyse_file(path: Path) -> dict[str, Any]:
    source = read(path)
    return analyze(source.text, url=source.url, published=source.published).to_dict()


def _work(job: tuple[Path, Renderer]) -> tuple[str, str | None, str | None]:
    path, render = job
    try:
        return path.name, render(path.name, analyse_file(path)), None
    except DocumentError as exc:
        return path.name, None, str(exc)


def default_jobs(n_files: int) -> int:
    return 1 if n_files < PARALLEL_FROM else min(2, os.cpu_count() or 1)


def run(paths: list[Path], render: Renderer, jobs: int | None = None) -> Iterator[tuple[str, str | None, str | None]]:
    """(file name, rendered result or None, error message or None) per file, in input order."""
    jobs = default_jobs(len(paths)) if jobs is None else jobs
    get_pipeline()(Doc(raw="Camat Banjar."))  # build lexicons and automaton once, before any fork
    work = [(p, render) for p in paths]
    if jobs <= 1:
        yield from map(_work, work)
        return
    gazetteer.desa_index()  # 83k names: load once in the parent rather than once per worker
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(jobs) as pool:
        yield from pool.imap(_work, work, chunksize=CHUNK)
