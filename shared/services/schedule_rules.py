"""Pure scheduling rules (no database): times of day, interval validation, template days, local time
ranges in a time zone, free gaps, slots and channel shares. The services in `schedules` and `booking`
feed them rows and store what they return.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from shared.errors import QT_TRANSLATE_NOOP, DomainError

MINUTES_PER_DAY = 1440


class InvalidSchedule(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The schedule cannot be saved: {reason}")
    translatable_params = ("reason",)


REASONS = {
    "bad_time": QT_TRANSLATE_NOOP("DomainError", "a time must look like 08:30 (00:00 to 24:00)."),
    "empty": QT_TRANSLATE_NOOP("DomainError", "a time range ends when it starts."),
    "crosses_midnight": QT_TRANSLATE_NOOP(
        "DomainError",
        "a time range ends before it starts. A shift across midnight is entered as two ranges: "
        "until 24:00 on the first day and from 00:00 on the next.",
    ),
    "overlap": QT_TRANSLATE_NOOP("DomainError", "two working ranges of one day overlap."),
    "break_outside": QT_TRANSLATE_NOOP("DomainError", "a break must lie inside a working range of its day."),
    "break_overlap": QT_TRANSLATE_NOOP("DomainError", "two breaks of one day overlap."),
    "no_work": QT_TRANSLATE_NOOP("DomainError", "the template has no working hours."),
    "bad_day": QT_TRANSLATE_NOOP("DomainError", "a day of the template is outside its cycle."),
    "period": QT_TRANSLATE_NOOP("DomainError", "the period ends before it starts."),
    "cycle": QT_TRANSLATE_NOOP("DomainError", "a shift cycle is 2 to 28 days long."),
    "name": QT_TRANSLATE_NOOP("DomainError", "give the template a name."),
    "too_long": QT_TRANSLATE_NOOP("DomainError", "a schedule is generated for at most 366 days at once."),
}


def invalid(reason: str) -> InvalidSchedule:
    return InvalidSchedule(reason=REASONS[reason])


def parse_hhmm(value: str) -> int:
    """'8:30' / '08:30' -> 510; '24:00' is the end of the day. Anything else is refused."""
    text = (value or "").strip().replace(".", ":")
    hours, sep, minutes = text.partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2 or len(hours) > 2:
        raise invalid("bad_time")
    h, m = int(hours), int(minutes)
    if m > 59 or h > 24 or (h == 24 and m):
        raise invalid("bad_time")
    return h * 60 + m


def format_minutes(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@dataclass(frozen=True)
class DayInterval:
    """A range of one template day in minutes from local midnight."""

    day_index: int
    start_minute: int
    end_minute: int
    kind: str = "work"
    office_id: int | None = None


def validate_intervals(intervals: Sequence[DayInterval], *, days: range | None = None) -> None:
    """Refuses empty or reversed ranges, overlapping work ranges, breaks outside work, unknown days."""
    for item in intervals:
        if not (0 <= item.start_minute <= MINUTES_PER_DAY and 0 <= item.end_minute <= MINUTES_PER_DAY):
            raise invalid("bad_time")
        if item.end_minute == item.start_minute:
            raise invalid("empty")
        if item.end_minute < item.start_minute:
            raise invalid("crosses_midnight")
        if days is not None and item.day_index not in days:
            raise invalid("bad_day")
    by_day: dict[int, list[DayInterval]] = {}
    for item in intervals:
        by_day.setdefault(item.day_index, []).append(item)
    for items in by_day.values():
        work = sorted((i for i in items if i.kind == "work"), key=lambda i: i.start_minute)
        breaks = sorted((i for i in items if i.kind == "break"), key=lambda i: i.start_minute)
        for a, b in zip(work, work[1:], strict=False):
            if b.start_minute < a.end_minute:
                raise invalid("overlap")
        for a, b in zip(breaks, breaks[1:], strict=False):
            if b.start_minute < a.end_minute:
                raise invalid("break_overlap")
        for br in breaks:
            if not any(w.start_minute <= br.start_minute and br.end_minute <= w.end_minute for w in work):
                raise invalid("break_outside")


def template_day_index(kind: str, day: dt.date, *, anchor: dt.date, cycle_days: int | None) -> int:
    """Which template day a calendar day is: ISO weekday, day of the cycle from anchor, or parity."""
    if kind == "weekly":
        return day.isoweekday()
    if kind == "cycle":
        assert cycle_days
        return (day - anchor).days % cycle_days
    if kind == "parity":
        return day.day % 2  # 0: even dates, 1: odd dates
    raise ValueError(kind)


def template_days(kind: str, cycle_days: int | None) -> range:
    if kind == "weekly":
        return range(1, 8)
    if kind == "cycle":
        return range(0, cycle_days or 0)
    return range(0, 2)


def local_range(day: dt.date, start_minute: int, end_minute: int, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """The aware instants of a wall-clock range of ``day`` in ``zone`` (24:00 is the next midnight).

    Wall time is kept: on a day when clocks move (zones that still have summer time), an 8-hour
    wall-clock shift is 7 or 9 real hours, as the staff member actually works it.
    """
    midnight = dt.datetime.combine(day, dt.time())

    def at(minute: int) -> dt.datetime:
        wall = midnight + dt.timedelta(minutes=minute)
        return wall.replace(tzinfo=zone)

    return at(start_minute), at(end_minute)


def local_minutes(instant: dt.datetime, zone: ZoneInfo) -> tuple[dt.date, int]:
    wall = instant.astimezone(zone)
    return wall.date(), wall.hour * 60 + wall.minute


Period = tuple[dt.datetime, dt.datetime]


def subtract(periods: Iterable[Period], holes: Iterable[Period]) -> list[Period]:
    """``periods`` minus ``holes``, as sorted disjoint periods."""
    result = sorted(periods)
    for h_start, h_end in sorted(holes):
        next_result: list[Period] = []
        for start, end in result:
            if h_end <= start or h_start >= end:
                next_result.append((start, end))
                continue
            if start < h_start:
                next_result.append((start, h_start))
            if h_end < end:
                next_result.append((h_end, end))
        result = next_result
    return result


def minutes_of(periods: Iterable[Period]) -> int:
    return int(sum((end - start).total_seconds() for start, end in periods) // 60)


def slots_in(free: Iterable[Period], duration: dt.timedelta, *, not_before: dt.datetime | None = None) -> list[Period]:
    """Slots of ``duration`` laid one after another from the start of each free gap.

    A gap starts where work starts or where a booking ends, so slots pack around bookings of other
    lengths instead of leaving holes between them.
    """
    slots: list[Period] = []
    for start, end in free:
        cursor = start
        if not_before is not None and cursor < not_before:
            # Keep the gap's own grid: the first slot on the grid that has not started yet.
            steps = -(-(not_before - cursor) // duration)
            cursor = cursor + steps * duration
        while cursor + duration <= end:
            slots.append((cursor, cursor + duration))
            cursor += duration
    return slots


def channel_allows(capacity_minutes: int, shares: Mapping[str, int], used: Mapping[str, int],
                   channel: str, minutes: int) -> bool:
    """Whether ``channel`` may book ``minutes`` more of a resource-day under reserved shares.

    Each channel's share (percent of the day's capacity) is kept for it; what no share reserves is
    common. A channel books into its own reserve first, then into the common remainder that other
    channels have not already used beyond their reserves.
    """
    if not shares:
        return True
    reserved = {c: capacity_minutes * p // 100 for c, p in shares.items()}
    common = capacity_minutes - sum(reserved.values())
    common_used = sum(max(0, used.get(c, 0) - reserved.get(c, 0)) for c in set(used) | set(reserved))
    own_left = reserved.get(channel, 0) - used.get(channel, 0)
    return minutes <= max(0, own_left) + max(0, common - common_used)


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
