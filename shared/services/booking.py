"""Pre-registration: free slots, booking, rescheduling, cancelling, arrival and no-show, moving a sick
doctor's day, the waiting list, and the workload of resources.

Slots are computed, not stored: generated working ranges minus breaks minus the periods active
bookings hold, cut into the service's duration for that resource. A booking is one INSERT into
``bookings``; a trigger derives the rows of ``booking_resources``, whose exclusion constraint refuses
a second active booking of any held resource at an overlapping time. The loser of a race gets
`SlotTaken` with the nearest free slots. Functions take the user's Connection; the caller commits.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.models.scheduling import ACTIVE_STATUSES, CHANNELS
from shared.services.schedule_rules import (
    Period,
    age_on,
    channel_allows,
    local_range,
    minutes_of,
    slots_in,
    subtract,
)
from shared.services.schedules import WHAT_RESOURCE, WHAT_SERVICE, NotFound, organization_zone

_ACTIVE_SQL = "(" + ", ".join(f"'{s}'" for s in ACTIVE_STATUSES) + ")"
_LOCK_CLASS = 5105  # advisory lock namespace: one resource's bookings are checked one at a time
MAX_SEARCH_DAYS = 92
_FIRST_FREE_DAYS = 3  # the first-free search judges this many days with room at a time


class BookingRefused(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The booking cannot be made: {reason}")
    translatable_params = ("reason",)

    def render(self, translate=None) -> str:
        # The reason may have placeholders of its own ({age}), filled after it is translated.
        tr = translate or (lambda s: s)
        try:
            reason = tr(self.params["reason"]).format(**self.params)
            return tr(self.message).format(reason=reason)
        except (KeyError, IndexError, ValueError):
            return self.message.format(reason=str(self.params.get("reason", "")).format(**self.params))


REFUSALS = {
    "past": QT_TRANSLATE_NOOP("DomainError", "the time has already passed."),
    "outside_hours": QT_TRANSLATE_NOOP(
        "DomainError", "the time is outside the working hours of the schedule (or falls on a break)."),
    "not_performed": QT_TRANSLATE_NOOP("DomainError", "this doctor or room does not perform the service."),
    "sex_f": QT_TRANSLATE_NOOP("DomainError", "the service is provided to women only."),
    "sex_m": QT_TRANSLATE_NOOP("DomainError", "the service is provided to men only."),
    "too_young": QT_TRANSLATE_NOOP("DomainError", "the patient is younger than the service allows ({age})."),
    "too_old": QT_TRANSLATE_NOOP("DomainError", "the patient is older than the service allows ({age})."),
    "day_full": QT_TRANSLATE_NOOP("DomainError", "the day's maximum number of patients is reached."),
    "channel_full": QT_TRANSLATE_NOOP("DomainError", "the time reserved for this booking channel is used up."),
    "who": QT_TRANSLATE_NOOP("DomainError", "choose a client, or give a name and a phone for an anonymous booking."),
    "channel": QT_TRANSLATE_NOOP("DomainError", "unknown booking channel."),
    "naive_time": QT_TRANSLATE_NOOP("DomainError", "the time has no time zone."),
    "inactive": QT_TRANSLATE_NOOP("DomainError", "the service or the resource is no longer in use."),
    "merged": QT_TRANSLATE_NOOP("DomainError", "the client's record was merged into another one."),
}


def refused(reason: str, **params) -> BookingRefused:
    return BookingRefused(reason=REFUSALS[reason], **params)


@dataclass(frozen=True)
class Slot:
    resource_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    office_id: int | None


class SlotTaken(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "This time has just been taken by someone else. The nearest free times are offered instead."
    )

    def __init__(self, alternatives: tuple[Slot, ...]) -> None:
        self.alternatives = alternatives
        super().__init__()


class BookingChanged(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The booking was changed by {user} at {time}. Reload it and try again."
    )


class StatusNotAllowed(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "A booking that is '{old}' cannot become '{new}'.")
    translatable_params = ("old", "new")

    def __init__(self, old: str, new: str) -> None:
        self.old_code, self.new_code = old, new
        super().__init__(old=STATUS_NAMES.get(old, old), new=STATUS_NAMES.get(new, new))


WHAT_BOOKING = QT_TRANSLATE_NOOP("DomainError", "The booking no longer exists or is not available to you.")
WHAT_WAITING = QT_TRANSLATE_NOOP("DomainError", "The waiting list entry is no longer waiting: it was booked "
                                                "or withdrawn meanwhile.")

STATUS_NAMES = {
    "booked": QT_TRANSLATE_NOOP("DomainError", "booked"),
    "confirmed": QT_TRANSLATE_NOOP("DomainError", "confirmed"),
    "arrived": QT_TRANSLATE_NOOP("DomainError", "arrived"),
    "in_progress": QT_TRANSLATE_NOOP("DomainError", "in progress"),
    "done": QT_TRANSLATE_NOOP("DomainError", "done"),
    "no_show": QT_TRANSLATE_NOOP("DomainError", "no-show"),
    "cancelled": QT_TRANSLATE_NOOP("DomainError", "cancelled"),
    "rescheduled": QT_TRANSLATE_NOOP("DomainError", "moved to another time"),
}


class CancelReasonRequired(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "Say why the booking is cancelled.")


class InvalidWaitingPeriod(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The wanted period ends before it starts.")

TRANSITIONS = {
    "booked": {"confirmed", "arrived", "no_show", "cancelled"},
    "confirmed": {"arrived", "no_show", "cancelled", "booked"},
    "arrived": {"in_progress", "done", "cancelled", "booked"},
    "in_progress": {"done", "arrived"},
    "no_show": {"booked"},
    "done": set(),
    "cancelled": set(),
}


# --- what the database holds -----------------------------------------------------------------------


@dataclass
class _ResourceDay:
    work: list[tuple[Period, int | None]] = field(default_factory=list)  # (period, office_id)
    breaks: list[Period] = field(default_factory=list)
    # Free gaps of the working ranges (minus breaks and every active booking of the resource or of
    # the office it works in), computed by the server with multirange arithmetic.
    free: list[tuple[Period, int | None]] = field(default_factory=list)
    channel_minutes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    patients: int = 0
    planned: int | None = None  # working minutes without breaks, when the server computed them

    def capacity(self) -> int:
        if self.planned is not None:
            return self.planned
        return minutes_of(subtract([p for p, _ in self.work], self.breaks))


def _day_usage(connection: Connection, resource_ids: Sequence[int], first: dt.date,
               last: dt.date) -> dict[tuple[int, dt.date], tuple[dict[str, int], int]]:
    """(minutes per channel, bookings) of each resource-day with active bookings."""
    usage: dict[tuple[int, dt.date], tuple[dict[str, int], int]] = {}
    for resource_id, day, channel, count, minutes in connection.execute(text(
            "SELECT * FROM schedule_channel_usage(:ids, :a, :b)"), {"ids": list(resource_ids), "a": first, "b": last}):
        by_channel, total = usage.get((resource_id, day), ({}, 0))
        by_channel[channel] = by_channel.get(channel, 0) + minutes
        usage[(resource_id, day)] = (by_channel, total + count)
    return usage


def _load_days(connection: Connection, resource_ids: Sequence[int], first: dt.date, last: dt.date,
               zone: ZoneInfo, *, shortest: int = 1, not_before: dt.datetime | None = None,
               first_per_day: bool = False, intervals: bool = True,
               pairs: Sequence[tuple[int, dt.date]] | None = None,
               usage: dict | None = None) -> dict[tuple[int, dt.date], _ResourceDay]:
    """Free gaps (and, with ``intervals``, the working ranges and breaks) of resource-days -- every day of
    [first, last] for each resource, or just ``pairs`` -- with what each booking channel has used of them."""
    days: dict[tuple[int, dt.date], _ResourceDay] = defaultdict(_ResourceDay)
    if not resource_ids:
        return days
    ids = list(resource_ids)
    if intervals:
        for row in connection.execute(text(
            "SELECT resource_id, day, kind, lower(period) AS s, upper(period) AS e, office_id FROM schedule_intervals "
            "WHERE resource_id = ANY(:ids) AND day BETWEEN :a AND :b"
        ), {"ids": ids, "a": first, "b": last}):
            item = days[(row.resource_id, row.day)]
            if row.kind == "work":
                item.work.append(((row.s, row.e), row.office_id))
            else:
                item.breaks.append((row.s, row.e))
    if pairs is None:
        span = (last - first).days + 1
        pairs = [(r, first + dt.timedelta(days=k)) for r in ids for k in range(span)]
    if pairs:
        # Free gaps and channel usage come from security-definer functions (see 0004_functions.sql):
        # under row-level security the range-overlap operator could not use the GiST indexes.
        for resource_id, day, office_id, starts, ends, planned in connection.execute(text(
            "SELECT * FROM schedule_free_gaps(:ids, :days, :shortest, :nb, :fpd)"
        ), {"ids": [r for r, _ in pairs], "days": [d for _, d in pairs], "shortest": shortest,
            "nb": not_before or dt.datetime.min.replace(tzinfo=dt.UTC), "fpd": first_per_day}):
            item = days[(resource_id, day)]
            item.free.append(((starts, ends), office_id))
            item.planned = planned
    if not days:
        return days
    if usage is None:
        usage = _day_usage(connection, ids, first, last)
    for key, (by_channel, count) in usage.items():
        item = days.get(key)
        if item is not None:
            item.channel_minutes.update(by_channel)
            item.patients += count
    return days


def _bookable_days(connection: Connection, candidates: Sequence[_Candidate], first: dt.date, last: dt.date,
                   zone: ZoneInfo, channel: str, now: dt.datetime, release: dt.timedelta, *,
                   days_with_room: int | None = None) -> tuple[list[tuple[int, dt.date]], dict, dt.date]:
    """The resource-days of [first, last] that room, the day limit and the channel's share leave open --
    judged from the planned minutes and the day usage alone, in one query that leaves out days booked
    to the full -- the usage it read of them (for `_load_days`), and the last day judged: ``last``, or
    with ``days_with_room`` the last of that many first days with room for someone (the first-free
    search needs the first of them; a window of weeks with room every day made thousands of rows).
    (Bookings left outside the plan by a changed schedule are listed at generation for the head of
    registry to move.)"""
    by_id = {c.resource_id: c for c in candidates}
    shortest = min(int(c.duration.total_seconds() // 60) for c in candidates)
    # The days with room first, then one row per channel that used some of each (each day's channels
    # were aggregated into arrays, which spilled to disk for a fortnight of 100 doctors).
    rows = connection.execute(text(
        "WITH usage AS MATERIALIZED (SELECT * FROM schedule_channel_usage(:ids, :a, :b)), "
        "open AS MATERIALIZED ("
        "    SELECT p.resource_id, p.day, p.minutes FROM ("
        "        SELECT resource_id, day, (sum(CASE WHEN kind = 'work' THEN 1 ELSE -1 END "
        "            * extract(epoch FROM upper(period) - lower(period))) / 60)::integer AS minutes "
        "          FROM schedule_intervals WHERE resource_id = ANY(:ids) AND day BETWEEN :a AND :b GROUP BY 1, 2) p "
        "    LEFT JOIN (SELECT resource_id, day, sum(minutes) AS minutes FROM usage GROUP BY 1, 2) t "
        "           USING (resource_id, day) "
        "    WHERE p.minutes - coalesce(t.minutes, 0) >= :shortest), "
        "ranked AS (SELECT *, dense_rank() OVER (ORDER BY day) AS n FROM open) "
        "SELECT o.resource_id, o.day, o.minutes, u.channel, u.bookings, u.minutes AS used "
        "FROM ranked o LEFT JOIN usage u USING (resource_id, day) "
        "WHERE CAST(:n AS integer) IS NULL OR o.n <= :n"),
        {"ids": list(by_id), "a": first, "b": last, "shortest": shortest, "n": days_with_room}).all()
    planned: dict[tuple[int, dt.date], int] = {}
    used: dict[tuple[int, dt.date], tuple[dict[str, int], int]] = {}
    for resource_id, day, minutes, used_by, bookings, minutes_used in rows:
        planned[(resource_id, day)] = minutes
        by_channel, count = used.get((resource_id, day), ({}, 0))
        if used_by is not None:
            by_channel[used_by] = minutes_used
            count += bookings
        used[(resource_id, day)] = (by_channel, count)
    durations = {c.resource_id: int(c.duration.total_seconds() // 60) for c in candidates}
    # Within the release window every channel books freely: a day reaching into it is searched (its
    # slots there are open whatever the shares say).
    judged = {day for _, day in planned}
    if days_with_room is not None and len(judged) >= days_with_room:
        last = max(judged)
    released = {day: local_range(day, 0, 0, zone)[0] - now <= release for day in judged}
    open_days, usage = [], {}
    for (resource_id, day), minutes in planned.items():
        by_channel, count = used[(resource_id, day)]
        cand, duration = by_id[resource_id], durations[resource_id]
        if cand.max_per_day is not None and count >= cand.max_per_day:
            continue
        if minutes - sum(by_channel.values()) < duration:
            continue
        if released[day] or channel_allows(minutes, cand.shares, by_channel, channel, duration):
            open_days.append((resource_id, day))
            usage[(resource_id, day)] = (by_channel, count)
    return sorted(open_days, key=itemgetter(1, 0)), usage, last


@dataclass(frozen=True)
class _Candidate:
    resource_id: int
    duration: dt.timedelta
    max_per_day: int | None
    shares: dict[str, int]


def _candidates(connection: Connection, organization_id: int, service_id: int, *,
                resource_id: int | None = None, specialty_id: int | None = None) -> list[_Candidate]:
    rows = connection.execute(text(
        "SELECT r.id, rs.duration_minutes, r.max_patients_per_day FROM resource_services rs "
        "JOIN schedule_resources r ON r.id = rs.resource_id "
        "LEFT JOIN staff_members s ON s.id = r.staff_member_id "
        "WHERE rs.service_id = :svc AND r.organization_id = :o AND r.is_active "
        "AND (CAST(:r AS integer) IS NULL OR r.id = :r) "
        "AND (CAST(:sp AS integer) IS NULL OR s.specialty_id = :sp) ORDER BY r.id"
    ), {"svc": service_id, "o": organization_id, "r": resource_id, "sp": specialty_id}).all()
    shares = _shares_in_force(connection, organization_id)
    return [_Candidate(r.id, dt.timedelta(minutes=r.duration_minutes), r.max_patients_per_day, shares(r.id))
            for r in rows]


def _shares_in_force(connection: Connection, organization_id: int):
    """resource id -> the channel shares in force for it (its own, else the organization's default), read
    in one query for all resources; `schedules.channel_shares` answers the same for one resource."""
    rows = connection.execute(text(
        "SELECT resource_id, channel, percent FROM channel_shares WHERE organization_id = :o"
    ), {"o": organization_id}).all()
    default = {r.channel: r.percent for r in rows if r.resource_id is None}
    own: dict[int, dict[str, int]] = defaultdict(dict)
    for r in rows:
        if r.resource_id is not None:
            own[r.resource_id][r.channel] = r.percent
    return lambda resource_id: own.get(resource_id) or default


def _release_hours(connection: Connection, organization_id: int) -> int:
    return connection.scalar(text("SELECT booking_release_hours FROM organizations WHERE id = :o"),
                             {"o": organization_id}) or 0


def _organization_rules(connection: Connection, organization_id: int) -> tuple[ZoneInfo, dt.timedelta]:
    """The organization's time zone (as `organization_zone`) and booking release window, in one query."""
    row = connection.execute(text("SELECT time_zone, booking_release_hours FROM organizations WHERE id = :o"),
                             {"o": organization_id}).first()
    if row is None:
        return ZoneInfo("Europe/Moscow"), dt.timedelta(0)
    return ZoneInfo(row.time_zone or "Europe/Moscow"), dt.timedelta(hours=row.booking_release_hours or 0)


def _day_slots(cand: _Candidate, item: _ResourceDay, channel: str, now: dt.datetime,
               release: dt.timedelta, *, first: bool = False) -> list[Slot]:
    """The resource-day's free slots for the candidate's service (only the earliest with ``first``)."""
    if not item.free or (cand.max_per_day is not None and item.patients >= cand.max_per_day):
        return []
    allowed: bool | None = None  # the channel's share decides for the whole day; computed when needed
    result = []
    for period, office in item.free:
        for start, end in slots_in([period], cand.duration, not_before=now):
            if start - now > release:
                if allowed is None:
                    allowed = channel_allows(item.capacity(), cand.shares, item.channel_minutes, channel,
                                             int(cand.duration.total_seconds() // 60))
                if not allowed:
                    continue
            result.append(Slot(cand.resource_id, start, end, office))
            if first:
                return result
    return result


def check_patient(connection: Connection, service_id: int, patient_id: int | None, on: dt.date) -> None:
    """Refuses a client the service's sex or age restrictions exclude (anonymous bookings pass)."""
    service = connection.execute(text("SELECT sex, age_min, age_max FROM medical_services WHERE id = :s"),
                                 {"s": service_id}).first()
    if service is None:
        raise NotFound(WHAT_SERVICE)
    if patient_id is None:
        return
    patient = connection.execute(text("SELECT sex, birth_date, merged_into_id FROM patients WHERE id = :p"),
                                 {"p": patient_id}).first()
    if patient is None:
        raise refused("who")
    if patient.merged_into_id is not None:
        raise refused("merged")
    if service.sex and patient.sex != service.sex:
        raise refused("sex_f" if service.sex == "F" else "sex_m")
    age = age_on(patient.birth_date, on)
    if service.age_min is not None and age < service.age_min:
        raise refused("too_young", age=age)
    if service.age_max is not None and age > service.age_max:
        raise refused("too_old", age=age)


def find_slots(connection: Connection, organization_id: int, service_id: int, *, first_day: dt.date,
               days: int = 1, channel: str = "registry", resource_id: int | None = None,
               specialty_id: int | None = None, patient_id: int | None = None, first_only: bool = False,
               now: dt.datetime | None = None, limit: int | None = None) -> list[Slot]:
    """Free slots for the service from ``first_day``: "all free on these days" (``days``), or with
    ``first_only`` the earliest free slot of each resource on the first day that has any, searching
    ahead up to three months."""
    if channel not in CHANNELS:
        raise refused("channel")
    now = now or dt.datetime.now(dt.UTC)
    zone = organization_zone(connection, organization_id)
    today = now.astimezone(zone).date()
    first_day = max(first_day, today)
    check_patient(connection, service_id, patient_id, first_day)
    candidates = _candidates(connection, organization_id, service_id, resource_id=resource_id,
                             specialty_id=specialty_id)
    if not candidates:
        return []
    release = dt.timedelta(hours=_release_hours(connection, organization_id))
    found: list[Slot] = []
    window = days if not first_only else 14
    start_day = first_day
    searched = 0
    pending = {c.resource_id: c for c in candidates}
    while pending:
        last_day = start_day + dt.timedelta(days=window - 1)
        shortest = min(int(c.duration.total_seconds() // 60) for c in pending.values())
        pairs, usage, last_day = _bookable_days(connection, list(pending.values()), start_day, last_day, zone,
                                                channel, now, release,
                                                days_with_room=_FIRST_FREE_DAYS if first_only else None)
        # "All free": the whole window at once. "First free": free gaps cost their bookings, so one day
        # at a time, in date order, until a day gives slots.
        batches = [pairs] if not first_only else [list(days) for _, days in groupby(pairs, key=itemgetter(1))]
        for batch in batches:
            loaded = _load_days(connection, list(pending), start_day, last_day, zone, shortest=shortest,
                                not_before=now, first_per_day=first_only, intervals=False, pairs=batch,
                                usage=usage)
            for resource_id, day in batch:
                cand = pending.get(resource_id)
                item = loaded.get((resource_id, day))
                if cand is None or item is None or not item.free:
                    continue
                slots = _day_slots(cand, item, channel, now, release, first=first_only)
                if first_only and slots:
                    found.append(slots[0])
                    del pending[resource_id]
                else:
                    found.extend(slots)
            if found and first_only:
                break
        searched = (last_day - first_day).days + 1
        # Windows are searched in date order: once one holds a free slot, no later one has an earlier.
        if not first_only or found or searched >= MAX_SEARCH_DAYS:
            break
        start_day = last_day + dt.timedelta(days=1)
        # Full days cost little (the query leaves them out): a week with no room at all widens the
        # next window (a popular service is often booked up weeks ahead).
        window = max(1, min(window * 3 if not pairs else 14, MAX_SEARCH_DAYS - searched))
    found.sort(key=lambda s: (s.starts_at, s.resource_id))
    return found[:limit] if limit else found


def first_free(connection: Connection, organization_id: int, service_id: int, **kwargs) -> Slot | None:
    slots = find_slots(connection, organization_id, service_id, first_only=True, **kwargs)
    return slots[0] if slots else None


class GridBooking(NamedTuple):
    """A booking as the day's grid shows it: who, what, when, and its state (`booking` reads the rest
    -- phone, note, history -- of the one chosen). A named tuple rather than a frozen dataclass like
    BookingInfo: a grid holds thousands, and a tuple is made several times faster."""

    id: int
    version: int
    patient_id: int | None
    client_name: str
    service_id: int
    service_name: str
    resource_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    channel: str
    status: str


@dataclass(frozen=True)
class DayGrid:
    """What the registrar's grid shows for a day: free slots and existing bookings per resource."""

    day: dt.date
    slots: tuple[Slot, ...]
    bookings: tuple[GridBooking, ...]  # in time order


_GRID_BOOKINGS_SQL = f"""
SELECT b.id, b.version, b.patient_id,
       coalesce(nullif(btrim(concat_ws(' ', p.last_name, p.first_name, p.middle_name)), ''), b.contact_name),
       b.service_id, s.name, b.resource_id, date_part('epoch', lower(b.period)), date_part('epoch', upper(b.period)),
       b.channel, b.status
  FROM bookings b
  JOIN medical_services s ON s.id = b.service_id
  LEFT JOIN patients p ON p.id = b.patient_id
 WHERE b.organization_id = :o AND b.resource_id = ANY(:ids) AND b.starts_at >= :s AND b.starts_at < :e
   AND b.status IN {_ACTIVE_SQL}
 ORDER BY lower(b.period), b.resource_id
"""  # noqa: S608 -- the statuses are this module's constants


def _grid_bookings(connection: Connection, organization_id: int, resource_ids: Sequence[int], day: dt.date,
                   zone: ZoneInfo) -> tuple[GridBooking, ...]:
    """The day's active bookings of the resources, read in batches (rows do not outlive their batch)."""
    start, _ = local_range(day, 0, 0, zone)
    end, _ = local_range(day + dt.timedelta(days=1), 0, 0, zone)
    moments = _moments(zone)
    new, items = tuple.__new__, []
    result = connection.execute(text(_GRID_BOOKINGS_SQL), {"o": organization_id, "ids": list(resource_ids),
                                                            "s": start, "e": end})
    for rows in result.partitions(500):
        items += [new(GridBooking, (id_, version, patient_id, client, service_id, service_name, resource_id,
                                    moments[starts], moments[ends], channel, status))
                  for (id_, version, patient_id, client, service_id, service_name, resource_id, starts, ends,
                       channel, status) in rows]
    return tuple(items)


def day_grid(connection: Connection, organization_id: int, resource_ids: Sequence[int], day: dt.date, *,
             service_id: int | None = None, channel: str = "registry",
             now: dt.datetime | None = None) -> DayGrid:
    """Free slots of ``day`` for the resources (of ``service_id``'s duration, or each resource's
    shortest service) and the day's active bookings of those resources."""
    now = now or dt.datetime.now(dt.UTC)
    zone, release = _organization_rules(connection, organization_id)
    rows = connection.execute(text(
        "SELECT rs.resource_id, min(rs.duration_minutes) AS minutes, r.max_patients_per_day FROM resource_services rs "
        "JOIN schedule_resources r ON r.id = rs.resource_id WHERE rs.resource_id = ANY(:ids) "
        "AND (CAST(:s AS integer) IS NULL OR rs.service_id = :s) GROUP BY rs.resource_id, r.max_patients_per_day"
    ), {"ids": list(resource_ids), "s": service_id}).all()
    slots: list[Slot] = []
    if rows:
        shares = _shares_in_force(connection, organization_id)
        candidates = [_Candidate(r.resource_id, dt.timedelta(minutes=r.minutes), r.max_patients_per_day,
                                 shares(r.resource_id)) for r in rows]
        # Days booked to the full (or closed by a day limit or the channel's share) are left out before
        # their free gaps are computed, as the first-free search does.
        pairs, usage, _ = _bookable_days(connection, candidates, day, day, zone, channel, now, release)
        loaded = _load_days(connection, [c.resource_id for c in candidates], day, day, zone,
                            shortest=min(r.minutes for r in rows), not_before=now, intervals=False, pairs=pairs,
                            usage=usage)
        for cand in candidates:
            item = loaded.get((cand.resource_id, day))
            if item is not None and item.free:
                slots.extend(_day_slots(cand, item, channel, now, release))
        slots.sort(key=lambda s: (s.resource_id, s.starts_at))
    return DayGrid(day, tuple(slots), _grid_bookings(connection, organization_id, resource_ids, day, zone))


# --- booking -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BookingInfo:
    id: int
    version: int
    organization_id: int
    patient_id: int | None
    client_name: str
    phone: str
    service_id: int
    service_name: str
    resource_id: int
    resource_name: str
    office: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    channel: str
    status: str
    cancel_reason: str
    note: str
    booked_by: str


# Bookings with their client and service; resource and office names are looked up once per list
# (joining them per row misled the planner into walking every resource of the organization). Times
# come as seconds since the epoch (float8 holds any timestamptz's microseconds exactly), which the
# driver reads several times faster than timestamptz text, and the user name as stored: `_bookings`
# converts each distinct value once.
_PHONE = """coalesce((SELECT ph.digits FROM patient_phones ph WHERE ph.patient_id = b.patient_id ORDER BY ph.id
                    LIMIT 1), b.contact_phone)"""
_BOOKING_SQL = """
SELECT b.id, b.version, b.organization_id, b.patient_id,
       coalesce(nullif(btrim(concat_ws(' ', p.last_name, p.first_name, p.middle_name)), ''), b.contact_name)
           AS client_name,
       """ + _PHONE + """ AS phone,
       b.service_id, s.name AS service_name, b.resource_id, b.office_id,
       date_part('epoch', lower(b.period)) AS starts_at, date_part('epoch', upper(b.period)) AS ends_at,
       b.channel, b.status, b.cancel_reason, b.note, b.booked_by
  FROM bookings b
  JOIN medical_services s ON s.id = b.service_id
  LEFT JOIN patients p ON p.id = b.patient_id
"""

_NAMES_SQL = """
SELECT r.id, r.office_id,
       CASE r.kind WHEN 'staff' THEN btrim(st.last_name || ' ' || left(st.first_name, 1) || '.'
                                      || CASE WHEN st.middle_name <> '' THEN left(st.middle_name, 1) || '.' ELSE '' END)
                   WHEN 'office' THEN btrim(o.number || ' ' || o.name) ELSE r.name END AS name
  FROM schedule_resources r
  LEFT JOIN staff_members st ON st.id = r.staff_member_id
  LEFT JOIN offices o ON o.id = r.office_id
 WHERE r.id = ANY(:ids)
"""


class _Memo(dict):
    """``convert(value)`` of each distinct value, computed once: the bookings of a list share their
    start and end times and the few users who made them."""

    def __init__(self, convert) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, value):
        result = self[value] = self.convert(value)
        return result


def _moments(zone: ZoneInfo) -> _Memo:
    """Seconds since the epoch -> aware datetime in the zone."""
    return _Memo(lambda epoch: dt.datetime.fromtimestamp(epoch, zone))


def _bookings(connection: Connection, rows, zone: ZoneInfo | None = None) -> list[BookingInfo]:
    """BookingInfo of the rows of `_BOOKING_SQL`, times in the organization's zone.

    Lists of bookings run to thousands, so the work per row is kept small: moments and user names are
    converted once per distinct value, and each BookingInfo is filled through its ``__dict__`` -- the
    frozen dataclass's ``__init__`` sets its 18 fields one ``object.__setattr__`` at a time, which took
    longer than the rest of the list. The objects are the same: frozen, equal and hashable as ever."""
    if not rows:
        return []
    names = {r.id: r for r in connection.execute(text(_NAMES_SQL), {"ids": list({r[8] for r in rows})})}
    office_ids = {r[9] for r in rows if r[9]} | {n.office_id for n in names.values() if n.office_id}
    offices = dict(connection.execute(text("SELECT id, number FROM offices WHERE id = ANY(:ids)"),
                                      {"ids": list(office_ids)}).all()) if office_ids else {}
    resources = {k: (n.name, offices.get(n.office_id) or "") for k, n in names.items()}
    zones: dict[int, _Memo] = {}
    users = _Memo(lambda login: login.rpartition(".")[2])  # the login role without the installation's prefix
    new, items = object.__new__, []
    for (id_, version, org, patient_id, client, phone, service_id, service_name, resource_id, office_id, starts,
         ends, channel, status, cancel_reason, note, booked_by) in rows:
        moments = zones.get(org)
        if moments is None:
            moments = zones[org] = _moments(zone or organization_zone(connection, org))
        resource_name, resource_office = resources.get(resource_id, ("", ""))
        item = new(BookingInfo)
        values = item.__dict__
        (values["id"], values["version"], values["organization_id"], values["patient_id"], values["client_name"],
         values["phone"], values["service_id"], values["service_name"], values["resource_id"],
         values["resource_name"], values["office"], values["starts_at"], values["ends_at"], values["channel"],
         values["status"], values["cancel_reason"], values["note"], values["booked_by"]) = (
            id_, version, org, patient_id, client or "", phone or "", service_id, service_name, resource_id,
            resource_name, offices.get(office_id) or resource_office, moments[starts], moments[ends], channel,
            status, cancel_reason, note, users[booked_by])
        items.append(item)
    return items


def booking(connection: Connection, booking_id: int) -> BookingInfo:
    row = connection.execute(text(_BOOKING_SQL + " WHERE b.id = :b"), {"b": booking_id}).first()
    if row is None:
        raise NotFound(WHAT_BOOKING)
    return _bookings(connection, [row])[0]


def bookings_between(connection: Connection, organization_id: int, first: dt.date, last: dt.date, *,
                     resource_ids: Sequence[int] | None = None, patient_id: int | None = None,
                     include_inactive: bool = False, with_phones: bool = True) -> list[BookingInfo]:
    """Bookings of [first, last] (local days); ``with_phones=False`` leaves the clients' phones out
    (''), which a screen full of bookings does not show."""
    zone = organization_zone(connection, organization_id)
    start, _ = local_range(first, 0, 0, zone)
    end, _ = local_range(last + dt.timedelta(days=1), 0, 0, zone)
    where = ["b.organization_id = :o", "b.starts_at >= :s", "b.starts_at < :e"]
    params: dict = {"o": organization_id, "s": start, "e": end}
    if resource_ids is not None:
        where.append("b.resource_id = ANY(:ids)")
        params["ids"] = list(resource_ids)
    if patient_id is not None:
        where.append("b.patient_id = :p")
        params["p"] = patient_id
    if not include_inactive:
        where.append(f"b.status IN {_ACTIVE_SQL}")
    sql = _BOOKING_SQL if with_phones else _BOOKING_SQL.replace(_PHONE, "''")
    rows = connection.execute(text(sql + " WHERE " + " AND ".join(where) + " ORDER BY lower(b.period)"), params).all()
    return _bookings(connection, rows, zone)


def patient_bookings(connection: Connection, patient_id: int, *, upcoming_only: bool = True) -> list[BookingInfo]:
    condition = "AND b.starts_at > now() - interval '12 hours'" if upcoming_only else ""
    rows = connection.execute(text(_BOOKING_SQL + f" WHERE b.patient_id = :p {condition} ORDER BY lower(b.period)"),
                              {"p": patient_id}).all()
    return _bookings(connection, rows)


@dataclass(frozen=True)
class BookingRequest:
    organization_id: int
    service_id: int
    resource_id: int
    starts_at: dt.datetime
    channel: str = "registry"
    patient_id: int | None = None
    contact_name: str = ""
    contact_phone: str = ""
    note: str = ""


def _validate_time(connection: Connection, request: BookingRequest, now: dt.datetime,
                   zone: ZoneInfo) -> tuple[dt.datetime, int | None, int | None]:
    """Checks everything but the overlap (which the constraint decides); returns end, office resource."""
    if request.starts_at.tzinfo is None:
        raise refused("naive_time")
    if request.channel not in CHANNELS:
        raise refused("channel")
    active = connection.execute(text(
        "SELECT s.is_active AND r.is_active FROM medical_services s, schedule_resources r "
        "WHERE s.id = :s AND r.id = :r AND s.organization_id = :o AND r.organization_id = :o"
    ), {"s": request.service_id, "r": request.resource_id, "o": request.organization_id}).scalar()
    if active is None:
        raise NotFound(WHAT_RESOURCE)
    if not active:
        raise refused("inactive")
    cands = _candidates(connection, request.organization_id, request.service_id, resource_id=request.resource_id)
    if not cands:
        raise refused("not_performed")
    cand = cands[0]
    starts = request.starts_at
    ends = starts + cand.duration
    if starts < now:
        raise refused("past")
    day = starts.astimezone(zone).date()
    check_patient(connection, request.service_id, request.patient_id, day)
    item = _load_days(connection, [request.resource_id], day, day, zone).get((request.resource_id, day))
    office = None
    if item is None or not any(p[0] <= starts and ends <= p[1] for p, _ in item.work) or any(
            b[0] < ends and starts < b[1] for b in item.breaks):
        raise refused("outside_hours")
    office = next(o for p, o in item.work if p[0] <= starts and ends <= p[1])
    if cand.max_per_day is not None and item.patients >= cand.max_per_day:
        raise refused("day_full")
    release = dt.timedelta(hours=_release_hours(connection, request.organization_id))
    minutes = int(cand.duration.total_seconds() // 60)
    if starts - now > release and not channel_allows(item.capacity(), cand.shares, item.channel_minutes,
                                                     request.channel, minutes):
        raise refused("channel_full")
    office_resource = None
    if office is not None:
        office_resource = connection.scalar(text(
            "SELECT id FROM schedule_resources WHERE kind = 'office' AND office_id = :o AND is_active"
        ), {"o": office})
        if office_resource == request.resource_id:
            office_resource = None
    return ends, office_resource, office


def _alternatives(connection: Connection, request: BookingRequest, zone: ZoneInfo, now: dt.datetime) -> tuple:
    day = request.starts_at.astimezone(zone).date()
    own = find_slots(connection, request.organization_id, request.service_id, first_day=day, days=3,
                     channel=request.channel, resource_id=request.resource_id, now=now)
    others = find_slots(connection, request.organization_id, request.service_id, first_day=day, days=1,
                        channel=request.channel, now=now)
    pool = {(s.resource_id, s.starts_at): s for s in own + others}
    ranked = sorted(pool.values(), key=lambda s: (abs((s.starts_at - request.starts_at).total_seconds()),
                                                  s.resource_id != request.resource_id))
    return tuple(ranked[:6])


def _lock(connection: Connection, resource_id: int) -> None:
    connection.execute(text("SELECT pg_advisory_xact_lock(:c, :r)"), {"c": _LOCK_CLASS, "r": resource_id})


def book(connection: Connection, request: BookingRequest, *, now: dt.datetime | None = None) -> BookingInfo:
    """Books the slot or raises: `BookingRefused` (why), `SlotTaken` (with the nearest free slots)."""
    now = now or dt.datetime.now(dt.UTC)
    if request.patient_id is None and not (request.contact_name.strip() and request.contact_phone.strip()):
        raise refused("who")
    zone = organization_zone(connection, request.organization_id)
    # Day limits and channel shares are counted under a per-resource lock; overlap is the constraint's job.
    _lock(connection, request.resource_id)
    ends, office_resource, office = _validate_time(connection, request, now, zone)
    try:
        with connection.begin_nested():
            booking_id = connection.scalar(text(
                "INSERT INTO bookings (organization_id, patient_id, contact_name, contact_phone, service_id, "
                "resource_id, office_resource_id, office_id, period, channel, note) "
                "VALUES (:o, :p, :n, :ph, :s, :r, :or, :of, tstzrange(:a, :b), :c, :note) RETURNING id"
            ), {"of": office, "o": request.organization_id, "p": request.patient_id, "n": request.contact_name.strip()[:200],
                "ph": request.contact_phone.strip()[:40], "s": request.service_id, "r": request.resource_id,
                "or": office_resource, "a": request.starts_at, "b": ends, "c": request.channel,
                "note": request.note.strip()})
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == "23P01":
            raise SlotTaken(_alternatives(connection, request, zone, now)) from None
        raise
    return booking(connection, booking_id)


def _stale(connection: Connection, row_id: int, table: str = "bookings") -> DomainError:
    from shared.services.concurrency import last_change

    who = last_change(connection, table, row_id)
    if who is None:
        return NotFound(WHAT_BOOKING if table == "bookings" else WHAT_WAITING)
    return BookingChanged(user=who[0], time=who[1])


def reschedule(connection: Connection, booking_id: int, version: int, *, starts_at: dt.datetime,
               resource_id: int | None = None, now: dt.datetime | None = None) -> BookingInfo:
    """Moves a booking to another time (and doctor); the old time is kept in the booking's history."""
    now = now or dt.datetime.now(dt.UTC)
    current = booking(connection, booking_id)
    if current.status not in ("booked", "confirmed"):
        raise StatusNotAllowed(old=current.status, new="rescheduled")
    request = BookingRequest(current.organization_id, current.service_id, resource_id or current.resource_id,
                             starts_at, current.channel, current.patient_id)
    zone = organization_zone(connection, current.organization_id)
    _lock(connection, request.resource_id)
    # The booking's own time does not count against itself: release it inside a savepoint first.
    try:
        with connection.begin_nested():
            moved = connection.execute(text(
                "UPDATE bookings SET status = 'cancelled', cancel_reason = 'rescheduling' "
                "WHERE id = :b AND version = :v"), {"b": booking_id, "v": version}).rowcount
            if moved != 1:
                raise _stale(connection, booking_id)
            ends, office_resource, office = _validate_time(connection, request, now, zone)
            raise _Validated(ends, office_resource, office)
    except _Validated as ok:
        ends, office_resource, office = ok.ends, ok.office_resource, ok.office
    try:
        with connection.begin_nested():
            updated = connection.execute(text(
                "UPDATE bookings SET period = tstzrange(:a, :e), resource_id = :r, office_resource_id = :or, "
                "office_id = :of, version = version + 1, updated_at = now() WHERE id = :b AND version = :v"
            ), {"of": office, "a": starts_at, "e": ends, "r": request.resource_id, "or": office_resource, "b": booking_id,
                "v": version}).rowcount
            if updated != 1:
                raise _stale(connection, booking_id)
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == "23P01":
            raise SlotTaken(_alternatives(connection, request, zone, now)) from None
        raise
    return booking(connection, booking_id)


class _Validated(Exception):
    """Carries a validation result out of a savepoint that must be rolled back."""

    def __init__(self, ends: dt.datetime, office_resource: int | None, office: int | None) -> None:
        self.ends, self.office_resource, self.office = ends, office_resource, office


def set_status(connection: Connection, booking_id: int, version: int, status: str, *,
               reason: str = "") -> BookingInfo:
    current = booking(connection, booking_id)
    if status not in TRANSITIONS.get(current.status, set()):
        raise StatusNotAllowed(old=current.status, new=status)
    if status == "cancelled" and not reason.strip():
        raise CancelReasonRequired()
    try:
        with connection.begin_nested():
            updated = connection.execute(text(
                "UPDATE bookings SET status = :s, cancel_reason = :c, version = version + 1, updated_at = now() "
                "WHERE id = :b AND version = :v"
            ), {"s": status, "c": reason.strip()[:500] if status == "cancelled" else "", "b": booking_id,
                "v": version}).rowcount
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == "23P01":
            # Un-cancelling a no-show into time someone else has taken since.
            raise SlotTaken(()) from None
        raise
    if updated != 1:
        raise _stale(connection, booking_id)
    return booking(connection, booking_id)


def cancel(connection: Connection, booking_id: int, version: int, reason: str) -> BookingInfo:
    return set_status(connection, booking_id, version, "cancelled", reason=reason)


def personalize(connection: Connection, booking_id: int, version: int, patient_id: int) -> BookingInfo:
    """Attaches an anonymous booking (a name and a phone) to the client's record once they are
    registered or found; the service's sex and age rules apply as for a new booking."""
    current = booking(connection, booking_id)
    if current.patient_id is not None:
        raise AlreadyPersonal()
    check_patient(connection, current.service_id, patient_id, current.starts_at.date())
    if connection.execute(text(
        "UPDATE bookings SET patient_id = :p, version = version + 1, updated_at = now() "
        "WHERE id = :b AND version = :v AND patient_id IS NULL"), {"p": patient_id, "b": booking_id, "v": version}
    ).rowcount != 1:
        raise _stale(connection, booking_id)
    return booking(connection, booking_id)


class AlreadyPersonal(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "This booking already belongs to a client's record.")


@dataclass(frozen=True)
class BookingEventInfo:
    occurred_at: dt.datetime
    actor: str
    action: str
    old_starts_at: dt.datetime | None
    new_starts_at: dt.datetime | None
    old_resource_id: int | None
    new_resource_id: int | None
    old_status: str | None
    new_status: str | None
    reason: str


def history(connection: Connection, booking_id: int) -> list[BookingEventInfo]:
    rows = connection.execute(text(
        "SELECT e.occurred_at, regexp_replace(e.actor, '^.*[.]', '') AS actor, e.action, lower(e.old_period) AS o, "
        "lower(e.new_period) AS n, e.old_resource_id, e.new_resource_id, e.old_status, e.new_status, e.reason, "
        "b.organization_id FROM booking_events e JOIN bookings b ON b.id = e.booking_id "
        "WHERE e.booking_id = :b ORDER BY e.id"
    ), {"b": booking_id}).all()
    if not rows:
        return []
    zone = organization_zone(connection, rows[0].organization_id)

    def local(value: dt.datetime | None) -> dt.datetime | None:
        return value.astimezone(zone) if value is not None else None

    return [BookingEventInfo(local(r.occurred_at), r.actor, r.action, local(r.o), local(r.n), r.old_resource_id,
                             r.new_resource_id, r.old_status, r.new_status, r.reason) for r in rows]


# --- moving a day ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MovedBooking:
    """A line of the "patients to call" list after moving a doctor's day."""

    booking_id: int
    client_name: str
    phone: str
    service_name: str
    old_starts_at: dt.datetime
    new_starts_at: dt.datetime | None  # None: no free time found, the booking is unchanged
    new_resource_id: int | None


def move_day(connection: Connection, resource_id: int, day: dt.date, *, to_day: dt.date | None = None,
             to_resource_id: int | None = None, any_resource: bool = False,
             booking_ids: Sequence[int] | None = None, now: dt.datetime | None = None) -> list[MovedBooking]:
    """Moves the day's active bookings of a resource (a doctor fell ill) -- or just ``booking_ids`` of
    them -- to the first free time from ``to_day`` (default: the next day) of ``to_resource_id``
    (default: the same resource), or of any resource performing the service with ``any_resource``;
    returns who to call. A booking that cannot be moved stays as it was and is reported unmoved."""
    now = now or dt.datetime.now(dt.UTC)
    org = connection.scalar(text("SELECT organization_id FROM schedule_resources WHERE id = :r"), {"r": resource_id})
    if org is None:
        raise NotFound(WHAT_RESOURCE)
    to_day = to_day or day + dt.timedelta(days=1)
    wanted = set(booking_ids) if booking_ids is not None else None
    report = []
    for item in bookings_between(connection, org, day, day, resource_ids=[resource_id]):
        if item.status not in ("booked", "confirmed") or (wanted is not None and item.id not in wanted):
            continue
        target = None if any_resource else (to_resource_id or resource_id)
        moved = None
        try:
            slots = find_slots(connection, org, item.service_id, first_day=to_day, first_only=True,
                               channel=item.channel, resource_id=target, patient_id=item.patient_id, now=now)
        except BookingRefused:
            slots = []  # e.g. the client no longer fits the service's age: a person has to decide
        for slot in slots:
            try:
                moved = reschedule(connection, item.id, item.version, starts_at=slot.starts_at,
                                   resource_id=slot.resource_id, now=now)
                break
            except (SlotTaken, BookingRefused):
                continue
        report.append(MovedBooking(item.id, item.client_name, item.phone, item.service_name, item.starts_at,
                                   moved.starts_at if moved else None, moved.resource_id if moved else None))
    return report


# --- workload ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkloadCell:
    resource_id: int
    day: dt.date
    planned_minutes: int
    booked_minutes: int
    done_minutes: int
    patients: int

    @property
    def load_percent(self) -> int:
        if not self.planned_minutes:
            return 0
        return round(100 * self.booked_minutes / self.planned_minutes)


def workload(connection: Connection, organization_id: int, first: dt.date, last: dt.date, *,
             resource_ids: Sequence[int] | None = None) -> list[WorkloadCell]:
    """Planned (working minus breaks), booked (active bookings) and done minutes per resource and day."""
    zone = organization_zone(connection, organization_id)
    ids = list(resource_ids) if resource_ids is not None else list(connection.scalars(text(
        "SELECT id FROM schedule_resources WHERE organization_id = :o AND is_active"), {"o": organization_id}))
    planned: dict[tuple[int, dt.date], int] = defaultdict(int)
    rows = connection.execute(text(
        "SELECT resource_id, day, kind, lower(period) AS s, upper(period) AS e FROM schedule_intervals "
        "WHERE resource_id = ANY(:ids) AND day BETWEEN :a AND :b"), {"ids": ids, "a": first, "b": last}).all()
    for r in rows:
        minutes = int((r.e - r.s).total_seconds() // 60)
        planned[(r.resource_id, r.day)] += minutes if r.kind == "work" else -minutes
    start, _ = local_range(first, 0, 0, zone)
    end, _ = local_range(last + dt.timedelta(days=1), 0, 0, zone)
    booked: dict[tuple[int, dt.date], list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in connection.execute(text(
        "SELECT resource_id, lower(period) AS s, upper(period) AS e, status FROM bookings "
        "WHERE resource_id = ANY(:ids) AND status = ANY(:active) AND starts_at >= :s AND starts_at < :e"
    ), {"ids": ids, "s": start, "e": end, "active": list(ACTIVE_STATUSES)}):
        key = (r.resource_id, r.s.astimezone(zone).date())
        minutes = int((r.e - r.s).total_seconds() // 60)
        booked[key][0] += minutes
        booked[key][2] += 1
        if r.status == "done":
            booked[key][1] += minutes
    keys = set(planned) | set(booked)
    return sorted((WorkloadCell(k[0], k[1], planned.get(k, 0), booked[k][0] if k in booked else 0,
                                booked[k][1] if k in booked else 0, booked[k][2] if k in booked else 0)
                   for k in keys), key=lambda c: (c.resource_id, c.day))


# --- waiting list ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WaitingEntry:
    id: int
    version: int
    patient_id: int | None
    client_name: str
    phone: str
    service_id: int
    service_name: str
    resource_id: int | None
    wanted_from: dt.date
    wanted_to: dt.date | None
    channel: str
    note: str
    status: str
    created_at: dt.datetime


def add_to_waiting_list(connection: Connection, organization_id: int, service_id: int, *,
                        wanted_from: dt.date, wanted_to: dt.date | None = None, patient_id: int | None = None,
                        contact_name: str = "", contact_phone: str = "", resource_id: int | None = None,
                        channel: str = "registry", note: str = "") -> int:
    if patient_id is None and not (contact_name.strip() and contact_phone.strip()):
        raise refused("who")
    if channel not in CHANNELS:
        raise refused("channel")
    if wanted_to is not None and wanted_to < wanted_from:
        raise InvalidWaitingPeriod()
    check_patient(connection, service_id, patient_id, wanted_from)
    return connection.scalar(text(
        "INSERT INTO waiting_list (organization_id, patient_id, contact_name, contact_phone, service_id, resource_id, "
        "wanted_from, wanted_to, channel, note) VALUES (:o, :p, :n, :ph, :s, :r, :a, :b, :c, :note) RETURNING id"
    ), {"o": organization_id, "p": patient_id, "n": contact_name.strip()[:200], "ph": contact_phone.strip()[:40],
        "s": service_id, "r": resource_id, "a": wanted_from, "b": wanted_to, "c": channel, "note": note.strip()})


def waiting_list(connection: Connection, organization_id: int, *, status: str = "waiting") -> list[WaitingEntry]:
    rows = connection.execute(text(
        "SELECT w.id, w.version, w.patient_id, "
        "coalesce(nullif(btrim(concat_ws(' ', p.last_name, p.first_name, p.middle_name)), ''), w.contact_name), "
        "coalesce((SELECT ph.digits FROM patient_phones ph WHERE ph.patient_id = w.patient_id ORDER BY ph.id "
        "LIMIT 1), w.contact_phone), w.service_id, s.name, w.resource_id, w.wanted_from, w.wanted_to, w.channel, "
        "w.note, w.status, w.created_at FROM waiting_list w JOIN medical_services s ON s.id = w.service_id "
        "LEFT JOIN patients p ON p.id = w.patient_id WHERE w.organization_id = :o AND w.status = :st "
        "ORDER BY w.created_at"), {"o": organization_id, "st": status}).all()
    zone = organization_zone(connection, organization_id)
    return [WaitingEntry(*r[:-1], r[-1].astimezone(zone)) for r in rows]


def book_from_waiting_list(connection: Connection, entry_id: int, version: int, slot: Slot, *,
                           now: dt.datetime | None = None) -> BookingInfo:
    row = connection.execute(text("SELECT * FROM waiting_list WHERE id = :w AND status = 'waiting'"),
                             {"w": entry_id}).mappings().first()
    if row is None:
        raise NotFound(WHAT_WAITING)
    made = book(connection, BookingRequest(row["organization_id"], row["service_id"], slot.resource_id,
                                           slot.starts_at, row["channel"], row["patient_id"], row["contact_name"],
                                           row["contact_phone"], row["note"]), now=now)
    if connection.execute(text("UPDATE waiting_list SET status = 'booked', booking_id = :b, version = version + 1 "
                               "WHERE id = :w AND version = :v"), {"b": made.id, "w": entry_id, "v": version}
                          ).rowcount != 1:
        raise _stale(connection, entry_id, table="waiting_list")
    return made


def withdraw_from_waiting_list(connection: Connection, entry_id: int, version: int) -> None:
    if connection.execute(text("UPDATE waiting_list SET status = 'withdrawn', version = version + 1 "
                               "WHERE id = :w AND version = :v AND status = 'waiting'"),
                          {"w": entry_id, "v": version}).rowcount != 1:
        raise _stale(connection, entry_id, table="waiting_list")
