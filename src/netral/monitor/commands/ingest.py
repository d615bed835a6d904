"""`netral ingest PATH|URL...`: ingest files, folders and URLs once, with a progress bar.

Files: social-media exports (.csv/.json/.jsonl), WhatsApp chat exports (.txt), plain text, HTML, and the text
pipeline's own `.json` documents — the kind is recognised from the content. URLs: a feed, a sitemap or an article,
recognised from what the server answers (or `--kind`). Items go through the same ingestion as the worker's fetches:
stored once, analysed, grouped into stories, alerts raised. Problems (a bad row, an unreachable page) are listed on
stderr; the exit code is 1 if any input could not be read at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from netral.cli import setup_django

if TYPE_CHECKING:
    from netral.monitor.fetching.http import Fetcher

URL_KINDS = ("auto", "feed", "sitemap", "article")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="PATH|URL", help="files, folders (read recursively) or URLs")
    parser.add_argument("--kind", choices=URL_KINDS, default="auto", help="what the URLs are (default: recognise)")
    parser.add_argument("--jobs", type=int, default=1, help="processes that analyse items (default 1)")
    parser.add_argument("--batch-size", type=int, default=500, help="items stored per transaction (default 500)")


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    return [path]


def _url_kind(url: str, fetcher: Fetcher) -> str:
    head = fetcher.get(url).body[:2048].lstrip().lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    return "article"


def run(args: argparse.Namespace) -> int:
    setup_django()
    from netral.core.progress import Progress
    from netral.monitor.fetching.errors import FetchError
    from netral.monitor.services.ingest import ingest
    from netral.monitor.services.sources import fetcher
    from netral.monitor.sources import detect_upload_kind, get_upload_kind, get_url_kind
    from netral.monitor.sources.base import Collected, FetchState, RawItem

    client = fetcher()

    def collect(given: str) -> list[tuple[str, Collected]]:
        if given.startswith(("http://", "https://")):
            kind = _url_kind(given, client) if args.kind == "auto" else args.kind
            collected = get_url_kind(kind).collect(given, {}, client, FetchState(), lambda _url: False)
            return [(f"{given} ({kind})", collected)]
        parts = []
        for path in _files(Path(given)):
            data = path.read_bytes()
            parts.append((str(path), get_upload_kind(detect_upload_kind(data, path.name)).parse(data, path.name, {})))
        return parts

    items: list[RawItem] = []
    failed = 0
    for given in args.inputs:
        try:
            collected = collect(given)
        except (OSError, FetchError, ValueError) as exc:  # ValueError: UploadError and bad configuration
            print(f"{given}: {exc}", file=sys.stderr)
            failed += 1
            continue
        for label, part in collected:
            items.extend(part.items)
            for problem in part.problems:
                print(f"{label}: {problem}", file=sys.stderr)

    bar = Progress("Menyerap", len(items))
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        bar.update(done)

    report = ingest(items, workers=args.jobs, batch_size=args.batch_size, progress=advance)
    print(
        f"{report.received} item diterima, {report.stored} disimpan, {report.repeated} sudah ada; "
        f"{report.stories_new} cerita baru, {report.stories_joined} cerita bertambah; "
        f"{report.alerts} peringatan; {report.flagged_language} item berbahasa lain."
    )
    return 1 if failed else 0
