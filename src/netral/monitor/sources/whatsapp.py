"""WhatsApp chat exports (`.txt`), as Android and iOS write them, in Indonesian or English.

Android: `12/03/24 14.05 - Nama: pesan` or `12/03/2024, 14:05 - Nama: pesan`; iOS: `[12/03/24 14.05.33] Nama: pesan`.
A line without such a header continues the previous message. Lines without "Nama: " are system notices (someone
joined, encryption notice) and are skipped, as are media placeholders and deleted messages. Each remaining message
of at least `config["min_words"]` words (default 4) becomes one item: short replies ("ok", "siap") carry nothing
to check. Dates are day-first unless the file itself proves month-first (a first number above 12 never appears,
a second one does), and are read in `config["timezone"]` (default Asia/Jakarta).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import PurePath
from typing import Any

from netral.monitor.fetching.encoding import decode
from netral.monitor.sources.base import Collected, RawItem, UploadError
from netral.monitor.sources.dates import clock, full_year, zone

DEFAULT_MIN_WORDS = 4
_TIME = r"(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?(?:[\s\u202f]?([AaPp]\.?[Mm]\.?))?"
_DATE = r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})"
ANDROID = re.compile(rf"^[\u200e\u200f]?{_DATE},? {_TIME} - (.*)$")
IOS = re.compile(rf"^[\u200e\u200f]?\[{_DATE},? {_TIME}\] (.*)$")
_MARKS = re.compile(r"[\u200e\u200f\u202a-\u202e]")
_MEDIA = re.compile(
    r"^(<media omitted>|<media tidak disertakan>|<media tidak dilampirkan>|null|"
    r"(image|video|audio|sticker|gif|document|gambar|stiker|dokumen) (omitted|tidak disertakan)|"
    r"<attached: [^>]*>|<terlampir: [^>]*>|.+ \((file attached|file terlampir)\))$",
    re.IGNORECASE,
)
_DELETED = re.compile(
    r"^(this message was deleted|you deleted this message|pesan ini telah dihapus|anda menghapus pesan ini)\.?$",
    re.IGNORECASE,
)
_EDITED = re.compile(r"\s*<(this message was edited|pesan ini diedit|pesan ini telah diedit)>\s*$", re.IGNORECASE)
_CHAT_NAME_PREFIXES = ("whatsapp chat with ", "whatsapp chat - ", "chat whatsapp dengan ", "chat whatsapp - ")


@dataclass(slots=True)
class _Message:
    numbers: tuple[int, int, int]  # the date's three numbers as written
    clock: tuple[int, int, int]
    rest: str  # "Nama: pesan" or a system notice
    lines: list[str] = field(default_factory=list)  # the message's raw lines


def header(line: str) -> re.Match[str] | None:
    """The header match of a line that starts a message (Android or iOS), else None."""
    return ANDROID.match(line) or IOS.match(line)


def _messages(text: str) -> list[_Message]:
    messages: list[_Message] = []
    for line in text.splitlines():
        match = header(line)
        if match:
            day, month, year, hour, minute, second, meridiem, rest = match.groups()
            messages.append(
                _Message(
                    (int(day), int(month), full_year(int(year))),
                    clock(int(hour), int(minute), int(second or 0), meridiem or ""),
                    rest,
                    [line],
                )
            )
        elif messages:
            messages[-1].lines.append(line)
            messages[-1].rest += "\n" + line
    return messages


def _month_first(messages: list[_Message]) -> bool:
    firsts = {message.numbers[0] for message in messages}
    seconds = {message.numbers[1] for message in messages}
    return max(seconds, default=0) > 12 and max(firsts, default=0) <= 12


def chat_name(filename: str, config: Mapping[str, Any]) -> str:
    configured = str(config.get("chat_name") or "").strip()
    if configured:
        return configured
    stem = PurePath(filename).stem.strip()
    for prefix in _CHAT_NAME_PREFIXES:
        if stem.lower().startswith(prefix):
            return stem[len(prefix) :].strip()
    return stem or "obrolan"


class WhatsAppKind:
    name = "whatsapp"
    label = "Ekspor obrolan WhatsApp (.txt)"
    needs_url = False

    def parse(self, data: bytes, filename: str, config: Mapping[str, Any]) -> Collected:
        local = zone(config.get("timezone"))
        min_words = int(config.get("min_words", DEFAULT_MIN_WORDS))
        messages = _messages(decode(data).lstrip("\ufeff"))
        if not messages:
            raise UploadError(
                "Berkas ini bukan ekspor obrolan WhatsApp: tidak ada baris bertanggal seperti 12/03/24 14.05"
            )
        month_first = _month_first(messages)
        outlet = f"WhatsApp: {chat_name(filename, config)}"
        items: list[RawItem] = []
        problems: list[str] = []
        skipped = {"media": 0, "short": 0, "deleted": 0}
        for message in messages:
            sender, separator, body = message.rest.partition(": ")
            if not separator:
                continue  # a system notice: someone joined, left, changed the group name
            system = body.startswith("\u200e")  # iOS marks its notices ("Pesan dan panggilan dienkripsi") this way
            body = _EDITED.sub("", _MARKS.sub("", body)).strip()
            if _MEDIA.match(body):
                skipped["media"] += 1
                continue
            if system:
                continue
            if _DELETED.match(body):
                skipped["deleted"] += 1
                continue
            if len(body.split()) < min_words:
                skipped["short"] += 1
                continue
            published = self._date(message, month_first, local)
            if published is None:
                problems.append(f"{message.lines[0][:40]}: tanggal tidak sah; disimpan tanpa tanggal")
            items.append(
                RawItem(
                    kind=self.name,
                    raw="\n".join(message.lines).encode(),
                    raw_type="text/plain",
                    text=body,
                    published=published,
                    author=_MARKS.sub("", sender).strip(),
                    outlet=outlet,
                )
            )
        if skipped["short"]:
            problems.append(f"{skipped['short']} pesan pendek (kurang dari {min_words} kata) dilewati")
        if skipped["media"]:
            problems.append(f"{skipped['media']} pesan media (gambar, video, dokumen) dilewati")
        if skipped["deleted"]:
            problems.append(f"{skipped['deleted']} pesan yang dihapus dilewati")
        return Collected(items, problems=problems)

    @staticmethod
    def _date(message: _Message, month_first: bool, local: tzinfo) -> datetime | None:
        first, second, year = message.numbers
        day, month = (second, first) if month_first else (first, second)
        try:
            return datetime(year, month, day, *message.clock, tzinfo=local)
        except ValueError:
            return None
