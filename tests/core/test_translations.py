"""The English catalogue translates every Indonesian interface string, and the compiled .mo matches the .po."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import netral

LOCALE = Path(netral.__file__).resolve().parent / "locale" / "en" / "LC_MESSAGES"
ENTRY = re.compile(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', re.MULTILINE)


def _entries() -> dict[str, str]:
    def text(quoted: str) -> str:
        return "".join(ast.literal_eval(line) for line in quoted.splitlines())

    po = (LOCALE / "django.po").read_text(encoding="utf-8").replace('msgid "', '\nmsgid "')
    pairs = {text(m[1]): text(m[2]) for m in ENTRY.finditer(po + "\n")}
    pairs.pop("", None)  # the header
    return pairs


def test_every_interface_string_has_an_english_translation() -> None:
    entries = _entries()
    assert len(entries) > 100
    assert [msgid for msgid, msgstr in entries.items() if not msgstr] == []


def test_compiled_catalogue_matches_the_source_catalogue() -> None:
    with (LOCALE / "django.mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    stale = [msgid for msgid, msgstr in _entries().items() if compiled.gettext(msgid) != msgstr]
    assert stale == [], "run: msgfmt -o django.mo django.po"
