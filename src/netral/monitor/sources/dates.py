"""Dates as exports write them, made timezone-aware: ISO 8601, Unix time, Twitter's format, day-first numerals."""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Jakarta"
_DAY_FIRST = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?:[ ,T]+(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?$"
)


def zone(name: object) -> tzinfo:
    """The zone named in an upload's config, Asia/Jakarta when absent; raises ValueError for an unknown name."""
    label = str(name or DEFAULT_ZONE)
    try:
        return ZoneInfo(label)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"Zona waktu tidak dikenal: {label}") from error


def clock(hour: int, minute: int, second: int, meridiem: str) -> tuple[int, int, int]:
    marker = meridiem.replace(".", "").lower()
    if marker == "pm" and hour < 12:
        hour += 12
    elif marker == "am" and hour == 12:
        hour = 0
    return hour, minute, second


def full_year(year: int) -> int:
    return year + 2000 if year < 100 else year


def parse_date(value: object, local: tzinfo) -> datetime | None:
    """An aware datetime from what an export holds, or None. Naive values are read in `local`."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 10**11 else value  # milliseconds since the epoch
        return datetime.fromtimestamp(seconds, tz=UTC)
    text = str(value).strip()
    if re.fullmatch(r"\d{9,13}", text):
        return parse_date(int(text), local)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            parsed = datetime.strptime(text, "%a %b %d %H:%M:%S %z %Y")  # Twitter/X API exports
        except ValueError:
            parsed = None
    if parsed is None:
        match = _DAY_FIRST.match(text)
        if not match:
            return None
        day, month, year, hour, minute, second, meridiem = match.groups()
        h, m, s = clock(int(hour or 0), int(minute or 0), int(second or 0), meridiem or "")
        try:
            parsed = datetime(full_year(int(year)), int(month), int(day), h, m, s)
        except ValueError:
            return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=local)
