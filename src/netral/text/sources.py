"""Reading documents for the commands: `.txt` files (the article text) or `.json` files with a "text" key."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".txt", ".json")


class DocumentError(Exception):
    """A file that cannot be analysed; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class Source:
    text: str
    url: str | None = None
    published: str | None = None


def expand(paths: Iterable[str]) -> Iterator[Path | DocumentError]:
    """Files named directly, and the `.txt`/`.json` files under folders (sorted); errors for missing paths."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        elif path.is_file():
            yield path
        else:
            yield DocumentError(f"{raw}: no such file or directory")


def read(path: Path) -> Source:
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(f"{path}: cannot read ({exc})") from exc
    if path.suffix != ".json":
        return Source(content)
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"{path}: not valid JSON ({exc})") from exc
    except RecursionError:
        raise DocumentError(f"{path}: JSON nested too deeply") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise DocumentError(f'{path}: no "text" string in the JSON object')
    url, published = data.get("url"), data.get("published")
    return Source(
        data["text"], url if isinstance(url, str) else None, published if isinstance(published, str) else None
    )
