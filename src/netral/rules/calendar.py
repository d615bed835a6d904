"""The deadline calendar: when a handling step is due, in calendar days, working days (hari kerja) or hours.

Every deadline in Netral is computed here (design.md: one calendar module). The conventions, chosen once:

* **Aware in, aware out.** `start` must carry a timezone (naive datetimes raise `ValueError`). The computation
  happens in the region's zone — Asia/Jakarta and Asia/Pontianak (WIB, UTC+7), Asia/Makassar (WITA, UTC+8),
  Asia/Jayapura (WIT, UTC+9) — because "the day" of a deadline is the local day of the Bawaslu office that handles
  the case. The result is an aware datetime in that zone; callers store it in UTC. The same instant expressed in
  any zone gives the same due instant.
* **Calendar days** (`"days"`, *hari*): the start day is day 0; the deadline is the **end of the N-th day after
  the start day**, 23:59:59.999999 local time. "Paling lama 7 hari sejak diketahui" on Monday 10:00 ends at the
  end of the next Monday. Counting whole days (rather than N×24 h from the start minute) is how the deadlines are
  announced and read ("batas akhir tanggal …"): a report filed at 16:00 on the last day is on time although the act
  became known at 10:00. Calendar-day deadlines are not extended when the last day is a holiday — the law says
  *hari*, not *hari kerja*, and extending would be the lenient reading for the supervisor, not for the reporter
  (a conservative default: the supervisor's clock never runs longer than the law's).
* **Working days** (`"working_days"`, *hari kerja*): Saturdays, Sundays, libur nasional **and cuti bersama** are
  skipped — cuti bersama closes government offices (the SKB 3 Menteri applies it to ASN), and Bawaslu is a
  government office. The deadline is the end of the N-th working day after the start day; the start day never
  counts, even when it is a working day and the clock starts at 07:00.
* **Hours** (`"hours"`): exactly N elapsed hours (3600 s each) after the start instant; holidays are irrelevant.
* `amount` must be at least 1, so a deadline is always strictly after its start.

With these rules composition is exact: for N, M ≥ 1, ``due(due(s, N, u), M, u) == due(s, N + M, u)`` for every
unit (the end of a day is still that day), and for working days
``working_days_between(local(s).date(), local(due(s, N)).date()) == N``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from netral.geo.reference import ZONE_LABELS
from netral.rules.catalogue import Catalogue, Unit, load_catalogue

__all__ = [
    "DEFAULT_SOON",
    "INDONESIAN_ZONES",
    "HolidayDataMissing",
    "Remaining",
    "due",
    "due_for_step",
    "end_of_day",
    "is_working_day",
    "nth_working_day_after",
    "remaining",
    "working_days_between",
    "zone_label",
]

#: The zones of Indonesian regions (geo.reference.ZONE_LABELS holds their labels).
INDONESIAN_ZONES: tuple[str, ...] = ("Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura")

#: A deadline closer than this is "due soon" (badge colour).
DEFAULT_SOON = dt.timedelta(hours=24)


class HolidayDataMissing(ValueError):
    """A working-day deadline reaches a year for which holidays.toml has no official list."""


def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {tz!r} (use e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)") from None


def _require_aware(name: str, value: dt.datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (got naive {value.isoformat()})")


def zone_label(tz: str, moment: dt.datetime | None = None) -> str:
    """WIB / WITA / WIT for Indonesian zones; otherwise the zone's abbreviation (or its name)."""
    if tz in ZONE_LABELS:
        return ZONE_LABELS[tz]
    name = (moment or dt.datetime.now(dt.UTC)).astimezone(_zone(tz)).tzname()
    return name or tz


def is_working_day(day: dt.date, holidays: Collection[dt.date]) -> bool:
    """Monday to Friday and not a libur nasional or cuti bersama (pass both kinds in `holidays`)."""
    return day.weekday() < 5 and day not in holidays


def nth_working_day_after(day: dt.date, n: int, holidays: Collection[dt.date]) -> dt.date:
    """The n-th working day strictly after `day` (n ≥ 1); `day` itself never counts."""
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    off = holidays if isinstance(holidays, (set, frozenset)) else frozenset(holidays)
    current = day
    while n:
        current += dt.timedelta(days=1)
        if is_working_day(current, off):
            n -= 1
    return current


def working_days_between(a: dt.date, b: dt.date, holidays: Collection[dt.date]) -> int:
    """Working days d with a < d ≤ b — the count `due` uses (the start day excluded, the last day included).

    Negative when b is before a (−count of working days d with b < d ≤ a), so "working days left" can go below zero
    for an overdue case. Datetimes count as their own calendar date; convert them to the region's zone first.
    """
    if b < a:
        return -working_days_between(b, a, holidays)
    off = holidays if isinstance(holidays, (set, frozenset)) else frozenset(holidays)
    count = 0
    current = a
    while current < b:
        current += dt.timedelta(days=1)
        if is_working_day(current, off):
            count += 1
    return count


def end_of_day(day: dt.date, tz: str) -> dt.datetime:
    """23:59:59.999999 of a day in a zone: the moment a day-based deadline ends."""
    return dt.datetime.combine(day, dt.time.max, tzinfo=_zone(tz))


def due(
    start: dt.datetime,
    amount: int,
    unit: Unit,
    *,
    tz: str,
    holidays: Collection[dt.date],
) -> dt.datetime:
    """The moment a deadline of `amount` `unit` starting at `start` ends, as an aware datetime in zone `tz`.

    - "days": end of the amount-th calendar day after the local start day;
    - "working_days": end of the amount-th working day after the local start day (weekends and `holidays` skipped);
    - "hours": start + amount hours, exactly.
    `start` must be aware; `amount` ≥ 1; `holidays` holds libur nasional and cuti bersama dates (used only for
    working days). See the module docstring for why.
    """
    _require_aware("start", start)
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 1:
        raise ValueError(f"amount must be a positive integer, not {amount!r}")
    zone = _zone(tz)
    local = start.astimezone(zone)
    if unit == "hours":
        return (start.astimezone(dt.UTC) + dt.timedelta(hours=amount)).astimezone(zone)
    if unit == "days":
        return end_of_day(local.date() + dt.timedelta(days=amount), tz)
    if unit == "working_days":
        return end_of_day(nth_working_day_after(local.date(), amount, holidays), tz)
    raise ValueError(f"unknown unit {unit!r} (days, working_days, hours)")


def due_for_step(
    start: dt.datetime,
    regime: str,
    step_code: str,
    *,
    tz: str,
    catalogue: Catalogue | None = None,
) -> dt.datetime:
    """`due` for a procedure step of the catalogue (amount and unit from procedures.toml, holidays from
    holidays.toml). Raises KeyError for an unknown regime or step and `HolidayDataMissing` when a working-day
    deadline would cross a year without an official holiday list (rather than silently ignoring its holidays).
    """
    cat = catalogue or load_catalogue()
    s = cat.step(regime, step_code)
    result = due(start, s.amount, s.unit, tz=tz, holidays=cat.holiday_dates())
    if s.unit == "working_days":
        first = start.astimezone(_zone(tz)).year
        missing = [y for y in range(first, result.year + 1) if y not in cat.holiday_years]
        if missing:
            known = ", ".join(str(y) for y in cat.holiday_years)
            raise HolidayDataMissing(
                f"no official holiday list for {', '.join(map(str, missing))} (holidays.toml has {known}); "
                f"add the year's SKB 3 Menteri before computing working-day deadlines in it"
            )
    return result


Status = Literal["overdue", "due_soon", "on_track"]

_STATUS_LABELS: dict[str, str] = {
    "overdue": "Lewat batas waktu",
    "due_soon": "Segera jatuh tempo",
    "on_track": "Masih dalam batas waktu",
}


@dataclass(frozen=True, slots=True)
class Remaining:
    """Time left until a deadline, for badges. `left` is negative once the deadline has passed."""

    due: dt.datetime
    left: dt.timedelta
    status: Status

    @property
    def overdue(self) -> bool:
        return self.status == "overdue"

    @property
    def label(self) -> str:
        """Indonesian badge text."""
        return _STATUS_LABELS[self.status]


def remaining(now: dt.datetime, due: dt.datetime, *, soon: dt.timedelta = DEFAULT_SOON) -> Remaining:
    """How long until `due`: overdue once `now` is past it, due_soon within `soon` (default 24 h), else on_track.

    Both datetimes must be aware. A deadline is met up to and including its due instant.
    """
    _require_aware("now", now)
    _require_aware("due", due)
    left = due - now
    status: Status
    if left < dt.timedelta(0):
        status = "overdue"
    elif left <= soon:
        status = "due_soon"
    else:
        status = "on_track"
    return Remaining(due=due, left=left, status=status)
